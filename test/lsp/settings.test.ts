/**
 * Configuration: `ctoCharter` settings pulled from the client over the nearest `.cto-charter.json`
 * (settings win), re-applied when they change; an organisation catalog only in a trusted workspace;
 * a broken catalog reported once while the built-in one keeps working.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { DiagnosticSeverity, type PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { builtinCatalog } from "../../server/src/core/builtin-catalog";
import { fileUri, TestClient, VSCODE_LIKE_CAPABILITIES } from "./client";
import { ORG_CATALOG, ORG_ID, unknownOrgId } from "./org-catalog";

const PERSONA = builtinCatalog().personas.get("digital-business-leader")!;

/** A charter whose only problems are a missing metric, an unusual reporting line and (without the org catalog) an unknown id. */
const CHARTER = [
  "charter: cto/v1",
  "persona: digital-business-leader",
  "reports_to: cfo",
  "accountabilities:",
  ...PERSONA.core.flatMap((core, i) => (i === 0 ? [`  - id: ${core.id}`] : [`  - id: ${core.id}`, "    metrics: [a measure]"])),
  `  - id: ${ORG_ID}`,
  "    metrics: [a measure]",
  "practices:",
  `  - ${PERSONA.recommendations[0].text}`,
  "",
].join("\n");


let workspace: string;
let charterUri: string;

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "cto-charter-settings-"));
  fs.writeFileSync(path.join(workspace, ".cto-charter.json"), JSON.stringify({ rules: { "metrics-missing": "off", "reporting-line": "error" }, catalog: "org-catalog.yaml" }));
  fs.writeFileSync(path.join(workspace, "org-catalog.yaml"), ORG_CATALOG);
  fs.writeFileSync(path.join(workspace, "broken-catalog.yaml"), "accountabilities:\n  - id: Not A Slug\n");
  charterUri = fileUri(path.join(workspace, "role.cto-charter.yaml"));
});
after(() => fs.rmSync(workspace, { recursive: true, force: true }));

function severityOf(published: PublishDiagnosticsParams, code: string): DiagnosticSeverity | undefined {
  return published.diagnostics.find((d) => d.code === code)?.severity;
}


describe("an untrusted workspace", () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ folder: workspace });
  });
  after(() => client.stop());

  test(".cto-charter.json severities apply, its organisation catalog does not", async () => {
    const published = await client.open(charterUri, CHARTER);
    assert.equal(severityOf(published, "metrics-missing"), undefined, "metrics-missing is off");
    assert.equal(severityOf(published, "reporting-line"), DiagnosticSeverity.Error);
    assert.ok(unknownOrgId(published), "the org catalog's id is unknown: the catalog was not read");
  });

  test("once the client says the workspace is trusted, the catalog is read", async () => {
    const next = client.nextDiagnostics(charterUri, (p) => !unknownOrgId(p), "diagnostics with the org catalog");
    await client.connection.sendNotification("ctoCharter/workspaceTrusted");
    const published = await next;
    assert.equal(published.version, 1, "same version, analysed again");
    assert.equal(severityOf(published, "reporting-line"), DiagnosticSeverity.Error);
    await client.close(charterUri);
  });
});

describe("a trusted workspace", () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({
      folder: workspace,
      initializationOptions: { workspaceTrusted: true },
      settings: { rules: { "reporting-line": "hint" }, "rules.metrics-missing": "warning" },
    });
  });
  after(() => client.stop());

  test("settings win over .cto-charter.json, in both the `rules` object and flat `rules.<id>` keys", async () => {
    const published = await client.open(charterUri, CHARTER);
    assert.equal(severityOf(published, "reporting-line"), DiagnosticSeverity.Hint);
    assert.equal(severityOf(published, "metrics-missing"), DiagnosticSeverity.Warning);
    assert.ok(!unknownOrgId(published), "the org catalog is read");
  });

  test("changed settings are pulled again and re-applied to open documents", async () => {
    client.settings = { rules: { "reporting-line": "off" } };
    const published = await client.configurationChanged(charterUri);
    assert.equal(severityOf(published, "reporting-line"), undefined);
    assert.equal(severityOf(published, "metrics-missing"), undefined, "back to the config file's `off`");
  });

  test("a malformed organisation catalog is reported once, and the built-in catalog keeps working", async () => {
    client.settings = { catalogPath: "broken-catalog.yaml" };
    const published = await client.configurationChanged(charterUri);
    assert.ok(unknownOrgId(published), "the org id is unknown again: only the built-in catalog is in use");
    assert.ok(published.diagnostics.some((d) => d.code === "reporting-line"), "the other rules still run");
    const other = fileUri(path.join(workspace, "second.cto-charter.yaml"));
    await client.open(other, CHARTER);
    const errors = client.messages.filter((m) => m.type === 1);
    assert.equal(errors.length, 1, `one error message: ${JSON.stringify(client.messages)}`);
    assert.match(errors[0].message, /broken-catalog\.yaml/);
    await client.close(other);
    await client.close(charterUri);
  });
});

describe("a client that pushes its settings instead of answering workspace/configuration", () => {
  let client: TestClient;
  before(async () => {
    const { configuration: _, ...workspaceCapabilities } = VSCODE_LIKE_CAPABILITIES.workspace!;
    client = await TestClient.start({ capabilities: { ...VSCODE_LIKE_CAPABILITIES, workspace: workspaceCapabilities } });
  });
  after(() => client.stop());

  test("didChangeConfiguration carries the settings", async () => {
    const uri = "untitled:pushed.cto-charter.yaml";
    assert.equal(severityOf(await client.open(uri, CHARTER), "metrics-missing"), DiagnosticSeverity.Information);
    const next = client.nextDiagnostics(uri, () => true, "diagnostics after pushed settings");
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { ctoCharter: { rules: { "metrics-missing": "error" } } } });
    assert.equal(severityOf(await next, "metrics-missing"), DiagnosticSeverity.Error);
    await client.close(uri);
  });
});
