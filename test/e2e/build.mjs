// Builds the e2e pieces into .cache/e2e/build/ (git-ignored, never in the product's vsix):
// the suite bundle that @vscode/test-electron loads, and the test-only host extension as a .vsix
// that code-server installs beside the product.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUILD = join(ROOT, ".cache", "e2e", "build");
export const SUITE_BUNDLE = join(BUILD, "suite", "index.js");
export const HOST_VSIX = join(BUILD, "cto-charter-e2e-host.vsix");

const bundle = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "inline",
  external: ["vscode"],
  logLevel: "warning",
};

export async function buildSuite() {
  await esbuild.build({ ...bundle, entryPoints: [join(ROOT, "test/e2e/suite/index.ts")], outfile: SUITE_BUNDLE });
  return SUITE_BUNDLE;
}

export async function buildHostExtension() {
  const dir = join(BUILD, "host-extension");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, "test/e2e/host-extension/package.json"), join(dir, "package.json"));
  await esbuild.build({ ...bundle, entryPoints: [join(ROOT, "test/e2e/host-extension/extension.ts")], outfile: join(dir, "dist", "extension.js") });
  const vsce = join(ROOT, "node_modules", "@vscode", "vsce", "vsce");
  execFileSync(
    process.execPath,
    [vsce, "package", "--no-dependencies", "--skip-license", "--allow-missing-repository", "--out", HOST_VSIX],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  return HOST_VSIX;
}
