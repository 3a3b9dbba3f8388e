/** The extension manifest agrees with the code: language, grammar, settings, commands, capabilities. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { severitySetting } from "../../server/src/core/config";
import { RULES } from "../../server/src/core/rules";
import { ROOT } from "./client";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const { contributes } = manifest;

test("one language for *.cto-charter.yaml / .yml, with a grammar, a language configuration and an icon that exist", () => {
  assert.equal(contributes.languages.length, 1);
  const [language] = contributes.languages;
  assert.equal(language.id, "cto-charter");
  assert.deepEqual(language.filenamePatterns, ["*.cto-charter.yaml", "*.cto-charter.yml"]);
  const configuration = JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), "utf8"));
  assert.equal(configuration.comments.lineComment, "#");
  for (const icon of [language.icon.light, language.icon.dark, manifest.icon]) assert.ok(fs.existsSync(path.join(ROOT, icon)), `${icon} exists`);
  const [grammar] = contributes.grammars;
  assert.equal(grammar.language, "cto-charter");
  assert.equal(JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), "utf8")).scopeName, grammar.scopeName);
});

test("activates only on its language, and takes nothing from the YAML extension", () => {
  assert.deepEqual(manifest.activationEvents, ["onLanguage:cto-charter"]);
  assert.equal(contributes.yamlValidation, undefined);
  assert.ok(!JSON.stringify(contributes).includes("yaml.schemas"));
});

test("ctoCharter.rules describes every rule, with the severities the server accepts", () => {
  const rules = contributes.configuration.properties["ctoCharter.rules"];
  assert.deepEqual(Object.keys(rules.properties), RULES.map((r) => r.id));
  for (const rule of RULES) {
    const setting = rules.properties[rule.id];
    assert.deepEqual(setting.enum, severitySetting.options);
    assert.ok(setting.markdownDescription.startsWith(rule.summary), `${rule.id} is described by its summary`);
    assert.ok(setting.markdownDescription.includes(`\`${rule.severity}\``), `${rule.id} names its default`);
  }
  for (const name of ["ctoCharter.catalogPath", "ctoCharter.trace.server"]) assert.ok(contributes.configuration.properties[name]?.description ?? contributes.configuration.properties[name]?.markdownDescription);
});

test("limited in untrusted workspaces (no organisation catalog), supported in virtual ones", () => {
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, "limited");
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ["ctoCharter.catalogPath"]);
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
});

test("every contributed command is registered by the client", () => {
  const source = fs.readdirSync(path.join(ROOT, "client", "src")).map((f) => fs.readFileSync(path.join(ROOT, "client", "src", f), "utf8")).join("\n");
  assert.deepEqual(contributes.commands.map((c: { command: string }) => c.command).sort(), ["ctoCharter.newCharterFromPersona", "ctoCharter.showPersonaFit"]);
  for (const { command } of contributes.commands) assert.ok(source.includes(`registerCommand("${command}"`), `${command} is registered`);
});

test("the bundles the manifest points at are where the build puts them", () => {
  assert.equal(manifest.main, "./dist/client.js");
  assert.ok(fs.existsSync(path.join(ROOT, "dist", "client.js")));
  assert.ok(fs.existsSync(path.join(ROOT, "dist", "server.js")));
  assert.match(manifest.scripts["vscode:prepublish"], /esbuild\.mjs --production/);
  assert.match(manifest.scripts.package, /vsce package --no-dependencies/);
});
