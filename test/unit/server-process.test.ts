/**
 * How the server process is set up: the environment the client starts it with (server-launch.ts),
 * and its heap growth (heap-growth.ts). V8's settings cannot be read back, but the code-cache version
 * tag hashes them, so it shows which growth factor is in force.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as v8 from "node:v8";
import { fitHeapGrowth, LARGE_TEXT, underStartSettings } from "../../server/src/node/heap-growth";
import { serverEnvironment } from "../../server/src/node/server-launch";

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
