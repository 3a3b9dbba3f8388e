/**
 * Matches free text (an accountability's `text`, a `job_description` sentence) to catalog
 * accountabilities through their match phrases. A phrase matches when every one of its content words
 * (stemmed) occurs in the text; text that matches no phrase stays unmatched, never forced onto the
 * nearest entry.
 */
import { stemmer } from "stemmer";
import type { AccountabilityData } from "../../../schemas/catalog";

export interface Match {
  accountabilityId: string;
  /** 0..1: grows with the number of words the matched phrases share with the text. */
  confidence: number;
  /** The words of the text that matched, in text order. */
  evidence: string[];
  /** The catalog phrases that matched. */
  phrases: string[];
}

export interface MatchResult {
  match?: Match;
  /** Why nothing matched, when something did look relevant (e.g. a negation). */
  reason?: string;
}

const STOP_WORDS = new Set(
  ("a an and are as at be been being but by can do for from has have in into is its of on or our " +
    "should so such that the their them then there these they this those to was we were which while who " +
    "will with within without you your all any each per via across over under up out about").split(" "),
);

/** Words that negate the statement that follows them within the same sentence. */
const NEGATION = /\b(?:not|never|no longer|nor|excluding|except|other than|rather than|instead of)\b/i;

interface Token {
  stem: string;
  /** The word as written. */
  word: string;
}

/**
 * "IT" (information technology) and "it" (the pronoun) lower-case to the same word; keep the first
 * as its own token so "IT budget" is not read as "budget".
 */
const IT_TOKEN = "__it";
const IT_ARTICLE = new Set(["the", "our", "internal", "enterprise", "corporate", "of", "for", "and", "in", "group"]);

export function tokenize(text: string, isPhrase = false): Token[] {
  const tokens: Token[] = [];
  const words = text.match(/[A-Za-z0-9]+(?:[&'][A-Za-z0-9]+)*/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const lower = word.toLowerCase();
    if (lower === "it") {
      const previous = words[i - 1]?.toLowerCase() ?? "";
      if (isPhrase || word === "IT" || IT_ARTICLE.has(previous)) tokens.push({ stem: IT_TOKEN, word });
      continue;
    }
    if (STOP_WORDS.has(lower)) continue;
    tokens.push({ stem: stemmer(lower.replace(/'s$/, "")), word });
  }
  return tokens;
}

interface CompiledPhrase {
  accountabilityId: string;
  phrase: string;
  stems: string[];
}

export class Matcher {
  /** Phrases indexed by their rarest-first stem, so a text only visits phrases that can match. */
  private readonly byStem = new Map<string, CompiledPhrase[]>();

  constructor(accountabilities: readonly AccountabilityData[]) {
    for (const item of accountabilities) {
      for (const phrase of item.match) {
        const stems = [...new Set(tokenize(phrase, true).map((t) => t.stem))];
        if (stems.length === 0) continue;
        const compiled = { accountabilityId: item.id, phrase, stems };
        const list = this.byStem.get(stems[0]) ?? [];
        list.push(compiled);
        this.byStem.set(stems[0], list);
      }
    }
  }

  match(text: string): MatchResult {
    const tokens = tokenize(text);
    const present = new Set(tokens.map((t) => t.stem));
    const scores = new Map<string, { words: number; phrases: string[]; stems: Set<string> }>();
    for (const stem of present) {
      for (const phrase of this.byStem.get(stem) ?? []) {
        if (!phrase.stems.every((s) => present.has(s))) continue;
        const score = scores.get(phrase.accountabilityId) ?? { words: 0, phrases: [], stems: new Set<string>() };
        score.words = Math.max(score.words, phrase.stems.length);
        score.phrases.push(phrase.phrase);
        for (const s of phrase.stems) score.stems.add(s);
        scores.set(phrase.accountabilityId, score);
      }
    }
    let best: [string, { words: number; phrases: string[]; stems: Set<string> }] | undefined;
    for (const entry of scores) {
      if (!best || rank(entry[1]) > rank(best[1])) best = entry;
    }
    if (!best) return {};
    const [accountabilityId, score] = best;
    const evidence = tokens.filter((t) => score.stems.has(t.stem)).map((t) => t.word);
    const negation = NEGATION.exec(text);
    if (negation && text.toLowerCase().indexOf(evidence[0].toLowerCase(), negation.index) >= 0) {
      return { reason: `The text says "${negation[0]}" before "${evidence.join(" ")}", so it states no accountability.` };
    }
    return {
      match: {
        accountabilityId,
        confidence: confidenceOf(score.words, score.stems.size),
        evidence: [...new Set(evidence)],
        phrases: score.phrases,
      },
    };
  }
}

function rank(score: { words: number; stems: Set<string> }): number {
  return score.words * 10 + score.stems.size;
}

/** A one-word phrase is weak evidence; each further word shared with the text adds to it. */
function confidenceOf(longestPhrase: number, distinctWords: number): number {
  const base = [0, 0.55, 0.75, 0.85, 0.9][Math.min(longestPhrase, 4)];
  return Math.min(0.97, Math.round((base + 0.03 * (distinctWords - longestPhrase)) * 100) / 100);
}
