/**
 * Splits a `job_description` into sentences and finds each one's exact range in the source, whatever
 * the scalar style (block literal, folded, plain or quoted): the words are searched for in order,
 * allowing any whitespace, indentation or line break between them.
 */
import type { Scalar } from "yaml";
import type { OffsetRange } from "./types";

export interface SourceSentence {
  text: string;
  range: OffsetRange;
}

/** Sentence ends: ., ! or ? before a space or the end, a semicolon, or a line break before a bullet. */
const SENTENCE = /[^.!?;\n]+(?:[.!?](?=\s|$)|;|\n|$)|[^\n]+?(?=\n|$)/g;

export function splitSentences(source: string, node: Scalar): SourceSentence[] {
  const value = String(node.value);
  const [nodeStart, nodeEnd] = node.range ?? [0, source.length];
  const region = source.slice(nodeStart, nodeEnd);
  const sentences: SourceSentence[] = [];
  let cursor = 0;
  for (const raw of value.replace(/\n(?!\s*[-*\u2022])/g, " ").match(SENTENCE) ?? []) {
    const text = raw.replace(/^\s*[-*\u2022]\s*/, "").trim();
    if (!/[A-Za-z]{2}/.test(text)) continue;
    const found = locate(region, text, cursor);
    if (found) cursor = found.end;
    const range = found ? { start: nodeStart + found.start, end: nodeStart + found.end } : { start: nodeStart, end: nodeEnd };
    sentences.push({ text, range });
  }
  return sentences;
}

/**
 * The first place at or after `from` where the sentence's words stand in order with only whitespace
 * between them. A scan from each occurrence of the first word, not a regular expression per sentence:
 * a long job description has hundreds of sentences and is analysed on every keystroke.
 */
function locate(region: string, text: string, from: number): OffsetRange | undefined {
  const words = text.split(/\s+/);
  for (let start = region.indexOf(words[0], from); start >= 0; start = region.indexOf(words[0], start + 1)) {
    const end = matchWords(region, words, start);
    if (end >= 0) return { start, end };
  }
  return undefined;
}

/** Where the words end when they stand at `start` separated by whitespace, or -1. */
function matchWords(region: string, words: string[], start: number): number {
  let at = start + words[0].length;
  for (let i = 1; i < words.length; i++) {
    const gap = at;
    while (at < region.length && WHITESPACE.test(region[at])) at++;
    if (at === gap || !region.startsWith(words[i], at)) return -1;
    at += words[i].length;
  }
  return at;
}

const WHITESPACE = /\s/;
