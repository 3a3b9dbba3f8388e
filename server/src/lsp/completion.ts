/** LSP completion items from the service's completions, within what the client says it supports. */
import type { CompletionItem, Position } from "vscode-languageserver/node";
import { CompletionItemKind, InsertTextFormat, MarkupKind } from "./library";
import { completionsAt, type CompletionKind } from "../services/completion";
import type { Current } from "./analyses";
import { toRange } from "./convert";

export interface CompletionSupport {
  snippets: boolean;
  labelDetails: boolean;
}

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  persona: CompletionItemKind.EnumMember,
  accountability: CompletionItemKind.Reference,
  value: CompletionItemKind.Value,
  practice: CompletionItemKind.Text,
  rule: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
};

export function completion({ analysis }: Current, position: Position, support: CompletionSupport): CompletionItem[] {
  const { lines } = analysis.parsed;
  return completionsAt(analysis, lines.offsetAt(position))
    .filter((c) => support.snippets || !c.snippet)
    .map((c) => {
      const item: CompletionItem = {
        label: c.label,
        kind: KINDS[c.kind],
        detail: c.tag && !support.labelDetails ? `${c.tag} · ${c.detail ?? ""}` : c.detail,
        sortText: c.sortText,
        filterText: c.filterText,
        textEdit: { range: toRange(lines, c.replace), newText: c.insertText },
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
      if (c.tag && support.labelDetails) item.labelDetails = { description: c.tag };
      if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
      return item;
    });
}
