// Bundles the VS Code client, the language server and the CLI into dist/ (one file each).
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");
// `--outdir <dir>` builds elsewhere than dist/, e.g. for a benchmark that other builds must not touch.
const outdir = process.argv.includes("--outdir") ? process.argv[process.argv.indexOf("--outdir") + 1] : "dist";

/**
 * zod exports every language's error messages as `z.locales`, a quarter of a megabyte that each
 * process would load at start-up. The tools speak English only (zod loads that locale itself), so the
 * namespace is left empty.
 */
const englishOnlyZod = {
  name: "english-only-zod",
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.c?js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: args.path, namespace: "empty" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};" }));
  },
};

/**
 * yaml's parser and composer look up a debug switch in `process.env` for every token. In Node that
 * lookup is a call into C++ (about 0.26 µs), and an ordinary charter has some 350 tokens: an eighth of
 * its parse. In the bundle those two modules get a `process` whose `env` holds the two switches as
 * they were when the bundle loaded. The build fails if yaml stops reading them this way.
 */
const yamlSwitchesReadOnce = {
  name: "yaml-switches-read-once",
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const require = "require('process')";
      if (!source.includes(require)) throw new Error(`${args.path} no longer requires process as expected: update the yaml-switches-read-once plugin.`);
      const snapshot = "{ env: { LOG_TOKENS: process.env.LOG_TOKENS, LOG_STREAM: process.env.LOG_STREAM } }";
      return { contents: source.replace(require, snapshot), loader: "js" };
    });
  },
};

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
  plugins: [englishOnlyZod, yamlSwitchesReadOnce],
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
