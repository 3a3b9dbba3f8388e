import { BoundedCache } from "../bounded-cache";
import { appendToList, scalarEntry } from "../edits";
import { tokenize } from "../matcher";
import type { CharterModel } from "../model";
import { nodeRange } from "../yaml-nav";
import type { CharterRule } from "./rule";
import type { Recommendation } from "../../../../schemas/catalog";

/** Share of a recommendation's words a practice must use to count as reflecting it. */
export const REFLECTS_SHARE = 0.6;

const stems = (text: string, isPhrase: boolean) => new Set(tokenize(text, isPhrase).map((t) => t.stem));

/** A recommendation's words, stemmed once: every keystroke asks whether the practices reflect it. */
const recommendationStems = new WeakMap<Recommendation, { phrases: string[][]; wanted: string[] }>();

function stemsOf(recommendation: Recommendation): { phrases: string[][]; wanted: string[] } {
  let found = recommendationStems.get(recommendation);
  if (!found) {
    found = { phrases: (recommendation.match ?? []).map((phrase) => [...stems(phrase, true)]), wanted: [...stems(recommendation.text, true)] };
    recommendationStems.set(recommendation, found);
  }
  return found;
}

/** A practice reflects a recommendation when it uses all words of one of its phrases, or most of its words. */
export function reflects(practice: string, recommendation: Recommendation): boolean {
  return reflectedBy(stems(practice, false), recommendation);
}

function reflectedBy(words: Set<string>, recommendation: Recommendation): boolean {
  const { phrases, wanted } = stemsOf(recommendation);
  if (phrases.some((phrase) => phrase.every((w) => words.has(w)))) return true;
  return wanted.length > 0 && wanted.filter((w) => words.has(w)).length / wanted.length >= REFLECTS_SHARE;
}

export const recommendationMissing: CharterRule = {
  id: "recommendation-missing",
  severity: "hint",
  scope: "charter",
  summary: "No practice reflects a recommendation of the declared persona.",
  doc: `Source 000 gives each persona a handful of recommended practices; the catalog holds them as short
imperative texts. This hint appears on the \`persona\` value when none of \`practices\` reflects any of
them (a practice reflects a recommendation when it uses at least ${Math.round(REFLECTS_SHARE * 100)}% of
its words, or every word of one of the recommendation's catalog phrases), and when \`practices\` is
missing. Each fix adds one recommendation to \`practices\`; the
first is a safe fix.`,
  check({ parsed, catalog, model, report }) {
    const node = model.personaNode;
    if (!node?.range || model.personas.length === 0) return;
    const recommendations = model.personas.flatMap((p) => catalog.personas.get(p.id)?.recommendations ?? []);
    if (recommendations.length === 0 || followsOne(model, recommendations)) return;
    report({
      message: model.practices.length
        ? "None of the practices reflects a recommendation of the declared persona."
        : "The charter lists no practices; add at least one recommended practice of the declared persona.",
      range: nodeRange(node),
      fixes: () => recommendations.map((r, i) => ({
        title: `Add practice: ${r.text}`,
        edits: [appendToList(parsed, "practices", scalarEntry(r.text))],
        safe: i === 0,
        preferred: i === 0,
      })),
    });
  },
};

/** Practices' words by text: the same practices stand in every version, and in many charters of a library. */
const practiceStems = new BoundedCache<Set<string>>(2000);

function followsOne(model: CharterModel, recommendations: Recommendation[]): boolean {
  return model.practices.some((p) => {
    const words = practiceStems.get(p.text, (text) => stems(text, false));
    return recommendations.some((r) => reflectedBy(words, r));
  });
}
