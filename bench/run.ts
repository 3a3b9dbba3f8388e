/**
 * `npm run bench`: our language server and CLI against the reference users compare with (Red Hat's
 * yaml-language-server validating the same file against our JSON Schema) and against the floor (the
 * `yaml` parser alone on the same texts), in one run, so the ratios hold whatever the machine's load.
 * Each server is started as its VS Code extension starts it: ours with the Node options and
 * environment of server-launch.ts, yaml-language-server with the editor's environment as it is.
 * Two baselines are measured in the same run: the floor, and a server that analyses nothing but
 * publishes the same diagnostics (no-op-server.ts), whose start-up and edits are the protocol's own
 * cost. Prints one table and writes it as JSON to bench/results/. A measurement, not a test.
 *
 * It measures a production build of its own, made at start in a temporary folder that other builds
 * (`npm test` writes dist/) cannot change mid-run. Options: --dist <dir> (measure that build instead,
 * e.g. an older one), --sizes 100,1000, --no-reference (skip yaml-language-server), --no-cli,
 * --label <text> (recorded in the JSON).
 */
import { execSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildSync } from "esbuild";
import { parseDocument } from "yaml";
import { analyze } from "../server/src/core/analyze";
import { toDiagnostic } from "../server/src/lsp/diagnostics";
import { SERVER_NODE_OPTIONS, serverEnvironment } from "../server/src/node/server-launch";
import { ROOT } from "../test/lsp/client";
import { generateCharter } from "./charters";
import { parseFloor, timeCli, writeLibrary, type CliResult } from "./cli";
import { runSession, timeStartup, typedTexts, type ServerSpec, type SessionResult, type Typing } from "./lsp";
import { summary, type Summary } from "./stats";

const { values: args } = parseArgs({
  options: {
    dist: { type: "string" },
    sizes: { type: "string", default: "100,1000,10000" },
    reference: { type: "boolean", default: true },
    cli: { type: "boolean", default: true },
    label: { type: "string", default: "" },
  },
  allowNegative: true,
});

const SIZES = args.sizes.split(",").map(Number);
const LIBRARY_SIZES = [1, 100, 10_000];
const WORK_DIR = path.join(os.tmpdir(), "cto-charter-bench");
const DIST = args.dist ? path.resolve(args.dist) : path.join(WORK_DIR, "dist");
/**
 * Start-ups timed per server and size, the session's own included: one sample moves by a tenth with
 * this machine's load, so the table gives their median.
 */
const STARTS = 5;
/**
 * Runs of the CLI per library: one run of 10,000 charters moves by a third with this machine's load
 * (7.9 to 11.4 s in one day's runs), so the table gives the median of three, and of their floors.
 */
const CLI_RUNS = 3;
/** Typed letter by letter at the end of ten lines spread over the charter: 110 keystrokes. */
const WORD = " and audits";
const TYPED_LINES = 10;

/** What the issue asks of us; the table says which hold. */
const TARGETS = {
  editOverFloor: 1.5,
  editOverReference: 0.25,
  startupMs: { lines: 1000, ms: 300 },
  peakRssMiB: 80,
  cliTenThousandMs: 10_000,
};

const OURS: ServerSpec = {
  name: "cto-charter",
  // As the VS Code client starts it (server-launch.ts).
  command: [...SERVER_NODE_OPTIONS, path.join(DIST, "server.js"), "--stdio"],
  environment: (env) => serverEnvironment(env),
  languageId: "cto-charter",
  settings: { ctoCharter: {} },
  unversioned: false,
};

const REFERENCE: ServerSpec = {
  name: "yaml-language-server",
  command: [path.join(ROOT, "node_modules", "yaml-language-server", "bin", "yaml-language-server"), "--stdio"],
  // As VS Code's YAML extension starts it: with the editor's environment.
  environment: (env) => env,
  languageId: "yaml",
  settings: { yaml: { schemas: { [pathToFileURL(path.join(ROOT, "schemas", "cto-charter.schema.json")).href]: "*.cto-charter.yaml" } } },
  unversioned: true,
};

const NO_OP_BUNDLE = path.join(WORK_DIR, "no-op-server.js");
/** Started as ours is, with the diagnostics ours publishes for the text in `file`. */
const noOp = (file: string): ServerSpec => ({
  ...OURS,
  name: "no-op server",
  command: [...SERVER_NODE_OPTIONS, NO_OP_BUNDLE, "--stdio", "--diagnostics", file],
});

interface SizeResult {
  lines: number;
  characters: number;
  keystrokes: number;
  /** Start-up is timed with the code cache a first start wrote (`startups`), and without it (`startupsWithoutCodeCache`). */
  ours: SessionResult & { startups: Summary; startupsWithoutCodeCache: Summary };
  reference?: SessionResult & { startups: Summary };
  /** The protocol's own cost: a server that publishes our diagnostics without analysing anything. */
  noOp: SessionResult & { startups: Summary };
  /** `parseDocument` alone on every text the sessions went through, each timed right after our server answered it. */
  floorParseMs: Summary;
}

interface Results {
  label: string;
  date: string;
  commit: string;
  node: string;
  cores: number;
  loadAverage: { before: number[]; after: number[] };
  bundleBytes: Record<string, number>;
  sizes: SizeResult[];
  cli: CliResult[];
  /** The targets, and goals of our own that go further (`ours`). */
  targets: { what: string; met: boolean; ours?: boolean }[];
}

async function main(): Promise<void> {
  const before = os.loadavg();
  warnIfBusy(before);
  fs.mkdirSync(WORK_DIR, { recursive: true });
  if (!args.dist) execSync(`node esbuild.mjs --production --outdir ${JSON.stringify(DIST)}`, { cwd: ROOT, stdio: "inherit" });
  buildSync({ entryPoints: [path.join(ROOT, "bench", "no-op-server.ts")], outfile: NO_OP_BUNDLE, bundle: true, minify: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" });
  // A fresh V8 code cache (server/src/node/launcher.ts), written by one first start, as after an install.
  const codeCache = path.join(WORK_DIR, "code-cache");
  fs.rmSync(codeCache, { recursive: true, force: true });
  process.env.CTO_CHARTER_CACHE_DIR = codeCache;
  log(`${OURS.name}: first start, which writes the code cache`);
  const firstStart = generateCharter({ lines: 100, seed: 1 });
  await timeStartup(OURS, pathToFileURL(path.join(WORK_DIR, "first.cto-charter.yaml")).href, firstStart);

  const sizes: SizeResult[] = [];
  for (const lines of SIZES) {
    const text = generateCharter({ lines, seed: lines });
    const uri = pathToFileURL(path.join(WORK_DIR, `charter-${lines}.cto-charter.yaml`)).href;
    const typing = typingFor(text);
    log(`${lines} lines: ${OURS.name} without its code cache`);
    const startupsWithoutCodeCache = summary(await withEnv({ CTO_CHARTER_CODE_CACHE: "off" }, () => startups(OURS, uri, text, STARTS)));
    log(`${lines} lines: ${OURS.name}, and the floor on each keystroke's text`);
    const texts = typedTexts(text, typing);
    const floor: number[] = [];
    for (const typed of texts.slice(0, 5)) parseDocument(typed);
    const session = await runSession(OURS, uri, text, typing, (typed) => floor.push(parseTime(typed)));
    const ours = { ...session, startups: summary([session.startupToDiagnosticsMs, ...(await startups(OURS, uri, text, STARTS - 1))]), startupsWithoutCodeCache };
    log(`${lines} lines: the no-op server`);
    const noOpSpec = noOp(writeDiagnostics(uri, text, session.diagnostics));
    const empty = await runSession(noOpSpec, uri, text, typing);
    const noOpResult = { ...empty, startups: summary([empty.startupToDiagnosticsMs, ...(await startups(noOpSpec, uri, text, STARTS - 1))]) };
    let reference: SizeResult["reference"];
    if (args.reference) {
      log(`${lines} lines: ${REFERENCE.name}`);
      const theirs = await runSession(REFERENCE, uri, text, typing);
      reference = { ...theirs, startups: summary([theirs.startupToDiagnosticsMs, ...(await startups(REFERENCE, uri, text, STARTS - 1))]) };
    }
    sizes.push({ lines: text.split("\n").length - 1, characters: text.length, keystrokes: texts.length, ours, reference, noOp: noOpResult, floorParseMs: summary(floor) });
  }

  const cli: CliResult[] = [];
  if (args.cli) {
    log(`writing a library of ${LIBRARY_SIZES[LIBRARY_SIZES.length - 1]} charters`);
    const library = writeLibrary(path.join(WORK_DIR, "library"), Math.max(...LIBRARY_SIZES));
    const cliPath = path.join(DIST, "cli.js");
    for (const count of LIBRARY_SIZES) {
      const target = count === 1 ? library.one : count === 100 ? library.hundred : library.all;
      log(`CLI on ${count} charter${count === 1 ? "" : "s"}, ${CLI_RUNS} times, each followed by the parser alone on the same files`);
      const runs = Array.from({ length: CLI_RUNS }, () => ({ ...timeCli(cliPath, target, count), floorParseMs: parseFloor(target) / os.availableParallelism() }));
      const wallMs = summary(runs.map((run) => run.wallMs)).median;
      cli.push({ ...runs[0], wallMs, msPerCharter: wallMs / count, floorParseMs: summary(runs.map((run) => run.floorParseMs)).median, runsMs: runs.map((run) => run.wallMs) });
    }
  }

  const results: Results = {
    label: args.label,
    date: new Date().toISOString(),
    commit: git("rev-parse --short HEAD") + (git("status --porcelain") ? "+changes" : ""),
    node: process.version,
    cores: os.availableParallelism(),
    loadAverage: { before, after: os.loadavg() },
    bundleBytes: bundleSizes(DIST),
    sizes,
    cli,
    targets: [],
  };
  results.targets = checkTargets(results);
  console.log(renderTable(results));
  warnIfBusy(results.loadAverage.after);
  const out = path.join(ROOT, "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  fs.writeFileSync(path.join(out, `${results.date.replace(/[:.]/g, "-")}.json`), json);
  fs.writeFileSync(path.join(out, "latest.json"), json);
}

/** `count` start-ups to the first diagnostics, one after another. */
async function startups(spec: ServerSpec, uri: string, text: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timeStartup(spec, uri, text));
  return times;
}

/**
 * Writes the diagnostics ours publishes for `text` (the same core, in this process) for the no-op
 * server to send; `published` is how many ours sent, a check that the payloads match.
 */
function writeDiagnostics(uri: string, text: string, published: number): string {
  const analysis = analyze(text);
  if (analysis.findings.length !== published) throw new Error(`the no-op server's payload has ${analysis.findings.length} diagnostics where ours published ${published}`);
  const file = path.join(WORK_DIR, "no-op-diagnostics.json");
  fs.writeFileSync(file, JSON.stringify(analysis.findings.map((finding) => toDiagnostic(finding, analysis, uri))));
  return file;
}

/** Ten lines spread over the charter where a user types words: free-text items, metrics and job description sentences. */
function typingFor(text: string): Typing {
  const lines = text.split("\n");
  const typable = (line: string) => /^\s+(?:- (?:text: )?)?[A-Za-z][^:#[\]]*$/.test(line) && !line.trimEnd().endsWith(":");
  const chosen: number[] = [];
  for (let k = 0; k < TYPED_LINES; k++) {
    let line = Math.floor(((k + 0.5) * lines.length) / TYPED_LINES);
    while (line < lines.length && (!typable(lines[line]) || chosen.includes(line))) line++;
    if (line < lines.length) chosen.push(line);
  }
  return { lines: chosen, word: WORD };
}

/**
 * The parser's own time for one text. It is taken right after our server answered the same
 * keystroke (after a warm-up of five parses, as a long-running server has had), so that a change in
 * this machine's speed, which drifts by a fifth within minutes, moves an edit and its floor alike.
 */
function parseTime(text: string): number {
  const started = performance.now();
  parseDocument(text);
  return performance.now() - started;
}

function checkTargets(results: Results): Results["targets"] {
  const targets: Results["targets"] = [];
  for (const size of results.sizes) {
    const edit = size.ours.editToDiagnosticsMs.median;
    targets.push({ what: `${size.lines} lines: edit → diagnostics ≤ ${TARGETS.editOverFloor}× the parse floor`, met: edit <= TARGETS.editOverFloor * size.floorParseMs.median });
    if (size.reference) {
      targets.push({ what: `${size.lines} lines: edit → diagnostics ≤ ${TARGETS.editOverReference}× yaml-language-server's`, met: edit <= TARGETS.editOverReference * size.reference.editToDiagnosticsMs.median });
    }
    // The issue asks for the memory of the 1,000-line charter it times start-up on; the table shows every size's.
    if (size.lines !== TARGETS.startupMs.lines) continue;
    targets.push({ what: `${size.lines} lines: peak RSS < ${TARGETS.peakRssMiB} MiB`, met: size.ours.peakRssMiB < TARGETS.peakRssMiB });
    targets.push({ what: `${size.lines} lines: start-up to first diagnostics < ${TARGETS.startupMs.ms} ms (median of ${STARTS})`, met: size.ours.startups.median < TARGETS.startupMs.ms });
    targets.push({
      what: `${size.lines} lines: the first start (no code cache yet) to first diagnostics < ${TARGETS.startupMs.ms} ms`,
      met: size.ours.startupsWithoutCodeCache.median < TARGETS.startupMs.ms,
      ours: true,
    });
  }
  const library = results.cli.find((c) => c.charters === 10_000);
  if (library) targets.push({ what: `CLI lints 10,000 charters in < ${TARGETS.cliTenThousandMs / 1000} s (median of ${CLI_RUNS})`, met: library.wallMs < TARGETS.cliTenThousandMs });
  return targets;
}

function renderTable(results: Results): string {
  const rows: string[][] = [["", "ours", "yaml-ls", "no-op", "floor", "ours/yaml-ls", "ours/floor", "no-op/floor"]];
  const ms = (value: number | undefined) => (value === undefined ? "–" : value < 10 ? value.toFixed(2) : value.toFixed(0));
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? "–" : `${(a / b).toFixed(2)}×`);
  const row = (name: string, mine: number, theirs?: number, empty?: number, base?: number) =>
    rows.push([name, ms(mine), ms(theirs), ms(empty), ms(base), ratio(mine, theirs), ratio(mine, base), ratio(empty, base)]);
  for (const size of results.sizes) {
    const { ours, reference, noOp, floorParseMs: floor } = size;
    rows.push([`${size.lines} lines (${size.keystrokes} keystrokes)`, "", "", "", "", "", "", ""]);
    row(`  start-up → diagnostics p50 of ${STARTS} ms`, ours.startups.median, reference?.startups.median, noOp.startups.median);
    row("    first start, no code cache", ours.startupsWithoutCodeCache.median, reference?.startups.median);
    row("  edit → diagnostics p50 ms", ours.editToDiagnosticsMs.median, reference?.editToDiagnosticsMs.median, noOp.editToDiagnosticsMs.median, floor.median);
    row("  edit → diagnostics p95 ms", ours.editToDiagnosticsMs.p95, reference?.editToDiagnosticsMs.p95, noOp.editToDiagnosticsMs.p95, floor.p95);
    row("  hover p50 ms", ours.hoverMs.median, reference?.hoverMs.median, noOp.hoverMs.median);
    row("  completion p50 ms", ours.completionMs.median, reference?.completionMs.median, noOp.completionMs.median);
    row("  peak RSS MiB", ours.peakRssMiB, reference?.peakRssMiB, noOp.peakRssMiB);
    rows.push(["  diagnostics on open", String(ours.diagnostics), String(reference?.diagnostics ?? "–"), String(noOp.diagnostics), "", "", "", ""]);
  }
  for (const run of results.cli) row(`CLI, ${run.charters} charter${run.charters === 1 ? "" : "s"} ms p50 of ${CLI_RUNS} (per charter ${ms(run.msPerCharter)})`, run.wallMs, undefined, undefined, run.floorParseMs);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
  const bundles = Object.entries(results.bundleBytes).map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(0)} KiB`).join(", ");
  const mark = (t: Results["targets"][number]) => `  ${t.met ? "✔" : "✖"} ${t.what}`;
  const targets = [
    ...results.targets.filter((t) => !t.ours).map(mark),
    "Our own, beyond the issue:",
    ...results.targets.filter((t) => t.ours).map(mark),
  ];
  const load = `load average ${results.loadAverage.before[0].toFixed(2)} → ${results.loadAverage.after[0].toFixed(2)} on ${results.cores} cores`;
  const legend = [
    "no-op: a server that analyses nothing and publishes the same diagnostics, started as ours is (the protocol's own cost).",
    `floor: \`yaml\`'s parseDocument alone on the same texts; for the CLI, on all its files on one core, divided by ${results.cores} cores.`,
  ];
  return [...lines, ...legend, "", `Bundles: ${bundles}`, `Node ${results.node}, ${load}, commit ${results.commit}`, "", "The issue's targets:", ...targets].join("\n");
}

function bundleSizes(dist: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const file of ["server.js", "server-main.js", "cli.js", "cli-main.js", "client.js"]) {
    const full = path.join(dist, file);
    if (fs.existsSync(full)) sizes[file] = fs.statSync(full).size;
  }
  return sizes;
}

/** Figures taken while other work loads the cores mislead even as ratios: say so. */
function warnIfBusy(load: number[]): void {
  if (load[0] > os.availableParallelism() / 2) console.warn(`Warning: load average ${load[0].toFixed(2)} on ${os.availableParallelism()} cores; re-run when the machine is quieter.`);
}

function git(command: string): string {
  try {
    return execSync(`git ${command}`, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

/** Runs `work` with environment variables set (servers started meanwhile inherit them), then restores them. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

function log(message: string): void {
  console.error(`· ${message}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
