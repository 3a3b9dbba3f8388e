import { appendToList, scalarEntry } from "../edits";
import { tokenize } from "../matcher";
import type { CharterModel } from "../model";
import { nodeRange } from "../yaml-nav";
import type { CharterRule } from "./rule";

/** Share of a recommendation's words a practice must use to count as reflecting it. */
export const REFLECTS_SHARE = 0.6;

export function reflects(practice: string, recommendation: string): boolean {
  const words = new Set(tokenize(practice).map((t) => t.stem));
  const wanted = [...new Set(tokenize(recommendation).map((t) => t.stem))];
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
its words), and when \`practices\` is missing. Each fix adds one recommendation to \`practices\`; the
first is a safe fix.`,
  check({ parsed, catalog, model, report }) {
    const node = model.personaNode;
    if (!node?.range || model.personas.length === 0) return;
    const recommendations = model.personas.flatMap((p) => catalog.personas.get(p.id)?.recommendations ?? []);
    if (recommendations.length === 0 || followsOne(model, recommendations.map((r) => r.text))) return;
    report({
      message: model.practices.length
        ? "None of the practices reflects a recommendation of the declared persona."
        : "The charter lists no practices; add at least one recommended practice of the declared persona.",
      range: nodeRange(node),
      fixes: recommendations.map((r, i) => ({
        title: `Add practice: ${r.text}`,
        edits: [appendToList(parsed, "practices", scalarEntry(r.text))],
        safe: i === 0,
        preferred: i === 0,
      })),
    });
  },
};

function followsOne(model: CharterModel, recommendations: string[]): boolean {
  return model.practices.some((p) => recommendations.some((r) => reflects(p.text, r)));
}
