/**
 * How fast the built server answers, as an editor sees it: start-up to the initialize response,
 * the time from an edit of a 1,000-line charter to its diagnostics (median and p95 over 50 edits),
 * and the server's memory. Run with `npm run bench` (it builds first). A measurement, not a test:
 * it prints figures and fails only if the server does not answer.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { analyze } from "../server/src/core/analyze";
import { builtinCatalog } from "../server/src/core/builtin-catalog";
import { ROOT, TestClient } from "../test/lsp/client";

const LINES = 1000;
const EDITS = 50;

/** A large but ordinary charter: catalog ids and free text with metrics, practices, a job description. */
function largeCharter(): string {
  const ids = [...builtinCatalog().accountabilities.keys()];
  const lines = ["charter: cto/v1", "title: Chief Technology Officer", "organization:", "  name: Example Group", "  size: extra-large", "  has_cio: true", "persona: digital-business-leader", "reports_to: ceo", "accountabilities:"];
  for (let i = 0; lines.length < LINES - 40; i++) {
    if (i % 2 === 0) lines.push(`  - id: ${ids[i % ids.length]}`, "    metrics:", `      - indicator ${i} reviewed every quarter`, `      - second indicator ${i}`);
    else lines.push(`  - text: Lead the innovation lab programme number ${i} with the business units`, `    metrics: [pilots started in programme ${i}]`);
  }
  lines.push("practices:", "  - Keep track of emerging technologies and new business models through analyst, industry and academic sources", "job_description: |");
  while (lines.length < LINES) lines.push(`  The CTO leads product engineering for the digital platform, line ${lines.length}.`);
  return `${lines.join("\n")}\n`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function main(): Promise<void> {
  const text = largeCharter();
  const uri = "file:///bench/large.cto-charter.yaml";

  const startedAt = performance.now();
  const client = await TestClient.start();
  const startup = performance.now() - startedAt;
  const idle = memory(client.server.pid!);

  const first = performance.now();
  const opened = await client.open(uri, text);
  const openMs = performance.now() - first;

  // Each edit types one character into a different metric, as a user would, and waits for its diagnostics.
  const latencies: number[] = [];
  const metricLines = text.split("\n").flatMap((line, i) => (line.includes("reviewed every quarter") ? [i] : []));
  for (let i = 0; i < EDITS; i++) {
    const line = metricLines[(i * 7) % metricLines.length];
    const position = { line, character: client.document(uri).getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).length - 1 };
    const sent = performance.now();
    await client.edit(uri, [{ range: { start: position, end: position }, newText: "x" }]);
    latencies.push(performance.now() - sent);
  }
  const loaded = memory(client.server.pid!);
  await client.stop();

  // The same text analysed in this process: what the core costs, without the protocol around it.
  const inProcess: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    analyze(`${text}# ${i}\n`);
    inProcess.push(performance.now() - t);
  }

  latencies.sort((a, b) => a - b);
  inProcess.sort((a, b) => a - b);
  const results = {
    charterLines: text.split("\n").length - 1,
    findings: opened.diagnostics.length,
    startupToInitializeMs: round(startup),
    openToDiagnosticsMs: round(openMs),
    editToDiagnosticsMs: { median: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(latencies[latencies.length - 1]), edits: EDITS },
    analyzeInProcessMs: { median: round(percentile(inProcess, 50)), p95: round(percentile(inProcess, 95)) },
    serverMemoryMiB: { idleRss: round(idle.rss), rssAfterEdits: round(loaded.rss), peakRss: round(loaded.peak) },
    node: process.version,
  };
  console.log(JSON.stringify(results, null, 2));
  const out = path.join(ROOT, "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "lsp-latency.json"), `${JSON.stringify(results, null, 2)}\n`);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
