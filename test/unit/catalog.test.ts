/** The catalog is valid data with real citations, and every generated file is up to date. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { PERSONA_IDS } from "../../schemas/catalog";
import { buildCatalog, buildCatalogStems, buildPersonaPosterior, committedFiles, ROOT } from "../../scripts/generated-files";
import { builtinCatalog } from "../../server/src/core/builtin-catalog";
import { Catalog } from "../../server/src/core/catalog";
import { Matcher } from "../../server/src/core/matcher";
import { posteriorOf } from "../../server/src/core/persona-posterior";
import { readStems } from "../../server/src/core/stored-stems";
import { loadCorpus } from "../fixtures/corpus";

const SOURCES = path.join(ROOT, "..", "shared", "sources");

test("committed generated files (JSON Schema, rule docs) are up to date: run `npm run generate`", () => {
  for (const [file, content] of committedFiles()) {
    assert.equal(fs.readFileSync(path.join(ROOT, file), "utf8"), content, `${file} is stale`);
  }
});

test("the catalog holds the four personas and at least 40 accountabilities in all three domains", () => {
  const catalog = buildCatalog();
  assert.deepEqual(catalog.personas?.map((p) => p.id).sort(), [...PERSONA_IDS].sort());
  const accountabilities = catalog.accountabilities ?? [];
  assert.ok(accountabilities.length >= 40);
  for (const domain of ["cto", "cio", "shared"]) assert.ok(accountabilities.filter((a) => a.domain === domain).length >= 5, domain);
});

test("ownership counterparts name an entry on the other side of the line, or none", () => {
  const accountabilities = buildCatalog().accountabilities ?? [];
  const byId = new Map(accountabilities.map((a) => [a.id, a]));
  for (const a of accountabilities) {
    if (a.whenExternal) {
      assert.notEqual(a.domain, "cto", `${a.id}: whenExternal is for entries that are not customer-facing already`);
      if (a.whenExternal !== "none") assert.equal(byId.get(a.whenExternal)?.domain, "cto", `${a.id} -> ${a.whenExternal}`);
    }
    if (a.whenInternal) {
      assert.notEqual(a.domain, "cio", `${a.id}: whenInternal is for entries that are not internal already`);
      if (a.whenInternal !== "none") assert.notEqual(byId.get(a.whenInternal)?.domain ?? "cto", "cto", `${a.id} -> ${a.whenInternal}`);
    }
  }
});

test("every citation names a source file and a passage that exist", { skip: !fs.existsSync(SOURCES) && "../shared/sources is not beside the project" }, () => {
  const catalog = buildCatalog();
  const texts = new Map(fs.readdirSync(SOURCES).map((f) => [f, fs.readFileSync(path.join(SOURCES, f), "utf8").toLowerCase()]));
  const sources = [
    ...(catalog.accountabilities ?? []).map((a) => [a.id, a.source] as const),
    ...(catalog.personas ?? []).flatMap((p) => [[p.id, p.source] as const, ...p.recommendations.map((r) => [r.id, r.source] as const)]),
  ];
  for (const [id, source] of sources) {
    const text = texts.get(source.file);
    assert.ok(text, `${id}: ${source.file} is not in shared/sources`);
    assert.ok(text.includes(source.section.toLowerCase()), `${id}: section "${source.section}" is not in ${source.file}`);
  }
});

test("the stems the build stored for the built-in catalog are the catalog's own: run `npm run generate`", () => {
  const stored = JSON.parse(fs.readFileSync(path.join(ROOT, "server", "src", "generated", "catalog-stems.json"), "utf8"));
  assert.deepEqual(stored, buildCatalogStems(buildCatalog()));
});

test("the persona posterior the build stored is the catalog's own: run `npm run generate`", () => {
  const stored = JSON.parse(fs.readFileSync(path.join(ROOT, "server", "src", "generated", "persona-posterior.json"), "utf8"));
  assert.deepEqual(stored, buildPersonaPosterior(buildCatalog()));
  const computed = new Catalog([buildCatalog()]);
  const fromBuild = builtinCatalog();
  for (const id of computed.accountabilities.keys()) assert.deepEqual(posteriorOf(fromBuild).get(id), posteriorOf(computed).get(id), id);
});

test("a matcher built from stored stems matches exactly like one that stems the catalog itself", () => {
  const accountabilities = [...builtinCatalog().accountabilities.values()];
  const stored = new Matcher(accountabilities, readStems(buildCatalogStems(buildCatalog())));
  const stemmed = new Matcher(accountabilities);
  for (const { text } of loadCorpus()) assert.deepEqual(stored.match(text), stemmed.match(text), text);
});
