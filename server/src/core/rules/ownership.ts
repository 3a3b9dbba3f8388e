/**
 * Who owns what: the shared judgement behind `cio-overlap`, `shared-ownership`,
 * `accountability-missing` and `persona-fit`, so the rules cannot disagree.
 */
import type { Catalog } from "../catalog";
import type { CharterModel, Item, Resolution, Sentence } from "../model";

/** Items and sentences that state an accountability of this role, with what they resolved to. */
export interface Claim {
  resolution: Resolution;
  item?: Item;
  sentence?: Sentence;
}

/** `compute`, run once per model: several rules ask, and ask again for each item. */
function perModel<T>(compute: (model: CharterModel) => T): (model: CharterModel) => T {
  const cache = new WeakMap<CharterModel, T>();
  return (model) => {
    if (!cache.has(model)) cache.set(model, compute(model));
    return cache.get(model)!;
  };
}

export const claims = perModel((model): readonly Claim[] => {
  const found: Claim[] = [];
  for (const item of model.accountabilities) if (item.resolution) found.push({ resolution: item.resolution, item });
  for (const sentence of model.sentences) if (sentence.resolution) found.push({ resolution: sentence.resolution, sentence });
  return found;
});

/** Catalog ids agreed as joint with the CIO. */
export const sharedIds = perModel((model): ReadonlySet<string> => new Set(model.shared.flatMap((item) => (item.resolution ? [item.resolution.accountability.id] : []))));

/** Catalog ids the charter covers: its accountabilities, its job description and `shared_with_cio`. */
export const coveredIds = perModel((model): ReadonlySet<string> => {
  const ids = new Set(sharedIds(model));
  for (const claim of claims(model)) ids.add(claim.resolution.accountability.id);
  return ids;
});

const coreCache = new WeakMap<CharterModel, { catalog: Catalog; ids: Set<string> }>();

/** The declared personas' core accountabilities. */
export function coreIds(model: CharterModel, catalog: Catalog): ReadonlySet<string> {
  const known = coreCache.get(model);
  if (known?.catalog === catalog) return known.ids;
  const ids = new Set<string>();
  for (const { id } of model.personas) for (const core of catalog.personas.get(id)?.core ?? []) ids.add(core.id);
  coreCache.set(model, { catalog, ids });
  return ids;
}

export type Ownership = "own" | "overlap" | "shared";

/**
 * How a claimed accountability stands against the CIO: `overlap` (the CIO's), `shared` (to be agreed
 * as joint), or `own` (nothing to say: CTO-side, already agreed, no separate CIO, or delegated).
 */
export function ownershipOf(accountabilityId: string, model: CharterModel, catalog: Catalog): Ownership {
  const accountability = catalog.accountabilities.get(accountabilityId);
  if (!accountability || accountability.domain === "cto") return "own";
  if (!model.hasCio || model.alsoCio?.value === true) return "own";
  if (sharedIds(model).has(accountabilityId)) return "own";
  if (accountability.domain === "shared") return "shared";
  // A CIO-side accountability: delegated operations, a persona's own core, or an overlap.
  const delegated = model.personas.some((p) => p.id === "coo-of-it") && model.reportsTo?.value === "cio";
  if (delegated) return "own";
  return coreIds(model, catalog).has(accountabilityId) ? "shared" : "overlap";
}
