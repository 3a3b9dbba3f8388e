/**
 * The catalog shipped with the product. `npm run generate` validates `schemas/catalog/*.yaml` and
 * writes it as JSON, with the stems of its words, so the bundle carries data that is already checked
 * and stemmed: start-up neither parses YAML nor stems the catalog's phrases.
 */
import data from "../generated/catalog.json";
import stems from "../generated/catalog-stems.json";
import type { CatalogFile } from "../../../schemas/catalog";
import { Catalog } from "./catalog";
import { readStems, type StoredStems } from "./stored-stems";

let builtin: Catalog | undefined;

export const BUILTIN_CATALOG_FILE = data as CatalogFile;

export function builtinCatalog(): Catalog {
  builtin ??= new Catalog([BUILTIN_CATALOG_FILE], readStems(stems as StoredStems));
  return builtin;
}
