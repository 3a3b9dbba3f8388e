/**
 * Realistic charters of a chosen length for the benchmark: catalog ids and free text (sentences of the
 * labelled corpus, varied by context) with metrics, comments, shared items, practices, a job
 * description, and a few broken entries (unknown ids, misspelt keys, wrong types) as drafts have.
 * Seeded, so every run measures the same texts.
 */
import { builtinCatalog } from "../server/src/core/builtin-catalog";
import { loadCorpus } from "../test/fixtures/corpus";
import { random } from "../test/fixtures/random";

const CONTEXTS = ["", "", "", " for the retail division", " across the group", " in the EMEA region", " for our mobile customers", " with the business units", " for the logistics arm", " in every country we operate in", " for the insurance products", " together with the product managers"];
const METRICS = ["share of revenue from digital products", "time from idea to first customer", "availability of customer-facing platforms", "number of pilots started per quarter", "engineer retention rate", "net promoter score of the mobile app", "cost per transaction", "patents filed per year", "deployment frequency", "mean time to restore service"];
const COMMENTS = ["# agreed with the CEO in the last planning round", "# review again after the reorganisation", "# TODO: add a second metric", "# from the 2024 job posting"];
const PERSONAS = ["digital-business-leader", "business-enabler", "it-innovator", "coo-of-it"];

export interface CharterShape {
  /** About how many lines the charter has. */
  lines: number;
  seed: number;
}

export function generateCharter({ lines: target, seed }: CharterShape): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const ids = [...builtinCatalog().accountabilities.keys()];
  const sentences = corpusSentences();
  const sentence = () => `${pick(sentences).replace(/\.$/, "")}${pick(CONTEXTS)}.`;

  const out = [
    `# CTO charter ${seed}: generated for the benchmark`,
    "charter: cto/v1",
    "title: Chief Technology Officer",
    "organization:",
    `  name: Example Group ${seed}`,
    "  industry: financial services",
    `  size: ${pick(["small", "medium", "large", "extra-large", "larg"])}`,
    `  has_cio: ${next() < 0.8}`,
    `persona: ${pick(PERSONAS)}`,
    `reports_to: ${pick(["ceo", "cio", "coo"])}`,
    "accountabilities:",
  ];
  // Items take about 60% of the charter, the job description most of the rest.
  const itemsEnd = Math.max(out.length + 6, Math.round(target * 0.6));
  while (out.length < itemsEnd) {
    const roll = next();
    if (roll < 0.05) out.push(`  ${pick(COMMENTS)}`);
    if (roll < 0.3) {
      out.push(`  - id: ${pick(ids)}`, "    metrics:", `      - ${pick(METRICS)}`, `      - ${pick(METRICS)}`);
    } else if (roll < 0.75) {
      out.push(`  - text: ${sentence()}`, `    metrics: [${pick(METRICS)}]`);
    } else if (roll < 0.93) {
      out.push(`  - ${sentence()}`);
    } else if (roll < 0.96) {
      out.push(`  - id: ${pick(ids).replace(/[aeiou](?=[^aeiou]*$)/, "")}`, `    metrics: [${pick(METRICS)}]`);
    } else if (roll < 0.98) {
      out.push(`  - text: ${sentence()}`, `    metric: [${pick(METRICS)}]`);
    } else {
      out.push(`  - text: ${sentence()}`, "    metrics: 5");
    }
  }
  out.push("shared_with_cio:", `  - ${pick(ids)}`, `  - text: ${sentence()}`);
  out.push("time_allocation:", "  innovation: 30", "  business_operations: 20", `  it_operations: ${next() < 0.8 ? 50 : 40}`);
  out.push("practices:", "  - Keep track of emerging technologies and new business models through analyst, industry and academic sources", `  - ${sentence()}`);
  out.push("job_description: |");
  do out.push(`  ${sentence()}`);
  while (out.length < target);
  return `${out.join("\n")}\n`;
}

let corpus: string[] | undefined;

function corpusSentences(): string[] {
  // Plain scalars only: a sentence with `: ` or a leading quote would need quoting in a block list.
  corpus ??= loadCorpus()
    .map((entry) => entry.text)
    .filter((text) => !/: |#|^["'`[{&*!|>%@-]/.test(text));
  return corpus;
}
