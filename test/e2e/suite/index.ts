/**
 * The in-host suite's entry. Two hosts run it unchanged: @vscode/test-electron calls `run()` in
 * desktop VS Code; in code-server the test-only extension (../host-extension) calls `runSuite`.
 * Results go to the JSON file named by CTO_CHARTER_E2E_RESULTS.
 */
import * as vscode from "vscode";
import { tests } from "./charter.test";
import { runTests, type SuiteResult, writeResults } from "./runner";

export async function runSuite(): Promise<SuiteResult> {
  const file = process.env.CTO_CHARTER_E2E_RESULTS;
  if (!file) throw new Error("CTO_CHARTER_E2E_RESULTS must name the results file");
  const host = `${vscode.env.appName} ${vscode.version} (${vscode.env.appHost})`;
  console.log(`CTO Charter e2e suite in ${host}`);
  const result = await runTests(host, tests, (line) => console.log(line));
  writeResults(file, result);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  return result;
}

/** The @vscode/test-electron entry: a rejection makes the desktop run exit non-zero. */
export async function run(): Promise<void> {
  const result = await runSuite();
  if (result.failed > 0) throw new Error(`${result.failed} of ${result.tests.length} e2e tests failed`);
}
