/**
 * One analysis per document version and settings: diagnostics, hover, completion and code actions
 * all read the same one, so a version is parsed once however many requests ask about it. Each is
 * built from the previous one, so typing re-parses only the value typed in; an analysis must
 * therefore be read right after `get` returns it, before a newer version can be analysed.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocuments } from "vscode-languageserver/node";
import { analyze, type Analysis, type AnalyzeOptions } from "../core/analyze";
import type { Settings } from "./settings";

export interface Current {
  document: TextDocument;
  analysis: Analysis;
  options: AnalyzeOptions;
}

export class Analyses {
  private readonly cache = new Map<string, { version: number; options: AnalyzeOptions; analysis: Analysis }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: Settings,
  ) {}

  /** The analysis of the document's latest version under the latest settings; undefined once it is closed. */
  async get(uri: string): Promise<Current | undefined> {
    let options: AnalyzeOptions;
    for (;;) {
      const pending = this.settings.optionsFor(uri);
      options = await pending;
      // Settings changed while they were being read: read them again rather than use stale ones.
      if (pending === this.settings.optionsFor(uri)) break;
    }
    const document = this.documents.get(uri);
    if (!document) return undefined;
    let entry = this.cache.get(uri);
    if (!entry || entry.version !== document.version || entry.options !== options) {
      // The previous version's parse is reused for a keystroke, and so consumed: drop it first.
      this.cache.delete(uri);
      entry = { version: document.version, options, analysis: analyze(document.getText(), options, entry?.analysis) };
      this.cache.set(uri, entry);
    }
    return { document, analysis: entry.analysis, options };
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.settings.forget(uri);
  }
}
