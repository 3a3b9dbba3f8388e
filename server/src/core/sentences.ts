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
  for (const raw of value.replace(/\n(?!\s*[-*•])/g, " ").match(SENTENCE) ?? []) {
    const text = raw.replace(/^\s*[-*•]\s*/, "").trim();
    if (!/[A-Za-z]{2}/.test(text)) continue;
    const found = locate(region, text, cursor);
    if (found) cursor = found.end;
    const range = found ? { start: nodeStart + found.start, end: nodeStart + found.end } : { start: nodeStart, end: nodeEnd };
    sentences.push({ text, range });
  }
  return sentences;
}

function locate(region: string, text: string, from: number): OffsetRange | undefined {
  const words = text.split(/\s+/).map((w) => w.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&"));
  const pattern = new RegExp(words.join("\\s+"), "g");
  pattern.lastIndex = from;
  const found = pattern.exec(region);
  if (!found) return undefined;
  return { start: found.index, end: found.index + found[0].length };
}
