/**
 * Text → YAML document with exact positions. Parser errors and structural problems (empty file,
 * several documents, a root that is not a mapping, an alias bomb) are collected here as plain data;
 * the `yaml-syntax` and `schema` rules turn them into findings.
 */
import { isMap, parseAllDocuments, type Document, type YAMLMap } from "yaml";
import { LineIndex } from "./text";
import type { OffsetRange } from "./types";

/** Aliases a charter may expand; a billion-laughs document needs millions. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Text beyond this many characters is not analysed, so a huge file cannot stall the server: ten
 * times the largest charter we expect (a 10,000-line charter is about 0.4 MB).
 */
export const MAX_TEXT_LENGTH = 4 * 1024 * 1024;

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
}

export function parseCharter(text: string): ParsedCharter {
  const lines = new LineIndex(text);
  const parsed: ParsedCharter = {
    text,
    lines,
    syntaxErrors: [],
    structure: [],
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
  if (text.length > MAX_TEXT_LENGTH) {
    parsed.structure.push({
      message: `The file is ${(text.length / 1024 / 1024).toFixed(1)} MB; charters over ${MAX_TEXT_LENGTH / 1024 / 1024} MB are not analysed, to keep editing responsive. Split it into smaller charters.`,
      range: { start: 0, end: lines.lineEnd(0) },
    });
    return parsed;
  }
  const binary = BINARY.exec(text);
  if (binary) {
    parsed.syntaxErrors.push({
      message:
        binary[0] === "\uFFFD"
          ? "The file is not valid UTF-8 text (undecodable bytes here); save it as UTF-8."
          : `The file contains a control character (U+${binary[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}), as binary data does; a charter is plain UTF-8 text.`,
      range: { start: binary.index, end: binary.index + 1 },
    });
  }
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    // Warnings (an unresolved tag, say) mean the data is not what it looks like: report them too.
    for (const error of [...doc.errors, ...doc.warnings]) {
      parsed.syntaxErrors.push({ message: sentence(error.message), range: widen(text, clampRange(error.pos, text.length)) });
    }
  }
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
  parsed.root = contents;
  try {
    parsed.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // An alias bomb is refused before expansion; the schema rule says so, other rules read the AST.
    parsed.structure.push({
      message:
        error instanceof ReferenceError
          ? `Too many aliases (more than ${MAX_ALIAS_COUNT}): expanding them could exhaust memory, so the document is checked without expanding them.`
          : `The document could not be read: ${String((error as Error).message ?? error)}`,
      range: firstLineOf(0, lines),
    });
  }
  return parsed;
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
