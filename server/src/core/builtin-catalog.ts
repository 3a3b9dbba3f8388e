/**
 * The catalog shipped with the product. `npm run generate` validates `schemas/catalog/*.yaml` and
 * writes it as JSON, so the bundle carries data that is already checked and needs no YAML parse.
 */
import data from "../generated/catalog.json";
import type { CatalogFile } from "../../../schemas/catalog";
import { Catalog } from "./catalog";

let builtin: Catalog | undefined;

export const BUILTIN_CATALOG_FILE = data as CatalogFile;

export function builtinCatalog(): Catalog {
  builtin ??= new Catalog([BUILTIN_CATALOG_FILE]);
  return builtin;
}
