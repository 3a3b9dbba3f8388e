// Bundles the VS Code client, the language server and the CLI into dist/ (one file each).
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

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
};

const builds = [
  { ...common, entryPoints: { client: "client/src/extension.ts" }, outdir: "dist", external: ["vscode"] },
  { ...common, entryPoints: { server: "server/src/server.ts", cli: "server/src/cli/cli.ts" }, outdir: "dist" },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
