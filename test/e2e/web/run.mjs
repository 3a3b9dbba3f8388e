// End-to-end tests in a real VS Code: code-server (VS Code's workbench and Node extension host)
// driven by Debian's Chromium. Installs its tools into .cache/e2e/ (reused), packages the product
// .vsix, installs it with the test-only host extension, runs the in-host suite from the command
// palette, checks what a person sees, and saves screenshots to test-results/e2e/.
// Exits non-zero on any failure; the last line reads "N passed, M failed".
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { buildHostExtension, ROOT } from "../build.mjs";
import { describePage, runSuiteCommand, startBrowser, uiChecks } from "./browser.mjs";
import { killGroup, processesWithHome, run, spawnGroup, waitForOutput } from "./proc.mjs";
import { ensureTools, withoutNpmVariables } from "./setup.mjs";

const CACHE = join(ROOT, ".cache", "e2e");
const RUN = join(CACHE, "run");
const OUT = join(ROOT, "test-results", "e2e");
const RESULTS = join(OUT, "results.json");
const SUITE_TIMEOUT_MS = 5 * 60_000;
// A guard for hangs outside any awaited deadline: the whole run, setup included, must end by then.
const RUN_DEADLINE_MS = 15 * 60_000;

const timings = [];
const results = [];
const started = Date.now();
const resources = { codeServer: null, chromium: null, browser: null };

async function phase(name, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    const seconds = (Date.now() - t0) / 1000;
    timings.push([name, seconds]);
    console.log(`[e2e] ${name}: ${seconds.toFixed(1)} s`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * HOME, TMPDIR and every XDG_* inside the run folder, so nothing is written to the real home; and
 * none of the variables that an outer VS Code, Electron or `npm run` leave behind.
 */
function isolatedEnv(extra) {
  const env = Object.fromEntries(
    Object.entries(withoutNpmVariables(process.env)).filter(
      ([key]) => !key.startsWith("XDG_") && !key.startsWith("VSCODE_") && !key.startsWith("ELECTRON_"),
    ),
  );
  const dirs = {
    HOME: join(RUN, "home"),
    TMPDIR: join(RUN, "tmp"),
    XDG_CONFIG_HOME: join(RUN, "xdg", "config"),
    XDG_CACHE_HOME: join(RUN, "xdg", "cache"),
    XDG_DATA_HOME: join(RUN, "xdg", "data"),
    XDG_STATE_HOME: join(RUN, "xdg", "state"),
    XDG_RUNTIME_DIR: join(RUN, "xdg", "runtime"),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { ...env, ...dirs, ...extra };
}

function prepareRunFolder() {
  rmSync(RUN, { recursive: true, force: true });
  const userData = join(RUN, "user-data");
  mkdirSync(join(userData, "User"), { recursive: true });
  // Keep Welcome, chat and update prompts from covering the editor, and the workbench from asking
  // an extension gallery (out of reach here) for recommendations.
  writeFileSync(
    join(userData, "User", "settings.json"),
    `${JSON.stringify(
      {
        "telemetry.telemetryLevel": "off",
        "workbench.startupEditor": "none",
        "chat.disableAIFeatures": true,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "git.enabled": false,
        "extensions.ignoreRecommendations": true,
        "workbench.enableExperiments": false,
      },
      null,
      2,
    )}\n`,
  );
  const workspace = join(RUN, "workspace");
  mkdirSync(workspace, { recursive: true });
  for (const name of readdirSync(join(ROOT, "examples"))) {
    if (name.endsWith(".cto-charter.yaml")) copyFileSync(join(ROOT, "examples", name), join(workspace, name));
  }
  const config = join(RUN, "code-server.yaml");
  writeFileSync(config, "");
  return { userData, extensions: join(RUN, "extensions"), workspace, config, profile: join(RUN, "chromium-profile") };
}

/** Resolves once `file` exists (written by a rename, so it is complete). */
function waitForFile(file, timeoutMs) {
  return new Promise((resolve, reject) => {
    const dir = join(file, "..");
    const name = file.slice(dir.length + 1);
    const watcher = watch(dir, (_, changed) => {
      if (changed === name && existsSync(file)) finish(null);
    });
    const timer = setTimeout(() => finish(new Error(`no ${file} after ${timeoutMs} ms`)), timeoutMs);
    function finish(error) {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    }
    if (existsSync(file)) finish(null);
  });
}

async function teardown() {
  await resources.browser?.close().catch(() => {});
  await killGroup(resources.chromium);
  await killGroup(resources.codeServer);
  // Anything that left its process group but still carries this run's HOME is ours too.
  const left = processesWithHome(join(RUN, "home"));
  for (const pid of left) {
    try {
      process.kill(pid, "SIGKILL");
    } catch (error) {
      if (error.code !== "ESRCH") throw error;
    }
  }
  if (left.length > 0) console.log(`[e2e] ended ${left.length} leftover process(es): ${left.join(", ")}`);
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const setupLog = join(OUT, "setup.log");
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

  const { paths, reused } = await phase("setup (apt, Node 24, code-server, playwright-core)", () => ensureTools(CACHE, setupLog));
  if (reused) console.log("[e2e] tools reused from .cache/e2e/");

  const vsixes = await phase("build and package (npm run package, host extension)", async () => {
    await run("npm", ["run", "package"], { cwd: ROOT, logFile: join(OUT, "package.log") });
    const product = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
    if (!existsSync(product)) throw new Error(`npm run package made no ${product}`);
    return [product, await buildHostExtension()];
  });

  const dirs = prepareRunFolder();
  const env = isolatedEnv({
    CTO_CHARTER_E2E_RESULTS: RESULTS,
    CTO_CHARTER_E2E_CLI: join(ROOT, "dist", "cli.js"),
    // No gallery: code-server would otherwise query open-vsx.org, which is out of reach here.
    EXTENSIONS_GALLERY: "{}",
  });
  const common = ["--config", dirs.config, "--user-data-dir", dirs.userData, "--extensions-dir", dirs.extensions];
  await phase("install extensions into code-server", () =>
    run(paths.node, [paths.codeServerEntry, ...common, ...vsixes.flatMap((v) => ["--install-extension", v])], {
      env,
      logFile: join(OUT, "code-server-install.log"),
    }),
  );

  const port = await freePort();
  const codeServerLog = createWriteStream(join(OUT, "code-server.log"));
  await phase("start code-server", async () => {
    resources.codeServer = spawnGroup(
      paths.node,
      [
        paths.codeServerEntry,
        ...common,
        "--bind-addr",
        `127.0.0.1:${port}`,
        "--auth",
        "none",
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        "--ignore-last-opened",
      ],
      { env },
    );
    resources.codeServer.stdout.pipe(codeServerLog, { end: false });
    resources.codeServer.stderr.pipe(codeServerLog, { end: false });
    await waitForOutput(resources.codeServer, /HTTP server listening/, 60_000, "code-server to listen");
  });

  const browserLog = createWriteStream(join(OUT, "chromium.log"));
  const { page } = await phase("start Chromium", async () => {
    const started = await startBrowser({ playwrightCore: paths.playwrightCore, profileDir: dirs.profile, env, logStream: browserLog });
    resources.chromium = started.child;
    resources.browser = started.browser;
    return started;
  });

  const language = pkg.contributes?.languages?.find((l) => l.id === "cto-charter");
  const persona = JSON.parse(readFileSync(join(ROOT, "server", "src", "generated", "catalog.json"), "utf8")).personas.find(
    (p) => p.id === "digital-business-leader",
  );
  const checks = uiChecks({
    page,
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    shotsDir: OUT,
    languageName: language?.aliases?.[0] ?? "cto-charter",
    personaSummary: persona.summary,
    cioOverlapAt: positionOf(readFileSync(join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8"), "service desk"),
  });
  for (const check of checks) {
    await phase(`browser: ${check.name}`, async () => {
      try {
        await check.fn();
        results.push({ name: `browser: ${check.name}`, passed: true });
      } catch (error) {
        await page.screenshot({ path: join(OUT, `failed-${results.length + 1}.png`) }).catch(() => {});
        results.push({ name: `browser: ${check.name}`, passed: false, error: `${error.message}\nThe page showed:\n${await describePage(page)}` });
      } finally {
        await check.cleanup?.().catch((error) => results.push({ name: `browser: after ${check.name}`, passed: false, error: error.message }));
      }
    });
  }

  await phase("in-host suite (command palette → results file)", async () => {
    try {
      const written = waitForFile(RESULTS, SUITE_TIMEOUT_MS);
      const screenshot = await runSuiteCommand(page, OUT);
      await written;
      await screenshot();
    } catch (error) {
      await page.screenshot({ path: join(OUT, "failed-suite.png") }).catch(() => {});
      results.push({ name: "in-host suite ran", passed: false, error: error.message });
    }
  });
  if (existsSync(RESULTS)) {
    const suite = JSON.parse(readFileSync(RESULTS, "utf8"));
    console.log(`[e2e] in-host suite ran in ${suite.host}`);
    for (const test of suite.tests) results.push({ name: `in-host: ${test.name}`, passed: test.passed, error: test.error });
  }
}

/** 1-based line and column of `needle`'s first occurrence, as VS Code's Go to Line takes them. */
function positionOf(text, needle) {
  const before = text.slice(0, text.indexOf(needle)).split("\n");
  return { line: before.length, column: before.at(-1).length + 1 };
}

/** Print every result and the closing line CI reads; exit non-zero on any failure. */
function report() {
  for (const r of results) {
    console.log(`${r.passed ? "✓" : "✗"} ${r.name}`);
    if (!r.passed) console.log(`    ${String(r.error).replace(/\n/g, "\n    ")}`);
  }
  console.log(`[e2e] total ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in ${OUT}`);
  const failed = results.filter((r) => !r.passed).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** Stop early (a signal, or the deadline): end our processes, report what ran, fail. */
function abort(reason) {
  results.push({ name: "harness", passed: false, error: reason });
  teardown().finally(() => process.exit(Math.max(1, report())));
}

const deadline = setTimeout(() => abort(`the run exceeded ${RUN_DEADLINE_MS / 60_000} minutes`), RUN_DEADLINE_MS);
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => abort(`interrupted by ${signal}`));

try {
  await main();
} catch (error) {
  console.error(`[e2e] ${error.stack ?? error}`);
  results.push({ name: "harness", passed: false, error: error.message });
} finally {
  await phase("teardown", teardown);
  clearTimeout(deadline);
}
process.exitCode = report();
