import type { PersonaId } from "../../../../schemas/catalog";
import type { Catalog } from "../catalog";
import { replaceNode } from "../edits";
import type { CharterModel } from "../model";
import { nodeRange } from "../yaml-nav";
import { coveredIds } from "./ownership";
import type { CharterRule } from "./rule";

/** How far another persona must lead the declared one before the rule speaks. */
export const FIT_MARGIN = 0.34;
/** …and how many of its core accountabilities the charter must cover. */
export const FIT_MIN_COVERED = 2;

export interface PersonaFit {
  persona: PersonaId;
  name: string;
  /** Share of the persona's core the charter covers, 0..1. */
  coverage: number;
  covered: string[];
  missing: string[];
}

/** Coverage of each persona's core by the charter, best first. */
export function personaFit(model: CharterModel, catalog: Catalog): PersonaFit[] {
  const covered = coveredIds(model);
  return [...catalog.personas.values()]
    .map((persona) => {
      const ids = persona.core.map((c) => c.id);
      const hit = ids.filter((id) => covered.has(id));
      return { persona: persona.id, name: persona.name, coverage: ids.length ? hit.length / ids.length : 0, covered: hit, missing: ids.filter((id) => !covered.has(id)) };
    })
    .sort((a, b) => b.coverage - a.coverage);
}

export const personaFitRule: CharterRule = {
  id: "persona-fit",
  severity: "info",
  scope: "charter",
  summary: "The accountabilities fit another persona clearly better than the declared one.",
  doc: `Compares how much of each persona's core the charter covers (its accountabilities, job
description sentences and \`shared_with_cio\`). Fires when another persona's coverage exceeds the
declared persona's by at least ${Math.round(FIT_MARGIN * 100)} percentage points and the charter covers
at least ${FIT_MIN_COVERED} of that persona's core accountabilities; for a blended role the better of the
two declared personas counts. The message names the better-fitting persona, and the fix switches to it.`,
  check({ catalog, model, report }) {
    const node = model.personaNode;
    if (!node?.range || model.personas.length === 0) return;
    const fits = personaFit(model, catalog);
    const declared = new Set(model.personas.map((p) => p.id));
    const declaredBest = Math.max(...fits.filter((f) => declared.has(f.persona)).map((f) => f.coverage));
    const other = fits.find((f) => !declared.has(f.persona));
    if (!other || other.covered.length < FIT_MIN_COVERED || other.coverage - declaredBest < FIT_MARGIN) return;
    report({
      message: `The accountabilities fit the ${other.name} persona better: they cover ${pct(other.coverage)} of its core against ${pct(declaredBest)} of the declared persona's.`,
      range: nodeRange(node),
      fixes: [{ title: `Switch persona to \`${other.persona}\``, edits: [replaceNode(node, other.persona)], safe: false, preferred: true }],
      data: { persona: other.persona },
    });
  },
};

function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}
