/** LSP document symbols and folding ranges from the service's outline and folds. */
import type { DocumentSymbol, FoldingRange } from "vscode-languageserver/node";
import { FoldingRangeKind, SymbolKind } from "./library";
import type { LineIndex } from "../core/text";
import { folds, outline, type OutlineKind, type OutlineSymbol } from "../services/outline";
import type { Current } from "./analyses";
import { toRange } from "./convert";

const KINDS: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Module,
  list: SymbolKind.Array,
  field: SymbolKind.Property,
  item: SymbolKind.Object,
};

export function documentSymbols({ analysis }: Current): DocumentSymbol[] {
  return outline(analysis).map((symbol) => toSymbol(symbol, analysis.parsed.lines));
}

function toSymbol(symbol: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: KINDS[symbol.kind],
    range: toRange(lines, symbol.range),
    selectionRange: toRange(lines, symbol.selection),
    children: symbol.children.map((child) => toSymbol(child, lines)),
  };
}

export function foldingRanges({ analysis }: Current): FoldingRange[] {
  return folds(analysis).map((fold) => ({
    startLine: fold.startLine,
    endLine: fold.endLine,
    ...(fold.kind === "comment" ? { kind: FoldingRangeKind.Comment } : {}),
  }));
}
