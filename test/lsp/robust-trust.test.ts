/**
 * Trust and safety. The server and the extension never run code from the workspace: their own code
 * holds no eval, no code built from strings, no dynamic require or import, no process or network
 * module; a whole session runs with code generation from strings disabled. The server never opens a
 * network connection nor starts a program: a full session under a guard that records every attempt
 * records none. An organisation catalog is read only in a trusted workspace, and a malformed one is
 * reported while the built-in catalog keeps working.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
} from "vscode-languageserver-protocol";
import { NEW_CHARTER_TEMPLATES, PERSONA_FIT, WORKSPACE_TRUSTED } from "../../server/src/lsp/protocol";
import { Settings } from "../../server/src/lsp/settings";
import type { Connection } from "vscode-languageserver/node";
import { fileUri, ROOT, TestClient } from "./client";
import { ORG_CATALOG, ORG_ID, unknownOrgId } from "./org-catalog";

const GUARD = path.join(__dirname, "robust-guard.cjs");
const EXAMPLES = path.join(ROOT, "examples");


const CHARTER = `charter: cto/v1
persona: digital-business-leader
accountabilities:
  - id: ${ORG_ID}
    metrics: [widgets shipped]
  - Lead the digital products portfolio
`;


describe("no code from the workspace is ever run", () => {
  /** The sources each bundle was built from, other than its dependencies. */
  function ownSources(bundle: string): { file: string; code: string }[] {
    const map = JSON.parse(fs.readFileSync(path.join(ROOT, "dist", `${bundle}.js.map`), "utf8")) as { sources: string[]; sourcesContent: string[] };
    return map.sources
      .map((file, i) => ({ file, code: map.sourcesContent[i] ?? "" }))
      .filter(({ file }) => !file.includes("node_modules") && !file.startsWith("empty:"));
  }

  const FORBIDDEN: [string, RegExp][] = [
    ["eval", /\beval\s*\(/],
    ["code built from a string", /\bnew\s+Function\b|\bFunction\s*\(/],
    ["a dynamic require", /\brequire\s*\(\s*[^"'\s)]/],
    ["a dynamic import", /\bimport\s*\(/],
    ["process.binding or Module internals", /process\.binding|Module\._load|createRequire/],
    ["a module that runs code or programs", /["'](?:node:)?(?:vm|child_process|worker_threads|cluster)["']/],
    ["a network module", /["'](?:node:)?(?:net|tls|http|https|http2|dgram|dns)["']/],
    ["fetch or WebSocket", /\bfetch\s*\(|\bWebSocket\b/],
  ];

  // Comments may talk about all of this; only code counts.
  const codeOf = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");

  for (const bundle of ["server-main", "client"]) {
    test(`dist/${bundle}.js: its own code has no eval, no dynamic require or import, no process or network module`, () => {
      const sources = ownSources(bundle);
      assert.ok(sources.length >= (bundle === "server-main" ? 30 : 2), `the source map lists the bundle's own files (${sources.length})`);
      for (const { file, code } of sources) {
        for (const [what, pattern] of FORBIDDEN) assert.doesNotMatch(codeOf(code), pattern, `${file} has ${what}`);
      }
    });
  }

  test("dist/server.js, the launcher, compiles one text with `vm`: the bundle file beside it, by a fixed name", () => {
    const sources = ownSources("server");
    assert.deepEqual(sources.map(({ file }) => path.basename(file)).sort(), ["launcher.ts", "v8-settings.ts"]);
    // The module that sets V8's flags back to their defaults runs nothing at all.
    const settings = codeOf(sources.find(({ file }) => file.endsWith("v8-settings.ts"))!.code);
    for (const [what, pattern] of FORBIDDEN) assert.doesNotMatch(settings, pattern, `v8-settings.ts has ${what}`);
    const code = codeOf(sources.find(({ file }) => file.endsWith("launcher.ts"))!.code);
    for (const [what, pattern] of FORBIDDEN.filter(([what]) => what !== "a module that runs code or programs")) assert.doesNotMatch(code, pattern, `the launcher has ${what}`);
    assert.equal(code.match(/new vm\.Script\(/g)?.length, 1, "one compilation");
    assert.match(code, /const target = path\.join\(__dirname, LAUNCH_TARGET\);/, "of a file beside the launcher, named at build time");
    assert.match(code, /const source = fs\.readFileSync\(target, "utf8"\)/, "whose text is what it compiles");
    assert.match(fs.readFileSync(path.join(ROOT, "dist", "server.js"), "utf8"), /"server-main\.js"/);
  });
});

describe("a whole session opens no connection and starts no program", () => {
  let workspace: string;
  let logFile: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), "cto-charter-trust-"));
    logFile = path.join(workspace, "attempts.jsonl");
    fs.writeFileSync(path.join(workspace, "org-catalog.yaml"), ORG_CATALOG);
    fs.writeFileSync(path.join(workspace, ".cto-charter.json"), JSON.stringify({ catalog: "org-catalog.yaml" }));
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const attempts = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean) : []);
  const guarded = (script: string) =>
    spawnSync(process.execPath, ["--require", GUARD, "-e", script], { env: { ...process.env, CTO_CHARTER_GUARD_LOG: logFile }, encoding: "utf8" });

  test("the guard itself records a connection and a program it refuses", () => {
    guarded(`try { require("node:net").connect(9, "127.0.0.1"); } catch {}
try { require("node:https").get("https://example.com"); } catch {}
try { require("node:child_process").spawnSync("true"); } catch {}`);
    assert.deepEqual(attempts().map((line) => JSON.parse(line).attempt), ["net.connect", "https.get", "child_process.spawnSync"]);
    fs.rmSync(logFile);
  });

  test("open, edit, hover, complete, fix, outline, persona fit, templates, org catalog and settings changes: no attempt", async (t) => {
    // Inherited by the server the client spawns: the guard, and no code generation from strings at all.
    const previous = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${previous ?? ""} --disallow-code-generation-from-strings --require ${JSON.stringify(GUARD)}`;
    process.env.CTO_CHARTER_GUARD_LOG = logFile;
    const client = await TestClient.start({ folder: workspace, initializationOptions: { workspaceTrusted: true } });
    process.env.NODE_OPTIONS = previous;
    if (previous === undefined) delete process.env.NODE_OPTIONS;
    let answered = 0;
    try {
      const charter = fileUri(path.join(workspace, "role.cto-charter.yaml"));
      assert.ok(!unknownOrgId(await client.open(charter, CHARTER)), "the org catalog is read: the workspace is trusted");
      const uris = [charter];
      for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".cto-charter.yaml"))) {
        const uri = fileUri(path.join(workspace, file));
        const published = await client.open(uri, fs.readFileSync(path.join(EXAMPLES, file), "utf8"));
        uris.push(uri);
        await client.replace(uri, 0, 0, "# edited\n");
        const textDocument = { uri };
        const document = client.document(uri);
        for (let offset = 0; offset < document.getText().length; offset += 97) {
          const position = document.positionAt(offset);
          await client.connection.sendRequest(HoverRequest.type, { textDocument, position });
          await client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
          answered += 2;
        }
        for (const diagnostic of published.diagnostics.slice(0, 10)) {
          await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
          answered++;
        }
        await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: published.diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["source.fixAll.ctoCharter"] } });
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
        await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
        await client.connection.sendRequest(PERSONA_FIT, { uri });
        answered += 4;
      }
      await client.connection.sendRequest(NEW_CHARTER_TEMPLATES, { uri: fileUri(workspace) });
      // A malformed catalog, then a change to watched files and to trust: each re-reads settings and files.
      fs.writeFileSync(path.join(workspace, "broken.yaml"), "accountabilities: [unclosed\n");
      client.settings = { catalogPath: "broken.yaml" };
      await client.configurationChanged(charter, unknownOrgId);
      const reread = client.nextDiagnostics(charter);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path.join(workspace, ".cto-charter.json")), type: 2 }] });
      await reread;
      const trusted = client.nextDiagnostics(charter);
      await client.connection.sendNotification(WORKSPACE_TRUSTED);
      await trusted;
      for (const uri of uris) await client.close(uri);
      answered += 1;
    } finally {
      await client.stop();
    }
    assert.deepEqual(JSON.parse(fs.readFileSync(`${logFile}.loaded`, "utf8")), { pid: client.server.pid, codeFromStrings: false }, "the server ran under the guard, unable to build code from strings");
    assert.deepEqual(attempts(), [], "no connection, no program");
    t.diagnostic(`trust: a session of ${answered} requests made no network or process attempt`);
  });
});

describe("an organisation catalog", () => {
  let workspace: string;
  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), "cto-charter-catalog-"));
    fs.writeFileSync(path.join(workspace, "org-catalog.yaml"), ORG_CATALOG);
    fs.writeFileSync(path.join(workspace, "not-yaml.yaml"), "accountabilities:\n  - id: [unclosed\n");
    let bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
    fs.writeFileSync(path.join(workspace, "bomb.yaml"), bomb);
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  test("named by ctoCharter.catalogPath, it is ignored when the client says the workspace is not trusted", async () => {
    for (const catalogPath of ["org-catalog.yaml", path.join(workspace, "org-catalog.yaml")]) {
      const client = await TestClient.start({ folder: workspace, initializationOptions: { workspaceTrusted: false }, settings: { catalogPath } });
      try {
        const published = await client.open(fileUri(path.join(workspace, "role.cto-charter.yaml")), CHARTER);
        assert.ok(unknownOrgId(published), `${catalogPath}: the org id is unknown, so the catalog was not read`);
        assert.deepEqual(client.messages, [], "nothing to alarm the user about");
      } finally {
        await client.stop();
      }
    }
  });

  test("fixed on disk, it is read again as soon as the editor reports the change; other YAML changes are not its", async () => {
    const file = path.join(workspace, "being-edited.yaml");
    fs.writeFileSync(file, "accountabilities: [unclosed\n");
    const client = await TestClient.start({ folder: workspace, initializationOptions: { workspaceTrusted: true }, settings: { catalogPath: "being-edited.yaml" } });
    try {
      const charter = fileUri(path.join(workspace, "role.cto-charter.yaml"));
      assert.ok(unknownOrgId(await client.open(charter, CHARTER)), "broken: the built-in catalog is used");
      fs.writeFileSync(file, ORG_CATALOG);
      const reread = client.nextDiagnostics(charter);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path.join(workspace, "another.cto-charter.yaml")), type: 2 }, { uri: fileUri(file), type: 2 }] });
      assert.ok(!unknownOrgId(await reread), "fixed: the org id is known");
    } finally {
      await client.stop();
    }
  });

  test("the options depend on config files and the catalogs in use, not on charters", async () => {
    const settings = new Settings({} as Connection);
    settings.configure({ pull: false, trusted: true, folders: [workspace] });
    settings.reset({ catalogPath: "org-catalog.yaml" });
    await settings.optionsFor(fileUri(path.join(workspace, "role.cto-charter.yaml")));
    assert.equal(settings.dependsOn(path.join(workspace, "org-catalog.yaml")), true);
    assert.equal(settings.dependsOn(path.join(workspace, "sub", ".cto-charter.json")), true, "a config file may appear anywhere");
    assert.equal(settings.dependsOn(path.join(workspace, "role.cto-charter.yaml")), false);
    assert.equal(settings.dependsOn(path.join(workspace, "bomb.yaml")), false, "a YAML file no setting names");
  });

  for (const [name, file, message] of [
    ["not valid YAML", "not-yaml.yaml", /not-yaml\.yaml is not valid YAML or JSON/],
    ["an alias bomb", "bomb.yaml", /bomb\.yaml is not valid YAML or JSON: .*alias/i],
  ] as const) {
    test(`${name}: a clear error naming the file, and the built-in catalog keeps working`, async () => {
      const client = await TestClient.start({ folder: workspace, initializationOptions: { workspaceTrusted: true }, settings: { catalogPath: file } });
      try {
        const published = await client.open(fileUri(path.join(workspace, "role.cto-charter.yaml")), CHARTER);
        assert.ok(unknownOrgId(published), "only the built-in catalog is in use");
        assert.ok(published.diagnostics.some((d) => d.code === "accountability-missing"), "and the rules run on it");
        const errors = client.messages.filter((m) => m.type === 1);
        assert.equal(errors.length, 1, JSON.stringify(client.messages));
        assert.match(errors[0].message, message);
        assert.match(errors[0].message, /The built-in catalog is used until it is fixed/);
      } finally {
        await client.stop();
      }
    });
  }
});
