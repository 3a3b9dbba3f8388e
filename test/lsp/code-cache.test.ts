/**
 * The launcher's code cache (server/src/node/launcher.ts): the first start writes it after its first
 * diagnostics, a later start uses it without writing again, a damaged cache is replaced without the
 * user noticing, `CTO_CHARTER_CODE_CACHE=off` writes none, and the CLI saves one too.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, afterEach, beforeEach, describe, test } from "node:test";
import { HoverRequest } from "vscode-languageserver-protocol";
import { ROOT, TestClient } from "./client";

const CHARTER = fs.readFileSync(path.join(ROOT, "examples", "problems.cto-charter.yaml"), "utf8");
const URI = "file:///virtual/cache.cto-charter.yaml";

let folder: string;
const saved = { dir: process.env.CTO_CHARTER_CACHE_DIR, off: process.env.CTO_CHARTER_CODE_CACHE };

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "cto-charter-cache-"));
  process.env.CTO_CHARTER_CACHE_DIR = folder;
  delete process.env.CTO_CHARTER_CODE_CACHE;
});

afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

after(() => {
  for (const [name, value] of [["CTO_CHARTER_CACHE_DIR", saved.dir], ["CTO_CHARTER_CODE_CACHE", saved.off]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const cacheFiles = (prefix: string) => fs.readdirSync(folder).filter((name) => name.startsWith(prefix) && name.endsWith(".v8cache"));

/** Resolves when the launcher has renamed a cache file into the folder (it writes under another name first). */
function cacheWritten(prefix: string): Promise<string> {
  return new Promise((resolve) => {
    const watcher = fs.watch(folder, () => check());
    const check = () => {
      // Anything smaller is not a cache V8 wrote (the damaged one below is a few bytes).
      const name = cacheFiles(prefix).find((n) => fs.statSync(path.join(folder, n)).size > 100_000);
      if (!name) return;
      watcher.close();
      resolve(path.join(folder, name));
    };
    check();
  });
}

/** A start of the server to its first diagnostics, then one request answered: the session has done its first piece of work. */
async function session(): Promise<number> {
  const client = await TestClient.start();
  const published = await client.open(URI, CHARTER);
  await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 9, character: 12 } });
  await client.stop();
  return published.diagnostics.length;
}

/** A cache that is never written would leave a wait open: such a test fails after a minute instead. */
const LIMIT = { timeout: 60_000 };

describe("the launcher's V8 code cache", () => {
  test("the first start writes it after its first diagnostics; the next start uses it and writes nothing", LIMIT, async () => {
    const first = session();
    const file = await cacheWritten("server-main-");
    await first;
    assert.ok(fs.statSync(file).size > 100_000, "the cache holds the compiled bundle");
    const { ino, mtimeMs } = fs.statSync(file);
    // Accepted by V8, so not written again: the same file, untouched.
    assert.equal(await session(), await sessionCount());
    assert.deepEqual(cacheFiles("server-main-"), [path.basename(file)]);
    assert.equal(fs.statSync(file).ino, ino);
    assert.equal(fs.statSync(file).mtimeMs, mtimeMs);
  });

  test("a damaged cache is replaced, and the start is as good as without one", LIMIT, async () => {
    const first = session();
    const file = await cacheWritten("server-main-");
    await first;
    fs.writeFileSync(file, "not a code cache");
    const second = session();
    // V8 rejects the damaged cache; the launcher writes a good one in its place.
    assert.equal(await cacheWritten("server-main-"), file);
    assert.equal(await second, await sessionCount());
  });

  test("CTO_CHARTER_CODE_CACHE=off writes no cache", async () => {
    process.env.CTO_CHARTER_CODE_CACHE = "off";
    await session();
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  test("the CLI saves its own cache when it is done", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "lint", path.join(ROOT, "examples")], { encoding: "utf8", env: process.env });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(cacheFiles("cli-main-").length, 1);
  });
});

/** The diagnostics of the same charter from a server started without any cache. */
async function sessionCount(): Promise<number> {
  const previous = process.env.CTO_CHARTER_CODE_CACHE;
  process.env.CTO_CHARTER_CODE_CACHE = "off";
  try {
    return await session();
  } finally {
    if (previous === undefined) delete process.env.CTO_CHARTER_CODE_CACHE;
    else process.env.CTO_CHARTER_CODE_CACHE = previous;
  }
}
