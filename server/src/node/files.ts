/**
 * File-system adapters shared by the CLI and the server: the nearest `.cto-charter.json`, and an
 * organisation catalog file. Only data is read; nothing from the workspace is ever executed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { Catalog, validateCatalogFile, CatalogError } from "../core/catalog";
import { BUILTIN_CATALOG_FILE } from "../core/builtin-catalog";
import { parseConfig, type CharterConfig } from "../core/config";
import { RULES_BY_ID } from "../core/rules";

export const CONFIG_FILE = ".cto-charter.json";

/** The nearest `.cto-charter.json` at or above `dir`, if any. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function loadConfigFile(file: string): CharterConfig {
  return parseConfig(fs.readFileSync(file, "utf8"), file, new Set(RULES_BY_ID.keys()));
}

/** The built-in catalog extended by an organisation catalog (YAML or JSON data, validated). */
export function loadCatalog(file: string): Catalog {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new CatalogError(`Cannot read catalog ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new CatalogError(`Catalog ${file} is not valid YAML or JSON: ${(error as Error).message}`);
  }
  const catalog = new Catalog([BUILTIN_CATALOG_FILE, validateCatalogFile(data, file)]);
  const dangling = catalog.danglingReferences();
  if (dangling.length) throw new CatalogError(`Catalog ${file}: personas or ownership counterparts name unknown accountabilities: ${dangling.join(", ")}`);
  return catalog;
}
