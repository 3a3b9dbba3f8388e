/**
 * How the server process is set up: the environment and Node options the client starts it with
 * (server-launch.ts), its heap growth (heap-growth.ts) and its V8 settings (v8-settings.ts). V8's
 * settings cannot be read back, but the code-cache version tag hashes them, so it shows which are in force.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";
import * as v8 from "node:v8";
import { fitHeapGrowth, LARGE_TEXT } from "../../server/src/node/heap-growth";
import { SERVER_NODE_OPTIONS, serverEnvironment } from "../../server/src/node/server-launch";
import { change, underStartSettings } from "../../server/src/node/v8-settings";

test("the server's environment is the client's, without extra CA certificates, with one malloc arena and the extra variables", () => {
  const base = { PATH: "/usr/bin", HOME: "/home/me", NODE_EXTRA_CA_CERTS: "/etc/ssl/certs/ca-certificates.crt" };
  assert.deepEqual(serverEnvironment(base, { CTO_CHARTER_CACHE_DIR: "/cache" }), { PATH: "/usr/bin", HOME: "/home/me", MALLOC_ARENA_MAX: "1", CTO_CHARTER_CACHE_DIR: "/cache" });
  assert.equal(base.NODE_EXTRA_CA_CERTS, "/etc/ssl/certs/ca-certificates.crt", "the client's own environment is left as it was");
});

test("small documents tighten the growth; large ones, and making a code cache, run under the start settings", () => {
  const atStart = v8.cachedDataVersionTag();
  fitHeapGrowth(60_000);
  const tight = v8.cachedDataVersionTag();
  assert.notEqual(tight, atStart, "a charter of usual size changes the growth factor");
  assert.equal(underStartSettings(() => v8.cachedDataVersionTag()), atStart, "a code cache is made under the settings a later start compiles with");
  assert.equal(v8.cachedDataVersionTag(), tight, "and the growth factor is tight again afterwards");
  fitHeapGrowth(LARGE_TEXT);
  assert.equal(v8.cachedDataVersionTag(), atStart, "a large document hands the factor back to V8");
  assert.equal(underStartSettings(() => v8.cachedDataVersionTag()), atStart);
});

test("a setting changed at run time is undone while a code cache is made, and holds again afterwards", () => {
  const atStart = v8.cachedDataVersionTag();
  change("--no-regexp-tier-up", "--regexp-tier-up");
  fitHeapGrowth(60_000);
  const changed = v8.cachedDataVersionTag();
  assert.notEqual(changed, atStart);
  assert.equal(underStartSettings(() => v8.cachedDataVersionTag()), atStart);
  assert.equal(v8.cachedDataVersionTag(), changed);
  change("--regexp-tier-up", "--regexp-tier-up");
  fitHeapGrowth(LARGE_TEXT);
  assert.equal(v8.cachedDataVersionTag(), atStart);
});

test("the server's Node options size its heap and V8's helper threads, then leave V8's settings as Node's own code cache expects them", () => {
  // What the launcher does first, in a process started with the server's options, and in one without.
  const script = `
    const v8 = require("node:v8");
    const before = v8.cachedDataVersionTag();
    require(${JSON.stringify(path.resolve(__dirname, "../../server/src/node/v8-settings.ts"))}).forgetHeapSizes();
    let kept = [];
    for (let i = 0; i < 300000; i++) { kept.push({ i }); if (kept.length > 50000) kept = []; }
    const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
    const threads = process.platform === "linux" ? require("node:fs").readdirSync("/proc/self/task").length : undefined;
    console.log(JSON.stringify({ before, after: v8.cachedDataVersionTag(), newSpaceMiB: newSpace.space_size / 2 ** 20, threads }));`;
  const run = (options: readonly string[]) => JSON.parse(execFileSync(process.execPath, [...options, "--import", "tsx", "-e", script], { encoding: "utf8" }));
  const server = run(SERVER_NODE_OPTIONS);
  const plain = run([]);
  assert.notEqual(server.before, plain.before, "the heap size on the command line changes V8's settings");
  assert.equal(server.after, plain.after, "until the launcher sets it back to the default");
  assert.equal(plain.after, plain.before, "which changes nothing in a process started without it");
  // Two semi-spaces of 2 MB, where a young generation left to V8 grows to 16 MB each.
  assert.equal(server.newSpaceMiB, 4);
  assert.ok(plain.newSpaceMiB > 4, `${plain.newSpaceMiB} MiB`);
  // One helper thread for V8 where Node starts four (threads are counted where Linux lists them).
  if (process.platform === "linux") assert.equal(server.threads, plain.threads - 3, `${server.threads} threads, ${plain.threads} without the options`);
});
