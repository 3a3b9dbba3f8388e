/**
 * Hostile documents over stdio: each gets a diagnostic that says what is wrong, every request about
 * it is answered, and the server stays responsive: a 20 MB file does not hold up a hover on another
 * document. Ranges stay right on CRLF and BOM files, where a client counts columns itself.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type Diagnostic,
  type Position,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol";
import { ROOT, TestClient } from "./client";
import { serverPerSuite } from "./suite";

const PROBLEMS = fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8");
const CLEAN = fs.readFileSync(path.join(ROOT, "examples", "coo-of-it.cto-charter.yaml"), "utf8");
const HEAD = "charter: cto/v1\npersona: coo-of-it\n";

const messageOf = (d: Diagnostic) => (typeof d.message === "string" ? d.message : d.message.value);

/** Generous bounds: the real figures are reported, and are milliseconds to a few hundred. */
const PROMPT_MS = 5000;

function bomb(levels: number): string {
  let text = `${HEAD}a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n`;
  for (let i = 1; i < levels; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  return `${text}accountabilities: *a${levels - 1}\n`;
}

const CASES: { name: string; text: string; code: string; message: RegExp }[] = [
  { name: "a billion-laughs alias bomb", text: bomb(12), code: "schema", message: /Too many aliases/ },
  { name: "flow lists nested 10,000 deep", text: `${HEAD}accountabilities: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, code: "schema", message: /levels deep; charters deeper than 100 levels are not analysed/ },
  { name: "block lists nested 10,000 deep", text: `${HEAD}accountabilities:\n  ${"- ".repeat(10_000)}x\n`, code: "schema", message: /levels deep; charters deeper than 100 levels are not analysed/ },
  { name: "keys nested 400 deep", text: `${"? ".repeat(400)}x\n`, code: "schema", message: /levels deep/ },
  { name: "a key that is a list", text: `${HEAD}accountabilities: []\n[a, b]: c\n`, code: "schema", message: /A key must be plain text/ },
  { name: "binary bytes", text: `${HEAD}title: \u0000\u0001\u0002\naccountabilities: []\n`, code: "yaml-syntax", message: /control character \(U\+0000\)/ },
  { name: "invalid UTF-8, as an editor decodes it", text: `${HEAD}title: caf\uFFFD\naccountabilities: []\n`, code: "yaml-syntax", message: /not valid UTF-8/ },
  { name: "tabs for indentation", text: `${HEAD}accountabilities:\n\t- Run the service desk\n`, code: "yaml-syntax", message: /Tabs are not allowed as indentation/ },
  { name: "duplicate keys", text: `${HEAD}accountabilities: []\npersona: it-innovator\n`, code: "yaml-syntax", message: /Map keys must be unique/ },
  { name: "a custom tag", text: `${HEAD}accountabilities: !include other.yaml\n`, code: "yaml-syntax", message: /Unresolved tag/ },
  { name: "a merge key", text: `${HEAD}accountabilities: []\nbase: &b { name: x }\norganization:\n  <<: *b\n`, code: "schema", message: /Merge keys/ },
  { name: "a 1 MB line", text: `${HEAD}accountabilities:\n  - ${"Run the service desk and ".repeat(40_000)}x\n`, code: "metrics-missing", message: /no metrics/ },
  { name: "lone carriage returns", text: PROBLEMS.replace(/\n/g, "\r"), code: "yaml-syntax", message: /carriage return alone/ },
];

describe("hostile documents over stdio", () => {
  let client: TestClient;
  let slowest = { name: "", ms: 0 };
  let opened = 0;
  serverPerSuite((started) => (client = started), "hostile");

  /** Hover and completion at a few places, symbols, folds and fix-all: each answered, none an error. */
  async function everyRequest(uri: string): Promise<void> {
    const document = client.document(uri);
    const positions: Position[] = [{ line: 0, character: 0 }, document.positionAt(document.getText().length >> 1), document.positionAt(document.getText().length), { line: 1_000_000, character: 5 }];
    const textDocument = { uri };
    await Promise.all([
      ...positions.map((position) => client.connection.sendRequest(HoverRequest.type, { textDocument, position })),
      ...positions.map((position) => client.connection.sendRequest(CompletionRequest.type, { textDocument, position })),
      client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
      client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: positions[0], end: positions[0] }, context: { diagnostics: [], only: ["source.fixAll.ctoCharter"] } }),
    ]);
  }

  async function timedOpen(name: string, uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const start = performance.now();
    const published = await client.open(uri, text);
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { name, ms };
    return published;
  }

  for (const { name, text, code, message } of CASES) {
    test(`${name}: a diagnostic that says so, and every request answered`, async () => {
      const uri = `untitled:hostile-${opened++}.cto-charter.yaml`;
      const published = await timedOpen(name, uri, text);
      const found = published.diagnostics.find((d) => d.code === code && message.test(messageOf(d)));
      assert.ok(found, `expected a ${code} diagnostic like ${message}, got ${JSON.stringify(published.diagnostics.slice(0, 5).map(messageOf))}`);
      const lines = client.document(uri).lineCount;
      for (const d of published.diagnostics) assert.ok(d.range.start.line <= d.range.end.line && d.range.end.line < lines, JSON.stringify(d.range));
      await everyRequest(uri);
      await client.close(uri);
    });
  }

  test("a 20 MB file: limited with a diagnostic that says so, while a hover on another document is answered promptly", async (t) => {
    const small = "untitled:small.cto-charter.yaml";
    await client.open(small, CLEAN);
    const position = client.position(small, "coo-of-it", 2);
    const hover = async () => {
      const start = performance.now();
      const answer = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position });
      assert.match(JSON.stringify(answer), /COO of IT/);
      return performance.now() - start;
    };
    const big = "untitled:big.cto-charter.yaml";
    const text = `${HEAD}accountabilities:\n${"  - text: Run the service desk for the whole group\n    metrics: [uptime] # ok\n".repeat(280_000)}`;
    assert.ok(text.length > 20 * 1024 * 1024);
    const start = performance.now();
    const opened = client.open(big, text);
    // Sent right behind the 20 MB notification: it waits for that analysis, and no longer.
    const during = await hover();
    const published = await opened;
    const openMs = performance.now() - start;
    assert.equal(published.diagnostics.length, 1);
    assert.match(messageOf(published.diagnostics[0]), /The file is 2\d\.\d MB; charters over 4 MB are not analysed/);
    const middle = client.document(big).positionAt(text.length >> 1);
    const requestStart = performance.now();
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: big }, position: middle });
    assert.deepEqual(completion, [], "no completion in a file too large to analyse");
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: big }, position: middle });
    const requestMs = performance.now() - requestStart;
    const editStart = performance.now();
    const edited = await client.replace(big, text.length >> 1, text.length >> 1, "x");
    const editMs = performance.now() - editStart;
    assert.equal(edited.version, 2);
    const afterwards = await hover();
    t.diagnostic(
      `20 MB file: diagnostics ${Math.round(openMs)} ms after didOpen; a hover on another document sent behind it answered in ${Math.round(during)} ms, ` +
        `${Math.round(afterwards)} ms afterwards; completion and hover in the big file ${Math.round(requestMs)} ms; a keystroke in it ${Math.round(editMs)} ms`,
    );
    for (const ms of [during, afterwards, requestMs, editMs]) assert.ok(ms < PROMPT_MS, `${Math.round(ms)} ms`);
    if (openMs > slowest.ms) slowest = { name: "a 20 MB file", ms: openMs };
    await client.close(big);
    await client.close(small);
  });

  test("a CRLF file: every diagnostic covers the same text as in the LF file, at the same line and column", async () => {
    const lf = "untitled:lf.cto-charter.yaml";
    const crlf = "untitled:crlf.cto-charter.yaml";
    const plain = await client.open(lf, PROBLEMS);
    const windows = await timedOpen("CRLF", crlf, PROBLEMS.replace(/\n/g, "\r\n"));
    assert.deepEqual(windows.diagnostics.map((d) => d.range), plain.diagnostics.map((d) => d.range));
    assert.deepEqual(
      windows.diagnostics.map((d) => client.rangeText(crlf, d.range).replace(/\r\n/g, "\n")),
      plain.diagnostics.map((d) => client.rangeText(lf, d.range)),
    );
    const size = windows.diagnostics.find((d) => d.code === "schema" && /larg/.test(messageOf(d)));
    assert.deepEqual(size?.range, { start: client.position(crlf, "larg"), end: client.position(crlf, "larg", 4) });
    assert.equal(client.rangeText(crlf, size!.range), "larg");
    await client.close(lf);
    await client.close(crlf);
  });

  test("a file that starts with a byte-order mark: the same diagnostics, covering the same text", async () => {
    const lf = "untitled:nobom.cto-charter.yaml";
    const bom = "untitled:bom.cto-charter.yaml";
    const plain = await client.open(lf, PROBLEMS);
    const marked = await timedOpen("BOM", bom, `\uFEFF${PROBLEMS}`);
    assert.deepEqual(marked.diagnostics.map((d) => client.rangeText(bom, d.range)), plain.diagnostics.map((d) => client.rangeText(lf, d.range)));
    await client.close(lf);
    await client.close(bom);
  });

  test("a minified charter (one line of JSON): the same diagnostics as its block form", async () => {
    const uri = "untitled:minified.cto-charter.yaml";
    const published = await timedOpen("minified", uri, JSON.stringify(parse(PROBLEMS)));
    const block = await client.open("untitled:block.cto-charter.yaml", PROBLEMS);
    const signature = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.data)}`).sort();
    assert.deepEqual(signature(published), signature(block));
    await everyRequest(uri);
    await client.close(uri);
    await client.close("untitled:block.cto-charter.yaml");
  });

  test("the server is still up, and the slowest document is reported", async (t) => {
    assert.equal(client.server.exitCode, null);
    t.diagnostic(`hostile input (LSP): the slowest from didOpen to diagnostics is "${slowest.name}", ${Math.round(slowest.ms)} ms`);
  });
});
