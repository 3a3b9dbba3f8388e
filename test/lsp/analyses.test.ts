/**
 * A document version is parsed once: diagnostics, hover, completion and code actions all ask
 * `Analyses` and get the same analysis; the next version is built from it, re-parsing only the value
 * typed in.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocuments } from "vscode-languageserver/node";
import type { AnalyzeOptions } from "../../server/src/core/analyze";
import { Analyses } from "../../server/src/lsp/analyses";
import type { Settings } from "../../server/src/lsp/settings";
import { CLEAN } from "../unit/helpers";

const URI = "file:///charter.cto-charter.yaml";

function setUp(): { analyses: Analyses; document: TextDocument } {
  const document = TextDocument.create(URI, "cto-charter", 1, CLEAN);
  const options: Promise<AnalyzeOptions> = Promise.resolve({});
  const documents = { get: (uri: string) => (uri === URI ? document : undefined) } as unknown as TextDocuments<TextDocument>;
  const settings = { optionsFor: () => options, forget: () => undefined } as unknown as Settings;
  return { analyses: new Analyses(documents, settings), document };
}

test("every request about one version reads the one analysis of that version", async () => {
  const { analyses } = setUp();
  const [diagnostics, hover, completion, actions] = await Promise.all([1, 2, 3, 4].map(() => analyses.get(URI)));
  for (const other of [hover, completion, actions]) assert.equal(other?.analysis, diagnostics?.analysis);
});

test("a keystroke in a value gives a new analysis whose syntax tree is the previous one, patched", async () => {
  const { analyses, document } = setUp();
  const before = (await analyses.get(URI))!.analysis;
  const at = document.positionAt(CLEAN.indexOf("Lead the digital products portfolio") + 4);
  TextDocument.update(document, [{ range: { start: at, end: at }, text: "s" }], 2);
  const after = (await analyses.get(URI))!.analysis;
  assert.notEqual(after, before);
  assert.equal(after.parsed.doc, before.parsed.doc);
  assert.ok(after.parsed.text.includes("Leads the digital products portfolio"));
});
