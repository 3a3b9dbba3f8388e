/**
 * The catalog shipped with the product. `npm run generate` validates `schemas/catalog/*.yaml` and
 * writes it as JSON, with the stems of its words and its persona posterior, so the bundle carries
 * data that is already checked and computed: start-up neither parses YAML, nor stems the catalog's
 * phrases, nor matches the personas' texts.
 */
import data from "../generated/catalog.json";
import stems from "../generated/catalog-stems.json";
import posterior from "../generated/persona-posterior.json";
import type { CatalogFile } from "../../../schemas/catalog";
import { Catalog } from "./catalog";
import { usePosterior } from "./persona-posterior";
import { readStems, type StoredStems } from "./stored-stems";

let builtin: Catalog | undefined;

export const BUILTIN_CATALOG_FILE = data as CatalogFile;

export function builtinCatalog(): Catalog {
  if (!builtin) {
    builtin = new Catalog([BUILTIN_CATALOG_FILE], readStems(stems as StoredStems));
    usePosterior(builtin, posterior);
  }
  return builtin;
}
