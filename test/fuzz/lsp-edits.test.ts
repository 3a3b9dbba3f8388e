/**
 * Random editing sessions against the real server over stdio: typing, deleting, pasting YAML,
 * changing indentation, several changes in one notification, whole-text replacements, with hover,
 * completion, code actions, symbols and folding requested at random (and out-of-range) positions in
 * between, none of them awaited until the end. The server must answer every request, stay up, and
 * after the last edit publish exactly the diagnostics a fresh analysis of the final text gives.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type Position,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../../server/src/core/analyze";
import { toDiagnostic } from "../../server/src/lsp/diagnostics";
import { TestClient } from "../lsp/client";
import { serverPerSuite } from "../lsp/suite";
import { asEdit, brokenText, charterText, EXAMPLES, fragment, mutation, params, type Mutation } from "./support";

type Request = "hover" | "completion" | "codeAction" | "fixAll" | "documentSymbol" | "foldingRange";

type Step =
  | { kind: "edit"; mutation: Mutation }
  /** An insert typed one character per version, as a person types. */
  | { kind: "type"; at: number; text: string }
  /** Several changes in one notification, each applying to the text the previous one left. */
  | { kind: "batch"; mutations: Mutation[] }
  /** The whole text sent again, as clients without incremental sync do. */
  | { kind: "replace-all"; mutation: Mutation }
  | { kind: "request"; request: Request; at: number; wild: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("edit" as const), mutation }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("type" as const), at: fc.nat(), text: fragment.map((f) => f.slice(0, 12)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("batch" as const), mutations: fc.array(mutation, { minLength: 2, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("replace-all" as const), mutation }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("request" as const),
      request: fc.constantFrom<Request>("hover", "hover", "completion", "completion", "codeAction", "codeAction", "documentSymbol", "foldingRange", "fixAll"),
      at: fc.nat(),
      wild: fc.boolean(),
    }),
  },
);

const session = fc.record({
  start: fc.oneof(fc.constantFrom(...EXAMPLES), charterText, brokenText),
  steps: fc.array(step, { minLength: 1, maxLength: 40, size: "max" }),
  last: mutation,
});

describe("random editing sessions over stdio", () => {
  let client: TestClient;
  // An empty workspace: the server's options are the defaults the fresh analysis below uses.
  serverPerSuite((started) => (client = started), "fuzz");

  test("every request answered, the server up, and the last version's diagnostics those of a fresh analysis", async (t) => {
    const tally = { sessions: 0, edits: 0, requests: 0 };
    await fc.assert(
      fc.asyncProperty(session, async ({ start, steps, last }) => {
        const uri = `untitled:fuzz-${tally.sessions}.cto-charter.yaml`;
        await client.open(uri, start);
        let document = TextDocument.create(uri, "cto-charter", 1, start);
        const pending: Promise<unknown>[] = [];

        const send = async (changes: TextDocumentContentChangeEvent[]) => {
          const version = document.version + 1;
          document = TextDocument.update(document, changes, version);
          tally.edits++;
          await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
        };
        const change = (doc: TextDocument, m: Mutation): TextDocumentContentChangeEvent => {
          const edit = asEdit(doc.getText(), m);
          return { range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text };
        };
        const position = (at: number, wild: boolean): Position =>
          wild ? { line: at % (document.lineCount + 5), character: at % 400 } : document.positionAt(at % (document.getText().length + 1));

        for (const s of steps) {
          if (s.kind === "edit") await send([change(document, s.mutation)]);
          else if (s.kind === "type") {
            const at = document.positionAt(s.at % (document.getText().length + 1));
            let offset = document.offsetAt(at);
            for (const char of s.text) {
              await send([{ range: { start: document.positionAt(offset), end: document.positionAt(offset) }, text: char }]);
              offset += char.length;
            }
          } else if (s.kind === "batch") {
            // A copy: TextDocument.update changes the document it is given.
            const scratch = TextDocument.create(uri, "cto-charter", 0, document.getText());
            const changes: TextDocumentContentChangeEvent[] = [];
            for (const m of s.mutations) {
              const c = change(scratch, m);
              changes.push(c);
              TextDocument.update(scratch, [c], scratch.version + 1);
            }
            await send(changes);
          } else if (s.kind === "replace-all") {
            const edit = asEdit(document.getText(), s.mutation);
            const text = document.getText();
            await send([{ text: text.slice(0, edit.start) + edit.text + text.slice(edit.end) }]);
          } else {
            tally.requests++;
            pending.push(request(client, document, s.request, position(s.at, s.wild)));
          }
        }
        const final = document.version + 1;
        const published = client.nextDiagnostics(uri, (p) => p.version === final, `diagnostics of the last version (${final})`);
        await send([change(document, last)]);
        // Every request gets an answer (possibly empty); none is an error.
        await Promise.all(pending);
        const got = await published;
        const text = document.getText();
        const analysis = analyze(text);
        const expected = analysis.findings.map((f) => toDiagnostic(f, analysis, uri));
        assert.deepEqual(got.diagnostics, JSON.parse(JSON.stringify(expected)), `after ${steps.length + 1} steps, the final text:\n${text}`);
        assert.equal(client.server.exitCode, null, "the server is running");
        await client.close(uri);
        tally.sessions++;
      }),
      params(25),
    );
    t.diagnostic(`fuzz: ${tally.sessions} editing sessions, ${tally.edits} edits (didChange notifications) and ${tally.requests} interleaved requests`);
  });
});

function request(client: TestClient, document: TextDocument, kind: Request, position: Position): Promise<unknown> {
  const textDocument = { uri: document.uri };
  const range = { start: position, end: position };
  switch (kind) {
    case "hover":
      return client.connection.sendRequest(HoverRequest.type, { textDocument, position });
    case "completion":
      return client.connection.sendRequest(CompletionRequest.type, { textDocument, position });
    case "documentSymbol":
      return client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    case "foldingRange":
      return client.connection.sendRequest(FoldingRangeRequest.type, { textDocument });
    case "codeAction": {
      // The diagnostics an editor would send back: those of the version it shows.
      const analysis = analyze(document.getText());
      const diagnostics = analysis.findings.slice(0, 5).map((f) => toDiagnostic(f, analysis, document.uri));
      return client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics } });
    }
    case "fixAll":
      return client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [], only: ["source.fixAll.ctoCharter"] } });
  }
}
