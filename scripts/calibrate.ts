/**
 * `npx tsx scripts/calibrate.ts`: refits the matcher's confidence (CALIBRATION in
 * server/src/core/matcher.ts) so that stated confidence matches the share of matches that pick the
 * expert's accountability, band by band.
 *
 * Fits a logistic function of the match's features on the development half of the corpus and the
 * vocabulary checks (as the matcher reads them now), and on each round's generalisation checks as
 * the matcher read them before that round was tuned on them (calibration-out-of-sample.json for
 * round 3, calibration-out-of-sample-4.json for round 4, -5 and -6 for rounds 5 and 6). Every other
 * set was tuned on, so a fit on them alone would promise the accuracy of text the vocabulary was
 * written for. Never reads the held-out half. Prints the coefficients to paste into CALIBRATION and
 * the calibration error of each set now and after the refit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Catalog } from "../server/src/core/catalog";
import { CALIBRATION, Matcher } from "../server/src/core/matcher";
import { loadChecks, loadGeneralisationChecks } from "../test/fixtures/checks";
import { loadCorpus, type LabelledSentence } from "../test/fixtures/corpus";
import { buildCatalog } from "./generated-files";

type Via = "phrase" | "similarity";
interface Features { via: Via; id: string; strength: number; domainMargin: number; lead: number; lean: number }
interface Sample { set: string; features: Features; right: boolean; moved: boolean; weight?: number }

// Record the features of every confidence the matcher computes; the value returned is an index
// into the record, so the match a text ends with can be traced back to its features.
const recorded: Features[] = [];
const proto = Matcher.prototype as unknown as { confidence(f: Features): number };
proto.confidence = (f: Features) => {
  recorded.push(f);
  return recorded.length * 1e-9;
};

const catalog = new Catalog([buildCatalog()]);
const sets: Record<string, LabelledSentence[]> = {
  dev: loadCorpus().filter((s) => s.split === "dev"),
  checks: loadChecks(),
  fresh: loadGeneralisationChecks(3),
  fresh4: loadGeneralisationChecks(4),
  fresh5: loadGeneralisationChecks(5),
  fresh6: loadGeneralisationChecks(6),
};
const samples: Sample[] = [];
for (const [set, sentences] of Object.entries(sets)) {
  for (const sentence of sentences) {
    const match = catalog.matcher.match(sentence.text).match;
    if (!match) continue;
    const features = recorded[Math.round(match.confidence / 1e-9) - 1];
    samples.push({ set, features, right: match.accountabilityId === sentence.id, moved: match.accountabilityId !== features.id });
  }
}
/** Out-of-sample matches: each round's generalisation checks as the matcher read them before that round. */
const OUT_OF_SAMPLE = ["calibration-out-of-sample.json", "calibration-out-of-sample-4.json", "calibration-out-of-sample-5.json", "calibration-out-of-sample-6.json"];
/** How much each out-of-sample match counts against one of the sets the vocabulary was tuned on. */
const UNSEEN_WEIGHT = Number(process.env.UNSEEN_WEIGHT ?? 0.4);
const unseen: Sample[] = OUT_OF_SAMPLE.flatMap((file) => {
  const { samples } = JSON.parse(fs.readFileSync(path.join(__dirname, "../test/fixtures", file), "utf8")) as { samples: (Features & { right: boolean; moved: boolean })[] };
  return samples.map(({ right, moved, ...features }) => ({ set: "unseen", features, right, moved, weight: UNSEEN_WEIGHT }));
});

const CAP = CALIBRATION.cap;
/** A moved match keeps the matcher's cap (MOVED_CONFIDENCE): too few moved matches to fit one. */
const MOVED_CAP = 0.8;
const KEYS = ["strength", "domainMargin", "lead", "lean"] as const;
type Coefficients = { bias: number; strength: number; domainMargin: number; lead: number; lean: number };
const row = (f: Features) => [1, f.strength, Math.min(f.domainMargin, CAP), Math.min(f.lead, CAP), f.lean];
const weightsOf = (c: Coefficients) => [c.bias, ...KEYS.map((k) => c[k])];

/** Logistic regression by gradient descent with a little L2 shrinkage (not on the bias). */
function fit(data: Sample[], start: Coefficients): Coefficients {
  let w = weightsOf(start);
  const lambda = 0.02;
  const total = data.reduce((sum, s) => sum + (s.weight ?? 1), 0);
  for (let step = 0; step < 20000; step++) {
    const grad = w.map(() => 0);
    for (const s of data) {
      const x = row(s.features);
      const p = 1 / (1 + Math.exp(-x.reduce((sum, xi, i) => sum + xi * w[i], 0)));
      for (let i = 0; i < x.length; i++) grad[i] += (s.weight ?? 1) * (p - (s.right ? 1 : 0)) * x[i];
    }
    w = w.map((wi, i) => wi - 0.05 * (grad[i] / total + (i ? lambda * wi : 0)));
  }
  return { bias: w[0], strength: w[1], domainMargin: w[2], lead: w[3], lean: w[4] };
}

function confidence(c: Coefficients, s: Sample): number {
  const w = weightsOf(c);
  const z = row(s.features).reduce((sum, xi, i) => sum + xi * w[i], 0);
  const p = Math.round(100 / (1 + Math.exp(-z))) / 100;
  return s.moved ? Math.min(p, MOVED_CAP) : p;
}

/** Expected calibration error over the bands of test/fixtures/evaluate.ts. */
function ece(data: Sample[], conf: (s: Sample) => number): number {
  const edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
  let total = 0;
  for (let i = 0; i < edges.length - 1; i++) {
    const bin = data.filter((s) => conf(s) >= edges[i] && conf(s) < edges[i + 1]);
    if (!bin.length) continue;
    const mean = bin.reduce((a, s) => a + conf(s), 0) / bin.length;
    const right = bin.filter((s) => s.right).length / bin.length;
    total += bin.length * Math.abs(mean - right);
  }
  return data.length ? total / data.length : 0;
}

// Matches by similarity are too few to fit (a handful): they keep their coefficients.
const fitAll = (data: Sample[]) => ({ phrase: fit(data.filter((s) => s.features.via === "phrase"), CALIBRATION.phrase), similarity: CALIBRATION.similarity });
// Each generalisation set counts once, as the matcher read it before its round (the unseen samples).
const TUNED_ROUNDS = new Set(["fresh", "fresh4", "fresh5", "fresh6"]);
const model = fitAll([...samples.filter((s) => !TUNED_ROUNDS.has(s.set)), ...unseen]);
const inSample = fitAll(samples);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const set of [...Object.keys(sets), "unseen"]) {
  const data = set === "unseen" ? unseen : samples.filter((s) => s.set === set);
  console.log(
    `${set.padEnd(7)} ${String(data.length).padStart(4)} matches, ${pct(data.filter((s) => s.right).length / data.length)} right.  ` +
      `ECE now ${pct(ece(data, (s) => confidence(CALIBRATION[s.features.via], s)))}  refit ${pct(ece(data, (s) => confidence(model[s.features.via], s)))}  ` +
      `(fit on the tuned-on sets alone: ${pct(ece(data, (s) => confidence(inSample[s.features.via], s)))})`,
  );
}
const round = (c: Coefficients) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round(v * 100) / 100]));
console.log("phrase:", JSON.stringify(round(model.phrase)));
