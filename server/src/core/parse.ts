/**
 * Text → YAML document with exact positions. Parser errors and structural problems (empty file,
 * several documents, a root that is not a mapping, an alias bomb) are collected here as plain data;
 * the `yaml-syntax` and `schema` rules turn them into findings.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLMap } from "yaml";
import type * as z from "zod/mini";
import { LineIndex } from "./text";
import type { OffsetRange } from "./types";

/** Aliases a charter may expand; a billion-laughs document needs millions. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Text beyond this many characters is not analysed, so a huge file cannot stall the server: ten
 * times the largest charter we expect (a 10,000-line charter is about 0.4 MB).
 */
export const MAX_TEXT_LENGTH = 4 * 1024 * 1024;

/**
 * Collections nested deeper than this are not parsed: the parser recurses once per level and runs
 * out of stack somewhere near a thousand. A charter nests five levels at most.
 */
export const MAX_NESTING = 100;

/** Characters no text file holds: C0 controls other than tab and line breaks, DEL, and U+FFFD from undecodable bytes. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

export interface Problem {
  message: string;
  range: OffsetRange;
}

export interface ParsedCharter {
  text: string;
  lines: LineIndex;
  /** The first YAML document, or undefined for an empty stream. */
  doc?: Document.Parsed;
  /** The root mapping, when the root is one: every rule beyond syntax and schema needs it. */
  root?: YAMLMap;
  /** The document as plain data (aliases expanded, capped); undefined when it could not be built. */
  value?: unknown;
  syntaxErrors: Problem[];
  /** Problems with the document's shape that the schema rule reports. */
  structure: Problem[];
  eol: "\n" | "\r\n";
  /** The text is too large or too deeply nested to be read at all: editor features stand down too. */
  limited?: boolean;
  /**
   * Work that depends on the document's shape and on every value but free text (ids, enums,
   * numbers): a version that differs from the previous one only inside a free-text string shares it
   * (reparse.ts), so a keystroke in a sentence does not validate the whole charter again.
   */
  unchangedByFreeText: { schemaIssues?: readonly SchemaIssue[] };
  /**
   * Set when this version was made from the previous one by putting a new scalar in place of one
   * (reparse.ts): the collections that hold it, whose contents changed. Every other node of the
   * tree is the previous version's, moved but reading the same.
   */
  edited?: ReadonlySet<Node>;
}

type SchemaIssue = z.core.$ZodIssue;

/**
 * What the parser is told, for a whole charter and for a scalar parsed alone (reparse.ts) alike. The
 * schema rule reports a key that is a collection; the parser's console warning about it would only
 * be noise on the server's and the CLI's stderr.
 */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, logLevel: "error" } as const;

export function parseCharter(text: string): ParsedCharter {
  const parsed = emptyParse(text);
  const { lines } = parsed;
  if (text.length > MAX_TEXT_LENGTH) {
    parsed.structure.push({
      message: `The file is ${(text.length / 1024 / 1024).toFixed(1)} MB; charters over ${MAX_TEXT_LENGTH / 1024 / 1024} MB are not analysed, to keep editing responsive. Split it into smaller charters.`,
      range: { start: 0, end: lines.lineEnd(0) },
    });
    parsed.limited = true;
    return parsed;
  }
  const nesting = surelyShallow(text) ? 0 : nestingDepth(text);
  if (nesting > MAX_NESTING) return tooDeep(parsed, nesting);
  const list = readDocuments(text);
  if (list instanceof Error) {
    // A parser failure must cost a finding, never the server: nothing else can be read from the text.
    parsed.structure.push({ message: `The YAML parser gave up on this file: ${list.message}.`, range: firstLineOf(0, lines) });
    return parsed;
  }
  parsed.syntaxErrors.push(...syntaxProblems(text, list));
  const doc = list[0];
  if (!doc || doc.contents === null) {
    parsed.structure.push({
      message: "The file is empty: a charter needs at least `charter`, `persona` and `accountabilities`.",
      range: { start: 0, end: Math.min(text.length, lines.lineEnd(0)) },
    });
    return parsed;
  }
  parsed.doc = doc;
  for (const extra of list.slice(1)) {
    parsed.structure.push({
      message: "A charter file holds one YAML document; this second document is ignored.",
      range: firstLineOf(extra.range[0], lines),
    });
  }
  const contents = doc.contents;
  if (!isMap(contents)) {
    const [start, end] = contents.range ?? [0, text.length];
    parsed.structure.push({
      message: "The root of a charter must be a mapping of keys (charter, persona, accountabilities, …).",
      range: { start, end: Math.max(start, Math.min(end, lines.lineEnd(lines.positionAt(start).line))) },
    });
    return parsed;
  }
  const shape = readShape(contents);
  if (shape.depth > MAX_NESTING) return tooDeep(emptyParse(text), shape.depth);
  if (shape.collectionKey) {
    // Plain data would need the key written out as text, which costs exponential time for nested ones.
    parsed.root = contents;
    parsed.structure.push({
      message: "A key must be plain text; this key is a collection or an alias, which the charter format has no use for.",
      range: firstLineOf(shape.collectionKey.range?.[0] ?? 0, lines),
    });
    return parsed;
  }
  setRoot(parsed, doc, contents);
  return parsed;
}

function readDocuments(text: string): Document.Parsed[] | Error {
  try {
    const docs = parseAllDocuments(text, PARSE_OPTIONS);
    return Array.isArray(docs) ? docs : [];
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function tooDeep(parsed: ParsedCharter, depth: number): ParsedCharter {
  parsed.structure.push({
    message: `The file nests collections ${depth} levels deep; charters deeper than ${MAX_NESTING} levels are not analysed. A charter needs five at most.`,
    range: { start: 0, end: parsed.lines.lineEnd(0) },
  });
  parsed.limited = true;
  return parsed;
}

/**
 * A bound that spares the count below for almost every text. A line adds at most one level per
 * character of its lead (indentation and `- `, `? `, `: ` indicators) plus one, and flow brackets at
 * most one level each: with every lead under half the limit, and either at most half the limit of
 * opening brackets or none left open when the next one opens (so flow never nests past one level, as
 * in the `[…]` lists of a long charter), no line can nest deeper than the limit. The regular
 * expressions and `indexOf` run in the engine's own loops: an ordinary charter's lint takes a million
 * fewer instructions (3%) than with the count's loop over every character.
 */
const LONG_LEAD = new RegExp(`^[ \\t?:-]{${MAX_NESTING / 2}}`, "m");
/** An opening bracket not closed on its line before the next bracket or a `#` (which may start a comment). */
const NESTED_OR_OPEN = /[[{](?![^[\]{}\r\n#]*[\]}])/;

export function surelyShallow(text: string): boolean {
  if (LONG_LEAD.test(text)) return false;
  let opening = 0;
  for (const bracket of ["[", "{"]) {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) if (++opening > MAX_NESTING / 2) return !NESTED_OR_OPEN.test(text);
  }
  return true;
}

/**
 * How deep the text nests collections, read without parsing so that the parser is never handed a
 * document that overflows its stack. Per line: the enclosing indentation levels, the `- `, `? ` and
 * `: ` indicators that open compact collections, and the open flow brackets (outside comments). An
 * over-estimate at worst (a block scalar's indented lines, brackets in quoted text), which matters
 * only far beyond any real charter.
 */
export function nestingDepth(text: string): number {
  // One pass over the characters (no split, no regular expression): it runs before every full parse.
  let deepest = 0;
  let flow = 0;
  const indents: number[] = [];
  let i = 0;
  while (i <= text.length) {
    let end = i;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    // Indentation, then indicators (`-`, `?`, `:`) each followed by blanks or the line's end.
    let indent = i;
    while (indent < end && isBlank(text.charCodeAt(indent))) indent++;
    let markers = 0;
    let rest = indent;
    for (;;) {
      const c = text.charCodeAt(rest);
      if (rest >= end || (c !== 45 && c !== 63 && c !== 58)) break;
      let after = rest + 1;
      if (after < end && !isBlank(text.charCodeAt(after))) break;
      while (after < end && isBlank(text.charCodeAt(after))) after++;
      markers++;
      rest = after;
    }
    if (markers > 0 || (rest < end && text.charCodeAt(rest) !== 35)) {
      const width = indent - i;
      while (indents.length && indents[indents.length - 1] >= width) indents.pop();
      indents.push(width);
    }
    let lineFlow = flow;
    for (let j = rest; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 35 && (j === rest || isBlank(text.charCodeAt(j - 1)))) break;
      if (c === 91 || c === 123) lineFlow = Math.max(lineFlow, ++flow);
      else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    deepest = Math.max(deepest, indents.length + markers + lineFlow);
    // Past the line break: CRLF counts as one.
    i = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return deepest;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The syntax tree's depth and its first key that is not a scalar, walked without recursion. */
function readShape(root: Node): { depth: number; collectionKey?: Node } {
  let depth = 0;
  let collectionKey: Node | undefined;
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length) {
    const [node, level] = stack.pop()!;
    depth = Math.max(depth, level);
    if (depth > MAX_NESTING) break;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key && !isScalar(key)) collectionKey ??= key;
        if (key && !isScalar(key) && !isAlias(key)) stack.push([key, level + 1]);
        if (pair.value) stack.push([pair.value as Node, level + 1]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item) stack.push([item as Node, level + 1]);
    }
  }
  return { depth, collectionKey };
}

/** The parse of a text before its YAML is read: lines, line ends, no problems yet. */
export function emptyParse(text: string, lines = new LineIndex(text)): ParsedCharter {
  return { text, lines, syntaxErrors: [], structure: [], eol: text.includes("\r\n") ? "\r\n" : "\n", unchangedByFreeText: {} };
}

/** Binary content, then each document's parser errors and warnings, in that order. */
export function syntaxProblems(text: string, docs: readonly Document.Parsed[]): Problem[] {
  const problems: Problem[] = [];
  const binary = BINARY.exec(text);
  if (binary) {
    problems.push({
      message:
        binary[0] === "\uFFFD"
          ? "The file is not valid UTF-8 text (undecodable bytes here); save it as UTF-8."
          : `The file contains a control character (U+${binary[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}), as binary data does; a charter is plain UTF-8 text.`,
      range: { start: binary.index, end: binary.index + 1 },
    });
  }
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    problems.push({
      message: "This line ends with a carriage return alone (classic Mac OS line ends), which the YAML parser does not read as a line break; save the file with LF or CRLF line ends.",
      range: { start: Math.max(text.lastIndexOf("\n", loneCr.index), text.lastIndexOf("\r", loneCr.index - 1)) + 1, end: loneCr.index },
    });
  }
  for (const doc of docs) {
    // Warnings (an unresolved tag, say) mean the data is not what it looks like: report them too.
    for (const error of [...doc.errors, ...doc.warnings]) {
      problems.push({ message: sentence(error.message), range: widen(text, clampRange(error.pos, text.length)) });
    }
  }
  return problems;
}

/** Takes the root mapping and the document as plain data (built here unless `value` is given), or says why the data cannot be built. */
export function setRoot(parsed: ParsedCharter, doc: Document.Parsed, root: YAMLMap, value?: { data: unknown }): void {
  parsed.doc = doc;
  parsed.root = root;
  if (value) {
    parsed.value = value.data;
    return;
  }
  try {
    parsed.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // An alias bomb is refused before expansion; the schema rule says so, other rules read the AST.
    parsed.structure.push({
      message:
        error instanceof ReferenceError
          ? `Too many aliases (more than ${MAX_ALIAS_COUNT}): expanding them could exhaust memory, so the document is checked without expanding them.`
          : `The document could not be read: ${String((error as Error).message ?? error)}`,
      range: firstLineOf(0, parsed.lines),
    });
  }
}

function clampRange([start, end]: [number, number], length: number): OffsetRange {
  const s = Math.max(0, Math.min(start, length));
  return { start: s, end: Math.max(s, Math.min(end, length)) };
}

/**
 * The parser often points at a single character (or none, at the end of the file); widen such a
 * range to the word it touches so an editor shows a visible squiggle.
 */
const WORD = /[^\s:,[\]{}]/;

function widen(text: string, range: OffsetRange): OffsetRange {
  if (range.end - range.start > 1) return range;
  let start = range.start;
  while (start > 0 && (start >= text.length || /\s/.test(text[start])) && /\s/.test(text[start - 1] ?? "")) start--;
  if (start >= text.length || /\s/.test(text[start])) start = Math.max(0, start - 1);
  let end = start;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  while (end < text.length && WORD.test(text[end])) end++;
  return end > start ? { start, end } : range;
}

function firstLineOf(offset: number, lines: LineIndex): OffsetRange {
  const line = lines.positionAt(offset).line;
  return { start: offset, end: Math.max(offset, lines.lineEnd(line)) };
}

/** Parser messages start lower-case or without a full stop; findings read as sentences. */
function sentence(message: string): string {
  const text = message.trim();
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
