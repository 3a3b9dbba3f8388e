/**
 * Where the cursor stands, for completion. Read from the lines' indentation rather than from the
 * syntax tree: a half-typed line (`persona: `, `  - id: `, an empty line under a list) is often not
 * yet the node it is about to become, while its indentation already says where it belongs.
 */
import type { LineIndex } from "../core/text";
import type { OffsetRange } from "../core/types";
import type { Segment } from "./node-at";

export type CursorContext =
  /** A new entry of the collection at `path`: a key of a mapping, or an item of a list. */
  | {
      kind: "entry";
      path: Segment[];
      /** A `- ` is typed on this line, or the entry's siblings are list items. */
      listItem: boolean;
      dashTyped: boolean;
      /** Keys the mapping at `path` already holds. */
      present: string[];
      replace: OffsetRange;
    }
  /** The scalar at `path` (list items' paths end in 0: the schema does not tell items apart). */
  | { kind: "value"; path: Segment[]; replace: OffsetRange; /** Text to insert before the value, e.g. after a bare colon. */ lead: string }
  /** A rule id in a `# charter-disable…` comment. */
  | { kind: "rule-id"; present: string[]; replace: OffsetRange };

interface Line {
  /** Column of the first character that is not a space. */
  first: number;
  /** Columns of the `- ` entry markers that open the line. */
  dashes: number[];
  /** Column where the content after the markers starts. */
  content: number;
  /** The content without its comment. */
  rest: string;
  key?: string;
  /** What follows `key:` (trimmed); empty when the key opens a block. */
  value?: string;
  /** Empty, or a comment only. */
  blank: boolean;
}

const DIRECTIVE = /#\s*charter-(?:disable-next-line|disable|enable)((?:[\s,]+[a-z0-9-]+)*[\s,]+)([a-z0-9-]*)$/;
const KEY = /^([^\s'"#[\]{},:-][^#]*?|"[^"]*"|'[^']*')\s*:(?:(\s+)(.*))?$/;
const PARTIAL = /^[\w./-]*$/;

/** Where a comment starts in a line (a `#` at the start or after a space, outside quotes), or -1. */
function commentStart(text: string): number {
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "#" && (i === 0 || text[i - 1] === " " || text[i - 1] === "\t")) {
      return i;
    }
  }
  return -1;
}

function unquote(key: string): string {
  return key.replace(/^(["'])(.*)\1$/, "$2");
}

function parseLine(raw: string): Line {
  const comment = commentStart(raw);
  const text = comment >= 0 ? raw.slice(0, comment) : raw;
  // `s`: a line may hold a carriage return or U+2028, which `.` alone does not match.
  const [, indent, markers, content] = /^( *)((?:-(?: +|$))*)(.*)$/s.exec(text)!;
  const rest = content.trimEnd();
  const dashes: number[] = [];
  for (let i = 0; i < markers.length; i++) if (markers[i] === "-") dashes.push(indent.length + i);
  const line: Line = { first: indent.length, dashes, content: indent.length + markers.length, rest, blank: text.trim() === "" };
  const key = KEY.exec(rest);
  if (key) {
    line.key = unquote(key[1]);
    line.value = (key[3] ?? "").trim();
  }
  return line;
}

export function cursorContext(text: string, lines: LineIndex, offset: number): CursorContext | undefined {
  const { line } = lines.positionAt(offset);
  const before = text.slice(lines.lineStart(line), offset);
  const directive = DIRECTIVE.exec(before);
  if (directive) {
    const present = directive[1].split(/[\s,]+/).filter(Boolean);
    return { kind: "rule-id", present, replace: { start: offset - directive[2].length, end: wordEnd(text, offset) } };
  }
  if (commentStart(before) >= 0) return undefined;
  const tree = new Lines(lines);
  const current = parseLine(before);
  if (current.blank && !current.dashes.length) {
    const col = before.length;
    const container = tree.containerOf(line, col, false);
    return container && { kind: "entry", ...container, dashTyped: false, present: tree.presentKeys(line, col), replace: { start: offset, end: offset } };
  }
  // Read what is typed from the raw text: parseLine trims the space that separates a value from its key.
  const typed = before.slice(current.content);
  const key = KEY.exec(typed);
  if (key) {
    const mapping = tree.linePath(line, current);
    return mapping && valueContext([...mapping, unquote(key[1])], key[3] ?? "", key[2] ? "" : " ", offset, wordEnd(text, offset));
  }
  // A dash with no space after it is not a list item yet.
  if (before.endsWith("-") || !PARTIAL.test(typed)) return undefined;
  const replace = { start: offset - typed.length, end: offset };
  if (current.dashes.length) {
    const list = tree.containerOf(line, current.dashes[0], true);
    const path = list && [...list.path, ...current.dashes.slice(1).map(() => 0)];
    return path && { kind: "entry", path, listItem: true, dashTyped: true, present: [], replace };
  }
  const container = tree.containerOf(line, current.first, false);
  return container && { kind: "entry", ...container, dashTyped: false, present: tree.presentKeys(line, current.first), replace };
}

/** A value being typed after `key:`: a plain scalar, or an entry of a flow list `[a, b`. */
function valueContext(path: Segment[], typed: string, lead: string, offset: number, end: number): CursorContext | undefined {
  if (typed.startsWith("[")) {
    if (typed.includes("]")) return undefined;
    const partial = typed.slice(Math.max(typed.lastIndexOf("["), typed.lastIndexOf(",")) + 1).trimStart();
    return PARTIAL.test(partial) ? { kind: "value", path: [...path, 0], replace: { start: offset - partial.length, end }, lead: "" } : undefined;
  }
  return PARTIAL.test(typed) ? { kind: "value", path, replace: { start: offset - typed.length, end }, lead } : undefined;
}

/** A value or rule id is replaced whole, also the part after the cursor. */
function wordEnd(text: string, offset: number): number {
  return offset + (/^[\w./-]*/.exec(text.slice(offset, offset + 200))?.[0].length ?? 0);
}

/** The document's lines parsed on demand, walked upwards to find what contains a column. */
class Lines {
  private readonly parsed = new Map<number, Line>();

  constructor(private readonly index: LineIndex) {}

  at(line: number): Line {
    let parsed = this.parsed.get(line);
    if (!parsed) {
      parsed = parseLine(this.index.lineText(line));
      this.parsed.set(line, parsed);
    }
    return parsed;
  }

  /**
   * The collection that an entry starting at `col` on `line` belongs to: the nearest line above
   * that starts further left opens it. `dash`: the entry is a list item.
   */
  containerOf(line: number, col: number, dash: boolean): { path: Segment[]; listItem: boolean } | undefined {
    let listItem = dash;
    for (let j = line - 1; j >= 0; j--) {
      const above = this.at(j);
      if (above.blank || above.first > col) continue;
      if (above.first === col) {
        if (above.dashes[0] === col) {
          listItem = true;
          continue;
        }
        if (above.key === undefined) return above.rest === "---" ? { path: [], listItem } : undefined;
        // `key:` with its list at the same indentation (`key:\n- item`) opens the list.
        if (listItem && above.value === "") return this.child(j, above, listItem);
        continue;
      }
      if (above.key !== undefined && above.content < col) return this.child(j, above, listItem);
      const inner = above.dashes.filter((d) => d < col).length;
      if (inner === 0) return undefined;
      const list = this.containerOf(j, above.dashes[0], true);
      return list && { path: [...list.path, ...above.dashes.slice(0, inner).map(() => 0)], listItem };
    }
    return { path: [], listItem };
  }

  /** The block under `key:` on line `j`; nothing when the key holds a scalar, a block scalar's text included. */
  private child(j: number, line: Line, listItem: boolean): { path: Segment[]; listItem: boolean } | undefined {
    if (line.value !== "") return undefined;
    const mapping = this.linePath(j, line);
    return mapping && { path: [...mapping, line.key!], listItem };
  }

  /** The path of the mapping that holds the key written on `line`. */
  linePath(line: number, parsed: Line): Segment[] | undefined {
    if (!parsed.dashes.length) return this.containerOf(line, parsed.first, false)?.path;
    const list = this.containerOf(line, parsed.dashes[0], true);
    return list && [...list.path, ...parsed.dashes.map(() => 0)];
  }

  /** Keys already written in the mapping whose keys start at `col`, around `line`. */
  presentKeys(line: number, col: number): string[] {
    const keys: string[] = [];
    for (const step of [-1, 1]) {
      for (let j = line + step; j >= 0 && j < this.index.lineCount; j += step) {
        const other = this.at(j);
        if (other.blank || other.first > col) continue;
        // Above, the line that opens a list item (`- id: x`) holds the mapping's first key; below, a dash starts the next item.
        if (other.key !== undefined && other.content === col && (other.first === col || step < 0)) keys.push(other.key);
        if (other.first < col || other.dashes.length) break;
      }
    }
    return keys;
  }
}
