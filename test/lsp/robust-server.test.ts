/**
 * The server's resilience to clients that get things wrong or change their minds: requests about
 * documents it does not have get empty answers, never errors; notifications about them are ignored;
 * a cancelled request ends with RequestCancelled (or an empty answer), never a crash; and a change
 * for a version older than the one it holds cannot fork its copy of the text.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
} from "vscode-languageserver-protocol";
import { analyze } from "../../server/src/core/analyze";
import { toDiagnostic } from "../../server/src/lsp/diagnostics";
import { ROOT, TestClient } from "./client";
import { serverPerSuite } from "./suite";

const PROBLEMS = fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8");

/** Every document request the server serves, about `uri`, with the empty answer it owes for a document it does not have. */
function requests(client: TestClient, uri: string): { name: string; answer: Promise<unknown>; empty: unknown }[] {
  const textDocument = { uri };
  const position = { line: 3, character: 4 };
  const range = { start: position, end: position };
  const diagnostic = { range, message: "x", source: "cto-charter", code: "schema" };
  return [
    { name: "hover", answer: client.connection.sendRequest(HoverRequest.type, { textDocument, position }), empty: null },
    { name: "completion", answer: client.connection.sendRequest(CompletionRequest.type, { textDocument, position }), empty: [] },
    { name: "code actions", answer: client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [diagnostic] } }), empty: [] },
    { name: "fix all", answer: client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [], only: ["source.fixAll.ctoCharter"] } }), empty: [] },
    { name: "document symbols", answer: client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), empty: [] },
    { name: "folding ranges", answer: client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), empty: [] },
  ];
}

describe("the server and a careless client", () => {
  let client: TestClient;
  serverPerSuite((started) => (client = started), "careless");

  test("requests about a document never opened get empty answers, not errors", async () => {
    for (const { name, answer, empty } of requests(client, "file:///nowhere/never-opened.cto-charter.yaml")) assert.deepEqual(await answer, empty, name);
  });

  test("…and so do requests about a document just closed, even when sent right behind the close", async () => {
    const uri = "untitled:closed.cto-charter.yaml";
    await client.open(uri, PROBLEMS);
    const cleared = client.close(uri);
    const answers = requests(client, uri);
    await cleared;
    for (const { name, answer, empty } of answers) assert.deepEqual(await answer, empty, name);
  });

  test("changes and closes for documents the server does not have are ignored", async () => {
    const uri = "untitled:ghost.cto-charter.yaml";
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 7 }, contentChanges: [{ text: "persona: x\n" }] });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    for (const { name, answer, empty } of requests(client, uri)) assert.deepEqual(await answer, empty, name);
    assert.equal(client.server.exitCode, null);
  });

  test("a change for a version no newer than the one held is ignored: the text never forks", async () => {
    const uri = "untitled:versions.cto-charter.yaml";
    await client.open(uri, PROBLEMS);
    await client.replace(uri, 0, 0, "# v2\n");
    // Stale and repeated versions, each of which would break the charter if it were applied.
    for (const version of [1, 2]) {
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "- not a charter\n" }],
      });
    }
    const published = await client.replace(uri, 0, 0, "# v3\n");
    const text = client.text(uri);
    const analysis = analyze(text);
    assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(analysis.findings.map((f) => toDiagnostic(f, analysis, uri)))));
    assert.ok(!published.diagnostics.some((d) => d.code === "schema" && /root of a charter/.test(JSON.stringify(d.message))));
    await client.close(uri);
  });
});

describe("cancellation", () => {
  let client: TestClient;
  serverPerSuite((started) => (client = started));

  test("a request cancelled while the server waits for settings ends with RequestCancelled, and the server carries on", async () => {
    // Hold the server's settings request until the cancellation is on its way: the hover is then
    // certainly pending, waiting for the settings, when the cancellation reaches the server.
    let asked!: () => void;
    const settingsAsked = new Promise<void>((resolve) => (asked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    client.connection.onRequest(ConfigurationRequest.type, async (params) => {
      asked();
      await released;
      return params.items.map(() => ({}));
    });
    const uri = "untitled:cancelled.cto-charter.yaml";
    const opened = client.open(uri, PROBLEMS);
    await settingsAsked;
    const source = new CancellationTokenSource();
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 12 } }, source.token);
    source.cancel();
    release();
    await assert.rejects(hover, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    assert.ok((await opened).diagnostics.length > 0, "the document is analysed all the same");
    const again = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 12 } });
    assert.match(JSON.stringify(again), /Digital Business Leader/);
    await client.close(uri);
  });

  test("a burst of requests, each cancelled as soon as it is sent: every one ends in an answer or RequestCancelled", async () => {
    const uri = "untitled:burst.cto-charter.yaml";
    await client.open(uri, PROBLEMS);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => {
        const source = new CancellationTokenSource();
        const position = { line: i % 40, character: i % 20 };
        const textDocument = { uri };
        const request =
          i % 3 === 0
            ? client.connection.sendRequest(HoverRequest.type, { textDocument, position }, source.token)
            : i % 3 === 1
              ? client.connection.sendRequest(CompletionRequest.type, { textDocument, position }, source.token)
              : client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: position, end: position }, context: { diagnostics: [], only: ["source.fixAll.ctoCharter"] } }, source.token);
        source.cancel();
        return request;
      }),
    );
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") assert.ok(outcome.reason instanceof ResponseError && outcome.reason.code === LSPErrorCodes.RequestCancelled, String(outcome.reason));
    }
    // Cancelling an answered request, or one the server never saw, changes nothing.
    await client.connection.sendNotification("$/cancelRequest", { id: 999_999 });
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    assert.equal(client.server.exitCode, null);
    await client.close(uri);
  });
});
