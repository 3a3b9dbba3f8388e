/**
 * The document's outline and folding, from its YAML structure: top-level sections, with the items of
 * the accountability lists named by what they say (catalog title or own text).
 */
import { isMap, isScalar, isSeq, visit, type Node, type Pair } from "yaml";
import type { Analysis } from "../core/analyze";
import type { Item } from "../core/model";
import type { LineIndex } from "../core/text";
import type { OffsetRange } from "../core/types";

export type OutlineKind = "section" | "list" | "field" | "item";

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole entry, key and value. */
  range: OffsetRange;
  /** What to reveal when the symbol is picked: its key or name. */
  selection: OffsetRange;
  children: OutlineSymbol[];
}

const DETAIL_LENGTH = 60;

export function outline(analysis: Analysis): OutlineSymbol[] {
  const root = analysis.parsed.root;
  if (!root) return [];
  const items = new Map<Node, Item>();
  for (const item of [...(analysis.model?.accountabilities ?? []), ...(analysis.model?.shared ?? [])]) items.set(item.node, item);
  return pairSymbols(root.items as Pair<Node, Node | null>[], items);
}

function pairSymbols(pairs: Pair<Node, Node | null>[], items: Map<Node, Item>): OutlineSymbol[] {
  return pairs.flatMap((pair): OutlineSymbol[] => {
    if (!isScalar(pair.key) || !pair.key.range) return [];
    const selection = range(pair.key);
    const value = pair.value;
    const entry = {
      name: String(pair.key.value) || "(empty key)",
      range: { start: selection.start, end: value?.range ? value.range[1] : selection.end },
      selection,
    };
    if (isMap(value)) return [{ ...entry, kind: "section", children: pairSymbols(value.items as Pair<Node, Node | null>[], items) }];
    if (isSeq(value)) {
      const children = value.items.filter((n): n is Node => Boolean((n as Node | null)?.range)).map((n) => listChild(n, items));
      return [{ ...entry, detail: `${children.length} ${children.length === 1 ? "entry" : "entries"}`, kind: "list", children }];
    }
    return [{ ...entry, detail: isScalar(value) ? cut(String(value.value ?? "")) : undefined, kind: "field", children: [] }];
  });
}

function listChild(node: Node, items: Map<Node, Item>): OutlineSymbol {
  const item = items.get(node);
  const name = item?.resolution?.via === "id" ? item.resolution.accountability.title : item?.text ?? item?.id ?? scalarText(node);
  const named = item?.idNode ?? item?.textNode ?? node;
  return { name: oneLine(name) || "(empty)", detail: item?.id, kind: "item", range: range(node), selection: range(named), children: [] };
}

function scalarText(node: Node): string {
  return isScalar(node) ? String(node.value ?? "") : "";
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A value shown beside its key, shortened so the outline keeps one line per entry. */
function cut(text: string): string {
  const line = oneLine(text);
  return line.length > DETAIL_LENGTH ? `${line.slice(0, DETAIL_LENGTH - 1)}…` : line;
}

function range(node: Node): OffsetRange {
  return { start: node.range![0], end: node.range![1] };
}

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: "comment";
}

/**
 * Folds for every entry that spans lines (a key and its block, a list item) and for runs of comment
 * lines. In lines, not offsets: folding is a line affair in every editor.
 */
export function folds(analysis: Analysis): Fold[] {
  const { doc, lines, text } = analysis.parsed;
  const out: Fold[] = [];
  const add = (start: number, end: number) => {
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(lastContent(text, start, end)).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  };
  if (doc) {
    visit(doc, {
      Pair(_, pair) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && value?.range) add(key.range[0], value.range[1]);
      },
      Seq(_, seq) {
        for (const item of seq.items as (Node | null)[]) if (item?.range && !isScalar(item)) add(item.range[0], item.range[1]);
      },
    });
  }
  out.push(...commentRuns(lines));
  return out;
}

/** The last offset before `end` that is not white space, so a block's trailing newline does not extend its fold. */
function lastContent(text: string, start: number, end: number): number {
  let i = end - 1;
  while (i > start && /\s/.test(text[i])) i--;
  return i;
}

function commentRuns(lines: LineIndex): Fold[] {
  const out: Fold[] = [];
  let runStart = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const comment = line < lines.lineCount && /^\s*#/.test(lines.lineText(line));
    if (comment && runStart < 0) runStart = line;
    if (!comment && runStart >= 0) {
      if (line - 1 > runStart) out.push({ startLine: runStart, endLine: line - 1, kind: "comment" });
      runStart = -1;
    }
  }
  return out;
}
