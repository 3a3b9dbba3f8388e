/**
 * Minimal, format-preserving text edits on a charter: append an entry to a top-level list, remove a
 * list entry, replace a scalar. Each edit touches only the lines it must, so comments, key order and
 * formatting elsewhere survive.
 */
import { isSeq, stringify, type Node } from "yaml";
import type { Item } from "./model";
import type { ParsedCharter } from "./parse";
import type { Fix, TextEdit } from "./types";

/** A scalar as YAML writes it: plain when that is safe, quoted otherwise, never folded. */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export interface ListEntry {
  /** The entry as written in a block list, after "- " (single line). */
  block: string;
  /** The entry as written inside a flow list `[…]`. */
  flow: string;
}

export function scalarEntry(value: string): ListEntry {
  const text = yamlScalar(value);
  // Inside `[…]` a plain scalar ends at a comma or bracket, so such text must be quoted there.
  return { block: text, flow: /[,[\]{}]/.test(text) && !/^["']/.test(text) ? JSON.stringify(value) : text };
}

export function idEntry(id: string): ListEntry {
  return { block: `id: ${id}`, flow: `{ id: ${id} }` };
}

/** Append an entry to the top-level list `key`, creating the key at the end of the file if absent. */
export function appendToList(parsed: ParsedCharter, key: string, entry: ListEntry): TextEdit {
  const { text, lines, eol, root } = parsed;
  const pair = root?.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  const keyNode = pair?.key as Node | undefined;
  const value = pair?.value as Node | null | undefined;
  if (!pair || !keyNode?.range) {
    const rootKey = root?.items[0]?.key as Node | undefined;
    const indent = rootKey?.range ? " ".repeat(lines.positionAt(rootKey.range[0]).character) : "";
    const lead = text.length === 0 || /[\r\n]$/.test(text) ? "" : eol;
    return insert(text.length, `${lead}${indent}${key}:${eol}${indent}  - ${entry.block}${eol}`);
  }
  const keyPosition = lines.positionAt(keyNode.range[0]);
  if (isSeq(value) && value.range) {
    if (value.flow) {
      const close = text.lastIndexOf("]", value.range[1]);
      const empty = value.items.length === 0;
      return insert(close, empty ? entry.flow : `, ${entry.flow}`);
    }
    const dashLine = lines.positionAt(value.range[0]);
    const indent = " ".repeat(dashLine.character);
    const last = value.items[value.items.length - 1] as Node | null;
    const lastEnd = last?.range ? last.range[1] : value.range[0];
    const endLine = lines.positionAt(Math.max(value.range[0], lastEnd - 1)).line;
    return insert(lines.lineEnd(endLine), `${eol}${indent}- ${entry.block}`);
  }
  // The key exists with no list (empty, null or a scalar): replace its value with a one-entry list.
  const indent = " ".repeat(keyPosition.character + 2);
  const valueStart = value?.range ? value.range[0] : keyNode.range[1];
  const colon = text.indexOf(":", keyNode.range[1]);
  const start = colon >= 0 && colon <= valueStart ? colon + 1 : valueStart;
  const end = value?.range ? value.range[1] : start;
  return { start, end, newText: `${eol}${indent}- ${entry.block}` };
}

/** Remove one entry of a list; an only entry leaves an empty flow list behind so the key stays valid. */
export function removeListItem(parsed: ParsedCharter, item: Item, siblings: number, listNode: Node): TextEdit {
  const { text, lines } = parsed;
  if (isSeq(listNode) && listNode.flow) {
    const before = text.lastIndexOf(",", item.range.start);
    const after = text.indexOf(",", item.range.end);
    const closing = text.lastIndexOf("]", listNode.range?.[1] ?? text.length);
    if (item.index > 0 && before >= 0) return { start: before, end: item.range.end, newText: "" };
    if (after >= 0 && after < closing) return { start: item.range.start, end: nextNonSpace(text, after + 1), newText: "" };
    return { start: item.range.start, end: item.range.end, newText: "" };
  }
  if (siblings === 1 && listNode.range) {
    const dashLine = lines.positionAt(listNode.range[0]).line;
    const keyColon = text.lastIndexOf(":", lines.lineStart(dashLine));
    return { start: keyColon + 1, end: lines.lineEnd(lines.positionAt(Math.max(item.range.end - 1, item.range.start)).line), newText: " []" };
  }
  const firstLine = lines.positionAt(item.range.start).line;
  const lastLine = lines.positionAt(Math.max(item.range.start, item.range.end - 1)).line;
  const end = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  return { start: lines.lineStart(firstLine), end, newText: "" };
}

export function replaceNode(node: Node, newText: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  return { start, end, newText };
}

function insert(offset: number, newText: string): TextEdit {
  return { start: offset, end: offset, newText };
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  return i;
}

/**
 * Apply whole fixes to a text. A fix whose edits overlap those of a fix already taken is skipped (and
 * returned), never merged; inserts at one offset keep the order of their fixes.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[]; skipped: Fix[] } {
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) {
      skipped.push(fix);
      continue;
    }
    taken.push(...fix.edits);
    applied.push(fix);
  }
  const ordered = taken.map((edit, order) => ({ edit, order })).sort((a, b) => b.edit.start - a.edit.start || b.order - a.order);
  let result = text;
  for (const { edit } of ordered) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return { text: result, applied, skipped };
}

/** Two edits overlap when they replace common text, or one inserts strictly inside the other's range. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  return a.start < b.end && b.start < a.end;
}
