/**
 * The production bundles, as the extension ships them. V8 holds a script's source for as long as the
 * script runs, in two bytes per character as soon as one character is outside ASCII: a stray `’` in
 * a regular expression (esbuild escapes strings, not regular expressions) doubled the server's 0.7 MB.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { before, test } from "node:test";

const ROOT = path.resolve(__dirname, "../..");

let outdir: string;

before(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), "cto-charter-bundle-"));
  execFileSync(process.execPath, ["esbuild.mjs", "--production", "--outdir", outdir], { cwd: ROOT });
  process.on("exit", () => fs.rmSync(outdir, { recursive: true, force: true }));
});

test("the production bundles are ASCII only", () => {
  const bundles = fs.readdirSync(outdir).filter((name) => name.endsWith(".js"));
  assert.ok(bundles.includes("server-main.js") && bundles.includes("cli-main.js"), bundles.join(", "));
  for (const name of bundles) {
    const text = fs.readFileSync(path.join(outdir, name), "latin1");
    const at = text.search(/[^\x00-\x7f]/);
    assert.equal(at, -1, `${name} has a non-ASCII character at ${at}: …${text.slice(Math.max(0, at - 40), at + 10)}…`);
  }
});

test("yaml is bundled as an ES module, which never reads a debug switch from process.env (esbuild.mjs)", () => {
  for (const name of ["server-main.js", "cli-main.js"]) {
    const text = fs.readFileSync(path.join(outdir, name), "utf8");
    // The CommonJS build's parser and composer read these two at every token.
    assert.doesNotMatch(text, /LOG_TOKENS|LOG_STREAM/, name);
    // Its ES module build still parses: the bundle holds the parser's own error text.
    assert.match(text, /Implicit keys need to be on a single line/, name);
  }
});

test("the schemas bundle zod's small build, not the full one with every method (schemas/zod-support.ts)", () => {
  for (const name of ["server-main.js", "cli-main.js"]) {
    const text = fs.readFileSync(path.join(outdir, name), "utf8");
    // Methods only the full build puts on every schema.
    assert.doesNotMatch(text, /superRefine|safeExtend|toJSONSchema/, name);
    // The validator itself is there, with its English messages.
    assert.match(text, /Unrecognized key/, name);
  }
});
