/**
 * Everything derived from a source of truth: the catalog as JSON (from the YAML catalog) with the
 * stems of its words and its persona posterior, the JSON Schema (from the zod schema) and the rule
 * docs (from the rule modules). `generate.ts` writes them; a test fails when a committed one is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { toJSONSchema } from "zod/mini";
import { charterSchema } from "../schemas/charter";
import type { CatalogFile } from "../schemas/catalog";
import { Catalog, validateCatalogFile } from "../server/src/core/catalog";
import { stemCatalog } from "../server/src/core/matcher";
import { storePosterior, type StoredPosterior } from "../server/src/core/persona-posterior";
import { storeStems, type StoredStems } from "../server/src/core/stored-stems";
import { RULES, ruleDocUrl } from "../server/src/core/rules";

export const ROOT = path.resolve(__dirname, "..");
const CATALOG_DIR = path.join(ROOT, "schemas", "catalog");

/** The YAML catalog merged into one file, validated and checked for dangling references. */
export function buildCatalog(): CatalogFile {
  const merged: Required<CatalogFile> = { personas: [], accountabilities: [] };
  for (const name of fs.readdirSync(CATALOG_DIR).filter((f) => f.endsWith(".yaml")).sort()) {
    const file = validateCatalogFile(parse(fs.readFileSync(path.join(CATALOG_DIR, name), "utf8")), name);
    merged.personas.push(...(file.personas ?? []));
    merged.accountabilities.push(...(file.accountabilities ?? []));
  }
  const ids = merged.accountabilities.map((a) => a.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length) throw new Error(`Duplicate accountability ids in the catalog: ${duplicates.join(", ")}`);
  const dangling = new Catalog([merged]).danglingReferences();
  if (dangling.length) throw new Error(`Persona cores or ownership counterparts name unknown accountabilities: ${dangling.join(", ")}`);
  return merged;
}

/** The stems of the built-in catalog's words, in the order the catalog holds its accountabilities. */
export function buildCatalogStems(catalog: CatalogFile): StoredStems {
  return storeStems(stemCatalog([...new Catalog([catalog]).accountabilities.values()]));
}

/** How likely each persona is given each accountability, for the built-in catalog (persona-posterior.ts). */
export function buildPersonaPosterior(catalog: CatalogFile): StoredPosterior {
  return storePosterior(new Catalog([catalog]));
}

export function renderJsonSchema(): string {
  const schema = toJSONSchema(charterSchema, { target: "draft-7" });
  return `${JSON.stringify({ ...schema, $id: "https://github.com/cto-charter/cto-charter/schemas/cto-charter.schema.json", title: "CTO charter (cto/v1)" }, null, 2)}\n`;
}

export function renderRuleDoc(rule: (typeof RULES)[number]): string {
  return `# \`${rule.id}\`\n\n${rule.summary}\n\nDefault severity: **${rule.severity}**.\n\n${rule.doc}\n\nDisable on one line with \`# charter-disable-next-line ${rule.id}\`, or set \`"${rule.id}": "off"\` under \`rules\` in \`.cto-charter.json\`.\n`;
}

/** Committed generated files, by path relative to the project root. */
export function committedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set("schemas/cto-charter.schema.json", renderJsonSchema());
  const index = RULES.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity} | ${r.summary} |`).join("\n");
  files.set("docs/rules/README.md", `# Rules\n\n| id | default | checks |\n| --- | --- | --- |\n${index}\n\nEach rule's page is linked from its diagnostics (${ruleDocUrl("<id>").replace("%3Cid%3E", "<id>")}).\n`);
  for (const rule of RULES) files.set(`docs/rules/${rule.id}.md`, renderRuleDoc(rule));
  return files;
}
