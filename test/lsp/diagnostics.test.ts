/** The server's lifecycle over stdio: initialize, open, incremental edits, versions, close. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { DiagnosticSeverity, type PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { analyze } from "../../server/src/core/analyze";
import { ruleDocUrl } from "../../server/src/core/rules";
import { ROOT, TestClient } from "./client";
import { serverPerSuite } from "./suite";

const PROBLEMS = fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8");
const CLEAN = fs.readFileSync(path.join(ROOT, "examples", "digital-business-leader.cto-charter.yaml"), "utf8");

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe("diagnostics over stdio", () => {
  let client: TestClient;
  serverPerSuite((started) => (client = started));

  test("initialize announces incremental sync and every feature", async () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.textDocumentSync, 2, "incremental sync");
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.completionProvider);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.foldingRangeProvider);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ["quickfix", "source.fixAll.ctoCharter"]);
    await client.registered("workspace/didChangeConfiguration");
    await client.registered("workspace/didChangeWatchedFiles");
  });

  test("an opened charter gets the core's findings as diagnostics, with rule ids, doc links and data", async () => {
    const uri = "file:///virtual/problems.cto-charter.yaml";
    const published = await client.open(uri, PROBLEMS);
    const findings = analyze(PROBLEMS).findings;
    assert.equal(published.version, 1);
    assert.deepEqual(codes(published), findings.map((f) => f.ruleId));
    const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };
    published.diagnostics.forEach((diagnostic, i) => {
      const finding = findings[i];
      assert.equal(diagnostic.source, "cto-charter");
      assert.equal(diagnostic.severity, severities[finding.severity]);
      assert.equal(diagnostic.codeDescription?.href, ruleDocUrl(finding.ruleId));
      assert.deepEqual(diagnostic.data, finding.data);
      assert.equal(client.document(uri).offsetAt(diagnostic.range.start), finding.range.start);
      assert.equal(client.document(uri).offsetAt(diagnostic.range.end), finding.range.end);
    });
    assert.ok(published.diagnostics.some((d) => d.severity === DiagnosticSeverity.Information), "info maps to Information");
    assert.ok(published.diagnostics.some((d) => d.severity === DiagnosticSeverity.Hint), "hint maps to Hint");
    const duplicate = published.diagnostics.find((d) => d.code === "duplicate-accountability");
    assert.ok(duplicate?.relatedInformation?.length, "duplicate-accountability points at the first entry");
    assert.equal(duplicate.relatedInformation[0].location.uri, uri);
    assert.equal(client.rangeText(uri, duplicate.relatedInformation[0].location.range).split("\n")[0], "id: innovation-and-rd");
    await client.close(uri);
  });

  test("every incremental edit gets the diagnostics of its own version", async () => {
    const uri = "file:///virtual/edits.cto-charter.yaml";
    assert.deepEqual(codes(await client.open(uri, CLEAN)), []);
    const size = CLEAN.indexOf("size: large") + "size: ".length;
    const broken = await client.replace(uri, size, size + "large".length, "larg");
    assert.equal(broken.version, 2);
    assert.deepEqual(codes(broken), ["schema"]);
    assert.equal(client.rangeText(uri, broken.diagnostics[0].range), "larg");
    const fixed = await client.replace(uri, size, size + "larg".length, "large");
    assert.equal(fixed.version, 3);
    assert.deepEqual(codes(fixed), []);
    await client.close(uri);
  });

  test("a burst of edits ends on the diagnostics of the last version; none goes back in time", async () => {
    const uri = "file:///virtual/burst.cto-charter.yaml";
    await client.open(uri, CLEAN);
    const versions: number[] = [];
    const last = 21;
    const done = client.nextDiagnostics(uri, (p) => {
      versions.push(p.version!);
      return p.version === last;
    });
    // Type "# note" at the end one character at a time, without waiting in between; then break the charter.
    const sends: Promise<unknown>[] = [];
    for (let v = 2; v < last; v++) sends.push(client.replace(uri, client.text(uri).length, client.text(uri).length, v === 2 ? "#" : "x"));
    const version = CLEAN.indexOf("cto/v1");
    sends.push(client.replace(uri, version, version + "cto/v1".length, "cto/v9"));
    const final = await done;
    await Promise.all(sends);
    assert.deepEqual(codes(final), ["schema"], "the last version's problem");
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions only go forward: ${versions.join(", ")}`);
    await client.close(uri);
  });

  test("closing a file clears its diagnostics", async () => {
    const uri = "file:///virtual/closing.cto-charter.yaml";
    assert.ok((await client.open(uri, PROBLEMS)).diagnostics.length > 0);
    const cleared = await client.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test("a document that is not a mapping still gets a diagnostic, and recovers", async () => {
    const uri = "file:///virtual/scalar.cto-charter.yaml";
    assert.deepEqual(codes(await client.open(uri, "just text\n")), ["schema"]);
    const recovered = await client.replace(uri, 0, client.text(uri).length, CLEAN);
    assert.deepEqual(codes(recovered), []);
    await client.close(uri);
  });
});
