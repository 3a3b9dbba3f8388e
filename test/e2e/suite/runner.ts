/** A tiny sequential test runner for the extension host: no globals, results as plain JSON. */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface Test {
  name: string;
  fn: () => Promise<void>;
  /** When this test fails the others cannot mean anything: they are failed without running. */
  prerequisite?: boolean;
}

export interface TestResult {
  name: string;
  passed: boolean;
  durationMs: number;
  error?: string;
}

export interface SuiteResult {
  host: string;
  passed: number;
  failed: number;
  durationMs: number;
  tests: TestResult[];
}

/** Every wait inside a test has its own deadline; this one only stops a test that hangs elsewhere. */
const TEST_TIMEOUT_MS = 90_000;

export async function runTests(host: string, tests: readonly Test[], log: (line: string) => void): Promise<SuiteResult> {
  const started = Date.now();
  const results: TestResult[] = [];
  let blocker: string | undefined;
  for (const test of tests) {
    const t0 = Date.now();
    if (blocker) {
      results.push({ name: test.name, passed: false, durationMs: 0, error: `not run: ${blocker} failed` });
      log(`  ✗ ${test.name} (not run)`);
      continue;
    }
    try {
      await withTimeout(test.fn(), TEST_TIMEOUT_MS, test.name);
      results.push({ name: test.name, passed: true, durationMs: Date.now() - t0 });
      log(`  ✓ ${test.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: test.name, passed: false, durationMs: Date.now() - t0, error: message });
      log(`  ✗ ${test.name} (${Date.now() - t0} ms)\n${indent(message)}`);
      if (test.prerequisite) blocker = test.name;
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  return { host, passed: results.length - failed, failed, durationMs: Date.now() - started, tests: results };
}

/** Write via a rename, so a reader watching for the file never sees it half-written. */
export function writeResults(file: string, result: SuiteResult): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(partial, file);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function indent(text: string): string {
  return text.replace(/^/gm, "      ");
}
