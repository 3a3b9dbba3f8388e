/**
 * Minimal, format-preserving text edits on a charter: append an entry to a top-level list, remove a
 * list entry, replace a scalar. Each edit touches only the lines it must, so comments, key order and
 * formatting elsewhere survive.
 */
import { isScalar, isSeq, stringify, type Node } from "yaml";
import { BoundedCache } from "./bounded-cache";
import type { Item } from "./model";
import type { ParsedCharter } from "./parse";
import type { Fix, TextEdit } from "./types";

/**
 * Texts already written as scalars. Fixes are built with every analysis, so the same catalog texts
 * (recommendations, ids) are written on every keystroke, and the YAML writer is slow to start.
 */
const writtenScalars = new BoundedCache<string>(1000);

/** A scalar as YAML writes it: plain when that is safe, quoted otherwise, never folded. */
export function yamlScalar(value: string): string {
  return writtenScalars.get(value, (own) => stringify(own, { lineWidth: 0 }).trimEnd());
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
  if ((!pair || !keyNode?.range) && root?.flow && root.range) {
    // A charter written as one flow mapping (`{…}`, JSON): the key goes in before its closing brace,
    // or at the mapping's end when a syntax error left it without one.
    const last = root.items[root.items.length - 1];
    const lastEnd = ((last?.value ?? last?.key) as Node | null)?.range?.[1] ?? root.range[0];
    const close = text.lastIndexOf("}", root.range[1]);
    const at = close >= lastEnd && close > root.range[0] ? close : Math.max(lastEnd, root.range[1]);
    return insert(at, `${root.items.length ? ", " : ""}${key}: [${entry.flow}]`);
  }
  if (!pair || !keyNode?.range) {
    const rootKey = root?.items[0]?.key as Node | undefined;
    const indent = rootKey?.range ? " ".repeat(lines.positionAt(rootKey.range[0]).character) : "";
    const lead = text.length === 0 || /[\r\n]$/.test(text) ? "" : eol;
    return insert(text.length, `${lead}${indent}${key}:${eol}${indent}  - ${entry.block}${eol}`);
  }
  const keyPosition = lines.positionAt(keyNode.range[0]);
  if (isSeq(value) && value.range) {
    if (value.flow) {
      // Right after the last entry, not before the `]`: on a line of its own that bracket may sit at
      // the key's column, where a comma would not parse.
      const last = value.items[value.items.length - 1] as Node | null | undefined;
      if (last?.range) return insert(last.range[1], `, ${entry.flow}`);
      return insert(value.range[0] + 1, entry.flow);
    }
    const dashLine = lines.positionAt(value.range[0]);
    const indent = " ".repeat(dashLine.character);
    const last = value.items[value.items.length - 1] as Node | null;
    const lastEnd = last?.range ? last.range[1] : value.range[0];
    const endLine = lines.positionAt(Math.max(value.range[0], lastEnd - 1)).line;
    return insert(lines.lineEnd(endLine), `${eol}${indent}- ${entry.block}`);
  }
  // The key exists with no list: give it one. A single value becomes its first entry, so the user's
  // text is never dropped; `null` and anything else are replaced.
  const colon = text.indexOf(":", keyNode.range[1]);
  const written = value?.range && value.range[1] > value.range[0] ? text.slice(value.range[0], value.range[1]) : undefined;
  const kept = written !== undefined && isScalar(value) && value.value !== null && !written.includes("\n") ? written : undefined;
  if (root?.flow) {
    // Inside `{…}` only a flow list can stand.
    const list = `[${kept !== undefined ? `${kept}, ` : ""}${entry.flow}]`;
    return written !== undefined ? { start: value!.range![0], end: value!.range![1], newText: list } : insert(colon + 1, ` ${list}`);
  }
  const indent = " ".repeat(keyPosition.character + 2);
  // Nothing after the colon but perhaps a comment: the key's line stays exactly as it is.
  if (written === undefined) return insert(lines.lineEnd(keyPosition.line), `${eol}${indent}- ${entry.block}`);
  return { start: colon + 1, end: value!.range![1], newText: `${kept !== undefined ? `${eol}${indent}- ${kept}` : ""}${eol}${indent}- ${entry.block}` };
}

/**
 * Remove one entry of a list: its own lines in a block list, so comments around it stay. An only
 * entry leaves an empty flow list behind (`key: []`, before any comment on the key's line) so the
 * key stays valid.
 */
export function removeListItem(parsed: ParsedCharter, item: Item, listNode: Node): TextEdit[] {
  const { text, lines, root } = parsed;
  const firstLine = lines.positionAt(item.range.start).line;
  const lastLine = lines.positionAt(Math.max(item.range.start, item.range.end - 1)).line;
  if (isSeq(listNode) && listNode.flow) {
    // The separators around the entry: the first comma between it and its neighbours (or the bracket).
    const end = (node: unknown) => (node as Node | null)?.range?.[1];
    const start = (node: unknown) => (node as Node | null)?.range?.[0];
    const comma = (from: number | undefined, to: number) => {
      const at = from === undefined ? -1 : text.indexOf(",", from);
      return at >= 0 && at < to ? at : -1;
    };
    const before = comma(end(listNode.items[item.index - 1]), item.range.start);
    const after = comma(item.range.end, start(listNode.items[item.index + 1]) ?? listNode.range?.[1] ?? text.length);
    const ownLine = !/\S/.test(text.slice(lines.lineStart(firstLine), item.range.start)) && /^\s*,?\s*(#.*)?$/.test(text.slice(item.range.end, lines.lineEnd(lastLine)));
    if (ownLine) {
      // One entry a line: its lines go whole, and the comma before it when it was the last.
      const whole: TextEdit = { start: lines.lineStart(firstLine), end: lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length, newText: "" };
      return after < 0 && before >= 0 ? [{ start: before, end: before + 1, newText: "" }, whole] : [whole];
    }
    if (before >= 0) return [{ start: before, end: item.range.end, newText: "" }];
    if (after >= 0) return [{ start: item.range.start, end: nextNonSpace(text, after + 1), newText: "" }];
    return [{ start: item.range.start, end: item.range.end, newText: "" }];
  }
  // From the line break before the entry when it ends the text without one, so no empty line is left.
  const removal: TextEdit =
    lastLine + 1 < lines.lineCount
      ? { start: lines.lineStart(firstLine), end: lines.lineStart(lastLine + 1), newText: "" }
      : { start: firstLine > 0 ? lines.lineEnd(firstLine - 1) : 0, end: text.length, newText: "" };
  const keyNode = root?.items.find((pair) => pair.value === listNode)?.key as Node | undefined;
  if (isSeq(listNode) && listNode.items.length === 1 && keyNode?.range) return [insert(text.indexOf(":", keyNode.range[1]) + 1, " []"), removal];
  return [removal];
}

/** Replace a node by a word (an id, a key, an enum value); a quoted scalar keeps its quotes, as JSON-style text needs. */
export function replaceNode(node: Node, word: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  const type = isScalar(node) ? node.type : undefined;
  return { start, end, newText: type === "QUOTE_DOUBLE" ? JSON.stringify(word) : type === "QUOTE_SINGLE" ? `'${word}'` : word };
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

const CHUNK = 256;

/** The single edit that turns `before` into `after`, from their common prefix and suffix. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Whole chunks first, compared natively, then character by character: a keystroke in a
  // 10,000-line charter costs microseconds instead of a JavaScript loop over half a megabyte.
  let prefix = 0;
  while (prefix + CHUNK <= shorter && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + CHUNK <= shorter - prefix && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair: an edit boundary must be a character boundary.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
