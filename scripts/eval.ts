/**
 * `npm run eval`: how well the free-text matcher and persona-fit judge the labelled corpus
 * (test/fixtures/corpus.yaml), on the held-out half by default. Reads the catalog YAML directly, so a
 * catalog edit needs no `npm run generate` first.
 *
 *   npm run eval                      held-out half
 *   npm run eval -- --split dev       the development half (the only one to tune on)
 *   npm run eval -- --split checks    the vocabulary and ownership checks (vocabulary-checks.yaml)
 *   npm run eval -- --split fresh     the generalisation checks of round 3 (generalisation-checks.yaml)
 *   npm run eval -- --split fresh4    the generalisation checks of round 4 (generalisation-checks-4.yaml)
 *   npm run eval -- --split fresh5    the generalisation checks of round 5 (generalisation-checks-5.yaml)
 *   npm run eval -- --split fresh6    the generalisation checks of round 6 (generalisation-checks-6.yaml)
 *   npm run eval -- --errors          also list every sentence judged wrongly
 */
import { parseArgs } from "node:util";
import { Catalog } from "../server/src/core/catalog";
import { loadChecks, loadGeneralisationChecks } from "../test/fixtures/checks";
import { loadCorpus } from "../test/fixtures/corpus";
import { GOLD_DOMAINS, personaFitTrials, predict, score, type Prediction } from "../test/fixtures/evaluate";
import { buildCatalog } from "./generated-files";

const { values } = parseArgs({ options: { split: { type: "string", default: "heldout" }, errors: { type: "boolean", default: false } } });
const split = values.split;
const FRESH = { fresh: 3, fresh4: 4, fresh5: 5, fresh6: 6 } as const;
type FreshSplit = keyof typeof FRESH;
const isFresh = (name: string): name is FreshSplit => Object.hasOwn(FRESH, name);
if (split !== "dev" && split !== "heldout" && split !== "checks" && !isFresh(split)) {
  throw new Error(`--split must be dev, heldout, checks, fresh, fresh4, fresh5 or fresh6, not ${split}`);
}

/** The round of a generalisation-check split: fresh is round 3, fresh4 to fresh6 name theirs. */
function freshRound(name: FreshSplit): 3 | 4 | 5 | 6 {
  return FRESH[name];
}

const catalog = new Catalog([buildCatalog()]);
const sentences =
  split === "checks"
    ? loadChecks()
    : isFresh(split)
      ? loadGeneralisationChecks(freshRound(split))
      : loadCorpus().filter((s) => s.split === split);
const predictions = sentences.map((s) => predict(s, catalog));
const scores = score(predictions);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

console.log(
  split === "checks"
    ? `Vocabulary checks, ${scores.n} sentences\n`
    : isFresh(split)
      ? `Generalisation checks, round ${freshRound(split)}, ${scores.n} sentences\n`
      : `Corpus: ${split} half, ${scores.n} sentences\n`,
);
console.log("Domain confusion (rows: expert label, columns: matcher)");
console.log(`${pad("", 8)}${GOLD_DOMAINS.map((d) => pad(d, 8)).join("")}`);
for (const gold of GOLD_DOMAINS) console.log(`${pad(gold, 8)}${GOLD_DOMAINS.map((p) => pad(scores.confusion[gold][p], 8)).join("")}`);
console.log();
console.log(`Domain accuracy (4 classes)            ${pct(scores.accuracy)}`);
console.log(`Balanced accuracy over cto/cio/shared  ${pct(scores.balancedAccuracy)}`);
console.log(`cio     precision ${pct(scores.precision.cio)}  recall ${pct(scores.recall.cio)}   (drives cio-overlap)`);
console.log(`shared  precision ${pct(scores.precision.shared)}  recall ${pct(scores.recall.shared)}   (drives shared-ownership)`);
console.log(`Accountability accuracy (exact id)     ${pct(scores.accountabilityAccuracy)}`);
if (sentences.some((s) => s.persona)) console.log(`Persona accuracy (most probable)       ${pct(scores.personaAccuracy)}`);
console.log(`Confidence calibration error (ECE)     ${pct(scores.calibrationError)}`);
for (const b of scores.bins.filter((b) => b.n)) {
  console.log(`  confidence ${b.from.toFixed(1)}-${b.to.toFixed(1)}: mean ${pct(b.confidence)}, right ${pct(b.right)} of ${b.n}`);
}

const trials = personaFitTrials(sentences, catalog);
if (trials.length === 0) console.log("\nPersona-fit: no sentence carries a persona label.");
const named = trials.filter((t) => t.named === t.truth).length;
const wrong = trials.filter((t) => t.named && t.named !== t.truth).length;
const probable = trials.filter((t) => t.mostProbable === t.truth).length;
if (trials.length) console.log(`\nPersona-fit on ${trials.length} charters built from one persona's sentences (up to 6 each) and declared as another:`);
if (trials.length) console.log(`  the rule names the right persona   ${named}/${trials.length} (${pct(named / trials.length)}); names a wrong one ${wrong}; silent ${trials.length - named - wrong}`);
if (trials.length) console.log(`  most probable persona is right     ${probable}/${trials.length} (${pct(probable / trials.length)})`);

if (values.errors) {
  const describe = (p: Prediction) =>
    p.accountabilityId ? `${p.domain}/${p.accountabilityId} ${p.confidence} [${p.evidence?.join(", ")}]` : `none${p.reason ? ` (${p.reason})` : ""}`;
  console.log("\nWrong domain:");
  for (const p of predictions.filter((p) => p.domain !== p.sentence.domain)) {
    console.log(`  ${p.sentence.text}\n    expert ${p.sentence.domain}/${p.sentence.id}; matcher ${describe(p)}`);
  }
  console.log("\nRight domain, other accountability:");
  for (const p of predictions.filter((p) => p.domain === p.sentence.domain && p.sentence.id && p.accountabilityId !== p.sentence.id)) {
    console.log(`  ${p.sentence.text}\n    expert ${p.sentence.id}; matcher ${describe(p)}`);
  }
  console.log("\nWrong persona:");
  for (const p of predictions.filter((p) => p.sentence.persona && p.sentence.domain !== "none" && p.persona !== p.sentence.persona)) {
    console.log(`  ${p.sentence.text}\n    expert ${p.sentence.persona}; matcher ${p.persona} via ${p.accountabilityId ?? "nothing"}`);
  }
  for (const t of trials.filter((t) => t.named !== t.truth)) {
    console.log(`  fit trial: truth ${t.truth}, declared ${t.declared}, named ${t.named ?? "nothing"}, most probable ${t.mostProbable}`);
  }
}
