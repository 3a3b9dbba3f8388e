import type { PersonaId } from "../../../../schemas/catalog";
import type { Catalog } from "../catalog";
import { replaceNode } from "../edits";
import type { CharterModel, Resolution } from "../model";
import { posteriorOf } from "../persona-posterior";
import type { OffsetRange } from "../types";
import { nodeRange } from "../yaml-nav";
import { coveredIds } from "./ownership";
import type { CharterRule } from "./rule";

/** How far another persona must lead the declared one before the rule speaks. */
export const FIT_MARGIN = 0.34;
/** …and how many of its core accountabilities the charter must cover. */
export const FIT_MIN_COVERED = 2;
/**
 * Or: how far ahead in probability another persona must be, with at least FIT_MIN_COVERED claimed
 * accountabilities that favour it. Catches a charter written for one persona in words that touch its
 * profile and side more than its core.
 */
export const FIT_PROBABILITY_MARGIN = 0.5;

/** An item, a job description sentence or a `shared_with_cio` entry that states an accountability. */
export interface FitSource {
  kind: "item" | "sentence" | "shared";
  text: string;
  range: OffsetRange;
  /** 1 for a catalog id, the matcher's confidence for free text. */
  confidence: number;
  /** For free text: the words that matched. */
  evidence?: string[];
}

/** A claimed accountability that points to a persona more than to the others. */
export interface FitEvidence {
  accountabilityId: string;
  /** True for the persona's core accountabilities. */
  core: boolean;
  /** How likely this persona is from this accountability alone (above a quarter: it favours the persona). */
  probability: number;
  sources: FitSource[];
}

/** How well the charter fits one persona: what the rule compares. */
export interface PersonaScore {
  persona: PersonaId;
  name: string;
  /** Share of the persona's core the charter covers, 0..1. */
  coverage: number;
  covered: string[];
  missing: string[];
  /** How likely this persona is given everything the charter claims; the four add up to 1. */
  probability: number;
  /** The claimed accountabilities that favour this persona, in the charter's order. */
  favouring: Omit<FitEvidence, "sources">[];
}

export interface PersonaFit extends PersonaScore {
  /** What points to this persona: the claimed accountabilities that favour it, most telling first, and where. */
  evidence: FitEvidence[];
}

/** Everything the charter states, by accountability id. */
export function sourcesById(model: CharterModel): Map<string, FitSource[]> {
  const byId = new Map<string, FitSource[]>();
  const add = (resolution: Resolution | undefined, kind: FitSource["kind"], text: string, range: OffsetRange) => {
    if (!resolution) return;
    const id = resolution.accountability.id;
    const source: FitSource = { kind, text, range, confidence: resolution.match?.confidence ?? 1 };
    if (resolution.match) source.evidence = resolution.match.evidence;
    // Pushed in place: copying the list per source made a long job description quadratic.
    const list = byId.get(id);
    if (list) list.push(source);
    else byId.set(id, [source]);
  };
  for (const item of model.accountabilities) add(item.resolution, "item", item.text ?? item.id ?? "", item.range);
  for (const sentence of model.sentences) add(sentence.resolution, "sentence", sentence.text, sentence.range);
  for (const item of model.shared) add(item.resolution, "shared", item.text ?? item.id ?? "", item.range);
  return byId;
}

/**
 * Coverage of each persona's core by the charter, and a distribution over the personas: every
 * claimed accountability is evidence for the personas likely to hold it (persona-posterior.ts),
 * weighted by the match's confidence, and the pieces of evidence are combined as independent.
 * Best coverage first; equal coverage goes to the more probable persona. With each favouring
 * accountability's sources, most telling first.
 */
export function personaFit(model: CharterModel, catalog: Catalog): PersonaFit[] {
  const sources = sourcesById(model);
  return personaScores(model, catalog).map((score) => ({
    ...score,
    evidence: score.favouring.map((favour) => ({ ...favour, sources: sources.get(favour.accountabilityId)! })).sort((a, b) => b.probability - a.probability),
  }));
}

/** `personaFit` without the sources of each piece of evidence: what the rule needs at every keystroke. */
export function personaScores(model: CharterModel, catalog: Catalog): PersonaScore[] {
  const covered = coveredIds(model);
  const posterior = posteriorOf(catalog);
  // Each claimed accountability counts once, with its most confident source; it is the same for every persona.
  const claimed: { id: string; confidence: number; odds: ReadonlyMap<PersonaId, number> | undefined }[] = [];
  for (const [id, confidence] of claimedConfidences(model)) claimed.push({ id, confidence, odds: posterior.get(id) });
  const logScore = new Map<PersonaId, number>();
  for (const persona of catalog.personas.values()) {
    let sum = 0;
    for (const { confidence, odds } of claimed) sum += confidence * Math.log(odds?.get(persona.id) ?? 1);
    logScore.set(persona.id, sum);
  }
  const top = Math.max(...logScore.values());
  const norm = [...logScore.values()].reduce((a, b) => a + Math.exp(b - top), 0);
  const favours = 1 / catalog.personas.size;

  return [...catalog.personas.values()]
    .map((persona) => {
      const ids = persona.core.map((c) => c.id);
      const hit = ids.filter((id) => covered.has(id));
      const core = new Set(ids);
      const favouring: PersonaScore["favouring"] = [];
      for (const { id, odds } of claimed) {
        const probability = odds?.get(persona.id) ?? 0;
        if (probability > favours) favouring.push({ accountabilityId: id, core: core.has(id), probability });
      }
      return {
        persona: persona.id,
        name: persona.name,
        coverage: ids.length ? hit.length / ids.length : 0,
        covered: hit,
        missing: ids.filter((id) => !covered.has(id)),
        probability: Math.exp(logScore.get(persona.id)! - top) / norm,
        favouring,
      };
    })
    .sort((a, b) => b.coverage - a.coverage || b.probability - a.probability);
}

/**
 * Each accountability the charter states, once, with the confidence of its most confident source, in
 * the order `sourcesById` meets them (the order the evidence is summed in), without making the sources.
 */
function claimedConfidences(model: CharterModel): Map<string, number> {
  const best = new Map<string, number>();
  const add = (resolution: Resolution | undefined) => {
    if (!resolution) return;
    const id = resolution.accountability.id;
    const confidence = resolution.match?.confidence ?? 1;
    best.set(id, Math.max(best.get(id) ?? 0, confidence));
  };
  for (const item of model.accountabilities) add(item.resolution);
  for (const sentence of model.sentences) add(sentence.resolution);
  for (const item of model.shared) add(item.resolution);
  return best;
}

export interface FitLead<Fit extends PersonaScore = PersonaFit> {
  /** The persona that fits clearly better. */
  fit: Fit;
  /** The declared persona's best coverage and probability, for comparison. */
  declaredCoverage: number;
  declaredProbability: number;
  /** Which test it passed: a lead in core coverage, or in probability. */
  by: "coverage" | "probability";
}

/** The persona that fits clearly better than the declared ones, if any: the rule's own test. */
export function clearlyBetter<Fit extends PersonaScore>(fits: readonly Fit[], declared: readonly PersonaId[]): FitLead<Fit> | undefined {
  const mine = fits.filter((f) => declared.includes(f.persona));
  if (mine.length === 0) return undefined;
  const declaredCoverage = Math.max(...mine.map((f) => f.coverage));
  const declaredProbability = Math.max(...mine.map((f) => f.probability));
  const others = fits.filter((f) => !declared.includes(f.persona));
  const byCoverage = others[0];
  if (byCoverage && byCoverage.covered.length >= FIT_MIN_COVERED && byCoverage.coverage - declaredCoverage >= FIT_MARGIN) {
    return { fit: byCoverage, declaredCoverage, declaredProbability, by: "coverage" };
  }
  const byProbability = others.reduce<Fit | undefined>((best, f) => (!best || f.probability > best.probability ? f : best), undefined);
  if (byProbability && byProbability.favouring.length >= FIT_MIN_COVERED && byProbability.probability - declaredProbability >= FIT_PROBABILITY_MARGIN) {
    return { fit: byProbability, declaredCoverage, declaredProbability, by: "probability" };
  }
  return undefined;
}

export const personaFitRule: CharterRule = {
  id: "persona-fit",
  severity: "info",
  scope: "charter",
  summary: "The accountabilities fit another persona clearly better than the declared one.",
  doc: `Compares the charter (its accountabilities, job description sentences and \`shared_with_cio\`)
with each persona in two ways: how much of the persona's core it covers, and how probable the persona
is given every accountability it claims (each one is evidence for the personas that typically hold it:
their core first, then what their profile and recommendations name, then their side: the COO of IT
the CIO side, the other three the CTO side). Fires when another persona's core
coverage exceeds the declared persona's by at least ${Math.round(FIT_MARGIN * 100)} percentage points
with at least ${FIT_MIN_COVERED} of its core covered, or when another persona is at least
${Math.round(FIT_PROBABILITY_MARGIN * 100)} percentage points more probable and at least
${FIT_MIN_COVERED} of the charter's accountabilities favour it. For a blended role the better of the
two declared personas counts. The message names the better-fitting persona, and the fix switches to it.`,
  check({ catalog, model, report }) {
    const node = model.personaNode;
    if (!node?.range || model.personas.length === 0) return;
    const lead = clearlyBetter(personaScores(model, catalog), model.personas.map((p) => p.id));
    if (!lead) return;
    const { fit, declaredCoverage, declaredProbability } = lead;
    const why =
      lead.by === "coverage"
        ? `they cover ${pct(fit.coverage)} of its core against ${pct(declaredCoverage)} of the declared persona's.`
        : `${fit.favouring.length} of them point to it, making it ${pct(fit.probability)} likely against ${pct(declaredProbability)} for the declared persona.`;
    report({
      message: `The accountabilities fit the ${fit.name} persona better: ${why}`,
      range: nodeRange(node),
      fixes: () => [{ title: `Switch persona to \`${fit.persona}\``, edits: [replaceNode(node, fit.persona)], safe: false, preferred: true }],
      data: { persona: fit.persona },
    });
  },
};

function pct(value: number): string {
  return `${Math.round(value * 100)}%`;
}
