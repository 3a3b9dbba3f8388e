/**
 * Splits a `job_description` into sentences and finds each one's exact range in the source, whatever
 * the scalar style (block literal, folded, plain or quoted): the words are searched for in order,
 * allowing any whitespace, indentation or line break between them.
 *
 * A keystroke changes one place of a long job description, so a split can start from the previous
 * version's: the sentences before the change and those after it are kept (moved), and only the
 * stretch between them is split again. That stretch is chosen so that the result is exactly what a
 * split of the whole text gives (see `splitSentences`).
 */
import type { Scalar } from "yaml";
import type { OffsetRange } from "./types";

export interface SourceSentence {
  text: string;
  range: OffsetRange;
}

/** How the caller builds its sentences: each new one, and one moved to another range. */
export interface SentenceMaker<S extends SourceSentence> {
  make(sentence: SourceSentence): S;
  move(sentence: S, range: OffsetRange): S;
}

/** A split, kept to start the next one from. */
export interface Split<S extends SourceSentence> {
  /** The scalar's source text, and where it starts and ends in the document. */
  region: string;
  start: number;
  end: number;
  /** The value with its soft line breaks as spaces: the text the sentence pattern runs over. */
  flat: string;
  /** Every match of the pattern in `flat`, in order; those with words are the sentences, in order. */
  parts: readonly Part[];
  sentences: readonly S[];
}

/** One match, where it was found; all positions are relative to `flat` or `region`, so a moved value keeps its parts. */
interface Part {
  /** The match, in `flat`. */
  from: number;
  to: number;
  /** Where the search for the next sentence starts in `region`. */
  cursor: number;
  /** One past the furthest character of `region` the search for this sentence read. */
  reach: number;
  /** False for a match without words (a lone "--"), which is no sentence. */
  words: boolean;
  /** Where the words stand in `region`; undefined when they were not found there, and the sentence stands on the whole scalar. */
  found?: OffsetRange;
}

/** Sentence ends: ., ! or ? before a space or the end, a semicolon, or a line break before a bullet. */
const SENTENCE = /[^.!?;\n]+(?:[.!?](?=\s|$)|;|\n|$)|[^\n]+?(?=\n|$)/g;
const SOFT_BREAK = /\n(?!\s*[-*\u2022])/g;
const BULLET = /^\s*[-*\u2022]\s*/;
const WORDS = /[A-Za-z]{2}/;

/**
 * The sentences of `node`. Given the split of the previous version of the same value, the parts
 * that the change cannot have touched are kept, and their sentences moved rather than made again:
 * - before it, each part whose pattern match and source search read only text before the change;
 * - after it, from the first part that starts where a previous one started, in text after the
 *   change, with the search in the same place of that text: from there on, both splits read the
 *   same characters, so they make the same parts, moved.
 */
export function splitSentences<S extends SourceSentence>(source: string, node: Scalar, maker: SentenceMaker<S>, previous?: Split<S>): Split<S> {
  const [start, end] = node.range ?? [0, source.length];
  const region = source.slice(start, end);
  if (previous && previous.region === region) {
    if (start === previous.start) return previous;
    return { ...previous, start, end, sentences: placed(previous.parts, previous.sentences, { start, end, region: 0 }, maker) };
  }
  const flat = String(node.value).replace(SOFT_BREAK, " ");
  const old = previous && { split: previous, ...changeBetween(previous, region, flat) };
  let kept = 0;
  while (old && kept < old.split.parts.length && old.split.parts[kept].to < old.flatPrefix && old.split.parts[kept].reach <= old.regionPrefix) kept++;
  const parts: Part[] = old ? old.split.parts.slice(0, kept) : [];
  const keptSentences = old ? old.split.sentences.slice(0, wordsIn(parts, kept)) : [];
  const sentences: S[] = old && start !== old.split.start ? placed(parts, keptSentences, { start, end, region: 0 }, maker) : keptSentences;
  SENTENCE.lastIndex = parts[kept - 1]?.to ?? 0;
  let cursor = parts[kept - 1]?.cursor ?? 0;
  for (let match = SENTENCE.exec(flat); match; match = SENTENCE.exec(flat)) {
    const from = match.index;
    if (old && from >= flat.length - old.flatSuffix && cursor >= region.length - old.regionSuffix) {
      const resume = partAt(old.split.parts, from - old.flatDelta);
      if (resume >= 0 && cursorBefore(old.split.parts, resume) === cursor - old.regionDelta) {
        const rest = old.split.parts.slice(resume);
        const restSentences = old.split.sentences.slice(wordsIn(old.split.parts, resume));
        for (const sentence of placed(rest, restSentences, { start, end, region: old.regionDelta }, maker)) sentences.push(sentence);
        for (const part of rest) parts.push(movedPart(part, old.flatDelta, old.regionDelta));
        break;
      }
    }
    const text = match[0].replace(BULLET, "").trim();
    const part = readPart(region, text, from, from + match[0].length, cursor);
    parts.push(part);
    if (part.words) sentences.push(maker.make({ text, range: part.found ? { start: start + part.found.start, end: start + part.found.end } : { start, end } }));
    cursor = part.cursor;
  }
  return { region, start, end, flat, parts, sentences };
}

/** The sentences of `parts`, in order, placed in a scalar from `to.start` to `to.end`, their words `to.region` further on than before. */
function placed<S extends SourceSentence>(parts: readonly Part[], sentences: readonly S[], to: { start: number; end: number; region: number }, maker: SentenceMaker<S>): S[] {
  const out: S[] = [];
  let index = 0;
  for (const part of parts) {
    if (!part.words) continue;
    const sentence = sentences[index++];
    const range = part.found ? { start: to.start + part.found.start + to.region, end: to.start + part.found.end + to.region } : { start: to.start, end: to.end };
    out.push(range.start === sentence.range.start && range.end === sentence.range.end ? sentence : maker.move(sentence, range));
  }
  return out;
}

function movedPart(part: Part, flatDelta: number, regionDelta: number): Part {
  return {
    from: part.from + flatDelta,
    to: part.to + flatDelta,
    cursor: part.cursor + regionDelta,
    reach: part.reach + regionDelta,
    words: part.words,
    found: part.found && { start: part.found.start + regionDelta, end: part.found.end + regionDelta },
  };
}

/** How many of the first `count` parts are sentences. */
function wordsIn(parts: readonly Part[], count: number): number {
  let sentences = 0;
  for (let i = 0; i < count; i++) if (parts[i].words) sentences++;
  return sentences;
}

/** How the two versions differ: the lengths of their common start and end, in `flat` and in `region`. */
function changeBetween(before: Split<SourceSentence>, region: string, flat: string) {
  const flatPrefix = commonPrefix(before.flat, flat);
  const regionPrefix = commonPrefix(before.region, region);
  return {
    flatPrefix,
    regionPrefix,
    flatSuffix: commonSuffix(before.flat, flat, flatPrefix),
    regionSuffix: commonSuffix(before.region, region, regionPrefix),
    flatDelta: flat.length - before.flat.length,
    regionDelta: region.length - before.region.length,
  };
}

/** By halves, comparing slices: the engine compares each stretch at once, not a character at a time in a loop. */
function commonPrefix(a: string, b: string): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(low, middle) === b.slice(low, middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The common end, not overlapping a common start of `prefix` characters. */
function commonSuffix(a: string, b: string, prefix: number): number {
  let low = 0;
  let high = Math.min(a.length, b.length) - prefix;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(a.length - middle, a.length - low) === b.slice(b.length - middle, b.length - low)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The index of the part whose match starts at `from`, or -1 (parts are in order). */
function partAt(parts: readonly Part[], from: number): number {
  let low = 0;
  let high = parts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (parts[middle].from === from) return middle;
    if (parts[middle].from < from) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function cursorBefore(parts: readonly Part[], index: number): number {
  return index > 0 ? parts[index - 1].cursor : 0;
}

/** The part for a match of `from`–`to`, whose text (bullet and outer spaces removed) is `text`. */
function readPart(region: string, text: string, from: number, to: number, cursor: number): Part {
  if (!WORDS.test(text)) return { from, to, cursor, reach: 0, words: false };
  const found = locate(region, text, cursor);
  if (!found) return { from, to, cursor, reach: region.length, words: true };
  return { from, to, cursor: found.end, reach: found.reach, words: true, found: { start: found.start, end: found.end } };
}

/**
 * The first place at or after `from` where the sentence's words stand in order with only whitespace
 * between them, and how far the search read. A scan from each occurrence of the first word, not a
 * regular expression per sentence: a long job description has hundreds of sentences.
 */
function locate(region: string, text: string, from: number): { start: number; end: number; reach: number } | undefined {
  const firstSpace = text.search(/\s/);
  const first = firstSpace < 0 ? text : text.slice(0, firstSpace);
  let reach = from;
  for (let start = region.indexOf(first, from); start >= 0; start = region.indexOf(first, start + 1)) {
    const { end, read } = matchWords(region, text, start + first.length, first.length);
    reach = Math.max(reach, read);
    if (end >= 0) return { start, end, reach };
  }
  return undefined;
}

/**
 * Where `text` ends when it stands in `region` with its first `done` characters already matched
 * before `at`, any run of whitespace in it standing for any (non-empty) run there; or -1. `read` is
 * one past the last character looked at.
 */
function matchWords(region: string, text: string, at: number, done: number): { end: number; read: number } {
  let i = done;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      if (at >= region.length || !isSpace(region.charCodeAt(at))) return { end: -1, read: at + 1 };
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      while (at < region.length && isSpace(region.charCodeAt(at))) at++;
    } else {
      if (region.charCodeAt(at) !== text.charCodeAt(i)) return { end: -1, read: at + 1 };
      at++;
      i++;
    }
  }
  return { end: at, read: at };
}

/** JavaScript's `\s`, by character code. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
