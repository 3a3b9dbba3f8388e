/**
 * `npm run fuzz`: the fuzz tests with every run count multiplied by FUZZ_RUNS (25 unless set), from a
 * fresh seed unless FUZZ_SEED replays one. Each test prints how many cases it ran.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.dirname(fileURLToPath(import.meta.url));
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? "25",
  FUZZ_SEED: process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31)),
};
console.log(`fuzz: seed ${env.FUZZ_SEED}, run counts x${env.FUZZ_RUNS}; replay with FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} npm run fuzz`);
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".test.ts"))
  .map((file) => path.join(dir, file));
const { status } = spawnSync(process.execPath, ["--import", "tsx", "--test", ...files], { env, stdio: "inherit" });
process.exit(status ?? 1);
