/**
 * How likely each persona is, given that a charter claims one accountability: the catalog's own
 * judgement, read from its texts alone, which the `persona-fit` rule combines over everything a
 * charter claims. The build stores it for the built-in catalog (`npm run generate`), so that the
 * first analysis does not match every persona's profile and recommendations again; an organisation's
 * catalog gets it computed on first use.
 */
import type { PersonaId } from "../../../schemas/catalog";
import type { Catalog } from "./catalog";

/** For each accountability id, the probability of each persona given that the charter claims it. */
export type Posterior = ReadonlyMap<string, ReadonlyMap<PersonaId, number>>;

/** As the build stores it: per accountability id, the probabilities in the catalog's persona order. */
export type StoredPosterior = Record<string, number[]>;

/**
 * How strongly each persona is associated with each accountability: 1 for its core, PROFILE_WEIGHT
 * for one its profile (summary, focus, reporting note) names and RECOMMENDATION_WEIGHT for one its
 * recommendations name, both found by the matcher in the catalog's own words. Anything else keeps a
 * small weight that follows the persona's side: the COO of IT looks after the organisation's own IT
 * (CIO side), the other three look outward (CTO side).
 */
const PROFILE_WEIGHT = 0.5;
const RECOMMENDATION_WEIGHT = 0.25;
const BACKGROUND_WEIGHT = { ownSide: 0.06, otherSide: 0.02 };

const posteriors = new WeakMap<Catalog, Posterior>();

export function posteriorOf(catalog: Catalog): Posterior {
  let posterior = posteriors.get(catalog);
  if (!posterior) {
    posterior = computePosterior(catalog);
    posteriors.set(catalog, posterior);
  }
  return posterior;
}

/** Gives the catalog the posterior the build computed for it (`storePosterior`). */
export function usePosterior(catalog: Catalog, stored: StoredPosterior): void {
  const personas = [...catalog.personas.keys()];
  posteriors.set(catalog, new Map(Object.entries(stored).map(([id, probabilities]) => [id, new Map(personas.map((persona, i) => [persona, probabilities[i]]))])));
}

/** Computed afresh from the catalog's texts, for the build to store. */
export function storePosterior(catalog: Catalog): StoredPosterior {
  const personas = [...catalog.personas.keys()];
  return Object.fromEntries([...computePosterior(catalog)].map(([id, byPersona]) => [id, personas.map((persona) => byPersona.get(persona)!)]));
}

function computePosterior(catalog: Catalog): Posterior {
  const affinity = new Map<PersonaId, Map<string, number>>();
  for (const persona of catalog.personas.values()) {
    const weights = new Map<string, number>();
    const mention = (texts: string[], weight: number) => {
      for (const text of texts.flatMap(clauses)) {
        const id = catalog.matcher.matchPhrases(text)?.accountabilityId;
        if (id && (weights.get(id) ?? 0) < weight) weights.set(id, weight);
      }
    };
    mention(persona.recommendations.map((r) => r.text), RECOMMENDATION_WEIGHT);
    mention([persona.summary, persona.focus, persona.reportingNote], PROFILE_WEIGHT);
    for (const core of persona.core) weights.set(core.id, 1);
    affinity.set(persona.id, weights);
  }
  const posterior = new Map<string, Map<PersonaId, number>>();
  for (const accountability of catalog.accountabilities.values()) {
    const outward = accountability.domain !== "cio";
    const raw = [...catalog.personas.values()].map((persona) => {
      const ownSide = persona.id === "coo-of-it" ? !outward : outward;
      const background = ownSide ? BACKGROUND_WEIGHT.ownSide : BACKGROUND_WEIGHT.otherSide;
      return [persona.id, affinity.get(persona.id)!.get(accountability.id) ?? background] as const;
    });
    const total = raw.reduce((sum, [, w]) => sum + w, 0);
    posterior.set(accountability.id, new Map(raw.map(([id, w]) => [id, w / total])));
  }
  return posterior;
}

/** A profile text split into clauses, so each names at most a few accountabilities. */
function clauses(text: string): string[] {
  return text.split(/[.;:]\s+|,\s+(?:and\s+)?|\s+and\s+(?=[a-z]+s\b)/);
}
