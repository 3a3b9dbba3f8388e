// The in-host suite in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (it needs a display: use xvfb-run on a headless Linux). Same suite as the
// code-server run; results go to test-results/e2e/desktop-results.json.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTests } from "@vscode/test-electron";
import { buildSuite, ROOT } from "../build.mjs";

const results = join(ROOT, "test-results", "e2e", "desktop-results.json");
rmSync(results, { force: true });
mkdirSync(join(results, ".."), { recursive: true });

execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
const extensionTestsPath = await buildSuite();

// The suite edits documents and settings: give it a throwaway copy of the examples.
const workspace = mkdtempSync(join(tmpdir(), "cto-charter-e2e-"));
cpSync(join(ROOT, "examples"), workspace, { recursive: true });

let failure;
try {
  await runTests({
    // The download and its user-data folders stay in the git-ignored cache.
    cachePath: join(ROOT, ".cache", "e2e", "vscode-test"),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [workspace, "--disable-extensions"],
    extensionTestsEnv: { CTO_CHARTER_E2E_RESULTS: results, CTO_CHARTER_E2E_CLI: join(ROOT, "dist", "cli.js") },
  });
} catch (error) {
  failure = error;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

if (existsSync(results)) {
  const suite = JSON.parse(readFileSync(results, "utf8"));
  console.log(`${suite.passed} passed, ${suite.failed} failed`);
} else {
  console.log(`0 passed, 1 failed`);
}
if (failure) {
  console.error(failure);
  process.exitCode = 1;
}
