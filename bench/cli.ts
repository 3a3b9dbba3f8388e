/**
 * The CLI on a whole organisation's library: 1, 100 and 10,000 charters of ordinary length, each
 * linted by a fresh `cto-charter lint` process as CI runs it (with every core it has).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { generateCharter } from "./charters";

export interface CliResult {
  charters: number;
  wallMs: number;
  msPerCharter: number;
  exitCode: number | null;
  /**
   * The floor: `parseDocument` alone on the same files in this process, divided by the cores, which
   * is what the CLI would take if parsing were all it did and both cores shared it perfectly.
   */
  floorParseMs: number;
  /** Each run's wall time, when `wallMs` is their median. */
  runsMs?: number[];
}

/** An ordinary charter is 40 to 80 lines, 60 on average: the examples have 51. */
const AVERAGE_LINES = { min: 40, max: 80 };

/** Writes the library: `first/` holds the first 100 charters, `rest/` the others. */
export function writeLibrary(dir: string, count: number): { one: string; hundred: string; all: string } {
  fs.rmSync(dir, { recursive: true, force: true });
  const first = path.join(dir, "first");
  const rest = path.join(dir, "rest");
  fs.mkdirSync(first, { recursive: true });
  fs.mkdirSync(rest, { recursive: true });
  for (let seed = 1; seed <= count; seed++) {
    const lines = AVERAGE_LINES.min + (seed * 37) % (AVERAGE_LINES.max - AVERAGE_LINES.min + 1);
    const file = path.join(seed <= 100 ? first : rest, `org-${String(seed).padStart(5, "0")}.cto-charter.yaml`);
    fs.writeFileSync(file, generateCharter({ lines, seed }));
  }
  return { one: path.join(first, "org-00001.cto-charter.yaml"), hundred: first, all: dir };
}

export function timeCli(cli: string, target: string, charters: number): Omit<CliResult, "floorParseMs"> {
  const started = performance.now();
  // Output goes nowhere, as to a CI log nobody reads; formatting it is still part of the work.
  const run = spawnSync(process.execPath, [cli, "lint", target], { stdio: ["ignore", "ignore", "inherit"] });
  const wallMs = performance.now() - started;
  if (run.error || (run.status !== 0 && run.status !== 1)) throw new Error(`cto-charter lint ${target} failed: ${run.error?.message ?? `exit code ${run.status}`}`);
  return { charters, wallMs, msPerCharter: wallMs / charters, exitCode: run.status };
}

/** The parser's time for every charter under `target` (a file or a folder), read beforehand, on one core. */
export function parseFloor(target: string): number {
  const files = fs.statSync(target).isDirectory()
    ? fs.readdirSync(target, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".cto-charter.yaml")).map((file) => path.join(target, file))
    : [target];
  const texts = files.map((file) => fs.readFileSync(file, "utf8"));
  const started = performance.now();
  for (const text of texts) parseDocument(text);
  return performance.now() - started;
}
