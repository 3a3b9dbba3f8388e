// Bundles the VS Code client, the language server and the CLI into dist/ (one file each).
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");
// `--outdir <dir>` builds elsewhere than dist/, e.g. for a benchmark that other builds must not touch.
const outdir = process.argv.includes("--outdir") ? process.argv[process.argv.indexOf("--outdir") + 1] : "dist";

/**
 * yaml is bundled from its ES module build (which its package offers to browsers), not from the
 * CommonJS build Node would load. The code is the same, without the CommonJS build's debug switches:
 * its parser and composer look one up in `process.env` for every token, a call into C++ that took an
 * eighth of a charter's parse. As an ES module it is also linked into the bundle directly, with none
 * of the module wrappers and export getters CommonJS needs (17 KB less, and less to run at start-up).
 */
const yamlAsModule = { yaml: fileURLToPath(new URL("./node_modules/yaml/browser/dist/index.js", import.meta.url)) };

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  // ESM-only dependencies read import.meta.url, which a CommonJS bundle must provide itself.
  banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  define: { CTO_CHARTER_VERSION: JSON.stringify(version), "import.meta.url": "__importMetaUrl" },
  alias: yamlAsModule,
};

/** `server.js` and `cli.js` load their bundle with V8's code cache (server/src/node/launcher.ts). */
const launcher = (name, banner = "") => ({
  ...common,
  entryPoints: { [name]: "server/src/node/launcher.ts" },
  outdir,
  banner: { js: banner },
  define: { ...common.define, LAUNCH_TARGET: JSON.stringify(`${name}-main.js`) },
});

const builds = [
  { ...common, entryPoints: { client: "client/src/extension.ts" }, outdir, external: ["vscode"] },
  { ...common, entryPoints: { "server-main": "server/src/server.ts", "cli-main": "server/src/cli/cli.ts" }, outdir },
  launcher("server"),
  launcher("cli", "#!/usr/bin/env node"),
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
