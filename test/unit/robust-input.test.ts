/**
 * Hostile and odd input through the core, beyond bad-input.test.ts: documents nested 10,000 levels
 * deep, key bombs, minified and 20 MB files, very long strings, BOM, CRLF and lone CR line ends,
 * tabs, duplicate keys and tags. Each gets a clear finding (or the same findings as its plain form),
 * in milliseconds, with every range inside the text, and the editor features do not fail on it.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { analyze, type Analysis } from "../../server/src/core/analyze";
import { fixAll } from "../../server/src/core/fix-all";
import { MAX_NESTING, nestingDepth, surelyShallow } from "../../server/src/core/parse";
import { completionsAt } from "../../server/src/services/completion";
import { hoverAt } from "../../server/src/services/hover";
import { folds, outline } from "../../server/src/services/outline";
import { assertSound } from "../fuzz/support";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const PROBLEMS = fs.readFileSync(path.join(EXAMPLES, "problems.cto-charter.yaml"), "utf8");
const HEAD = "charter: cto/v1\npersona: coo-of-it\n";

/** Generous: each case takes milliseconds; the bound only turns a hang (once 23 s, 29 s) into a failure. */
const LIMIT_MS = 8000;

function nestedBlock(levels: number): string {
  let text = `${HEAD}accountabilities: []\norganization:\n`;
  for (let i = 1; i <= levels && text.length + i < 4 * 1024 * 1024; i++) text += `${" ".repeat(i)}k:\n`;
  return text;
}

const CASES: { name: string; text: string; rule: string; message: RegExp }[] = [
  { name: "flow lists nested 10,000 deep", text: `${HEAD}accountabilities: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, rule: "schema", message: /nests collections 10001 levels deep; charters deeper than 100 levels are not analysed/ },
  { name: "flow mappings nested 10,000 deep, unclosed", text: `${HEAD}accountabilities: ${"{a: ".repeat(10_000)}\n`, rule: "schema", message: /levels deep; charters deeper than 100/ },
  { name: "block lists nested 10,000 deep (compact)", text: `${HEAD}accountabilities:\n  ${"- ".repeat(10_000)}x\n`, rule: "schema", message: /levels deep; charters deeper than 100/ },
  { name: "block mappings nested by indentation, as deep as 4 MB allows", text: nestedBlock(10_000), rule: "schema", message: /levels deep; charters deeper than 100/ },
  { name: "explicit keys nested 400 deep (once 23 s)", text: `${"? ".repeat(400)}x\n`, rule: "schema", message: /levels deep/ },
  { name: "explicit keys nested 99 deep", text: `${HEAD}accountabilities: []\n${"? ".repeat(99)}x\n`, rule: "schema", message: /A key must be plain text/ },
  { name: "a list as a key", text: `${HEAD}accountabilities: []\n[a, b]: c\n`, rule: "schema", message: /A key must be plain text/ },
  { name: "an alias as a key", text: `${HEAD}x: &k name\naccountabilities: []\n*k : c\n`, rule: "schema", message: /A key must be plain text/ },
  { name: "a 20 MB file", text: `${HEAD}accountabilities:\n${"  - text: Run the service desk\n    metrics: [uptime] # ok\n".repeat(290_000)}`, rule: "schema", message: /MB; charters over 4 MB are not analysed/ },
  { name: "tabs for indentation", text: `${HEAD}accountabilities:\n\t- Run the service desk\n`, rule: "yaml-syntax", message: /Tabs are not allowed as indentation/ },
  { name: "duplicate keys", text: `${HEAD}accountabilities: []\npersona: it-innovator\n`, rule: "yaml-syntax", message: /Map keys must be unique/ },
  { name: "a JavaScript tag", text: `${HEAD}accountabilities: !!js/function 'function () { return 1 }'\n`, rule: "yaml-syntax", message: /Unresolved tag: tag:yaml.org,2002:js\/function/ },
  { name: "an ordered-map tag", text: `${HEAD}accountabilities: !!omap [ a: 1 ]\n`, rule: "schema", message: /should be a list, not a value tagged `!!omap`/ },
  { name: "a binary tag", text: `${HEAD}title: !!binary aGVsbG8=\naccountabilities: []\n`, rule: "schema", message: /should be a text, not a value tagged `!!binary`/ },
  { name: "lone carriage returns as line ends", text: PROBLEMS.replace(/\n/g, "\r"), rule: "yaml-syntax", message: /carriage return alone/ },
  { name: "a control character", text: `${HEAD}title: a\u0007b\naccountabilities: []\n`, rule: "yaml-syntax", message: /control character \(U\+0007\)/ },
  { name: "a lone surrogate from a broken paste", text: `${HEAD}title: a\uD800b\naccountabilities: []\n`, rule: "accountability-missing", message: /./ },
];

let slowest = { name: "", ms: 0 };

function time<T>(name: string, run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  if (ms > slowest.ms) slowest = { name, ms };
  return { value, ms };
}

/** Hover and completion at a few places, the outline and the folds: none throws. */
function editorFeatures(analysis: Analysis): void {
  const { length } = analysis.parsed.text;
  for (const offset of [0, 20, length >> 1, length]) {
    hoverAt(analysis, offset);
    completionsAt(analysis, offset);
  }
  outline(analysis);
  folds(analysis);
}

describe("hostile input in the core", () => {
  for (const { name, text, rule, message } of CASES) {
    test(name, () => {
      const { value: analysis, ms } = time(name, () => {
        const result = analyze(text);
        editorFeatures(result);
        return result;
      });
      assertSound(analysis);
      const found = analysis.findings.find((f) => f.ruleId === rule && message.test(f.message));
      assert.ok(found, `expected a ${rule} finding like ${message}, got ${JSON.stringify(analysis.findings.slice(0, 5).map((f) => f.message))}`);
      assert.ok(ms < LIMIT_MS, `${name}: ${Math.round(ms)} ms for analysis, hover, completion, outline and folds`);
    });
  }

  test(`exactly ${MAX_NESTING} levels are read; one more is refused`, () => {
    // `organization:` is the first level under the root, each `k:` one more.
    const at = (levels: number) => analyze(nestedBlock(levels - 2)).findings.some((f) => /levels deep/.test(f.message));
    assert.equal(at(MAX_NESTING), false);
    assert.equal(at(MAX_NESTING + 1), true);
  });

  /** A line at every indentation below `indent` columns. */
  const indentedLines = (indent: number) => Array.from({ length: indent }, (_, width) => `${" ".repeat(width)}x`);

  test("the shortcut past the nesting count passes only texts the count would pass, up to the limit itself", () => {
    // The deepest texts for their lead and brackets: brackets left open on the first line, then a
    // line at every indentation up to the last one's, which ends with an indicator.
    let deepestPassed = 0;
    for (let indent = 0; indent <= 60; indent++) {
      for (let brackets = 0; brackets <= 60; brackets++) {
        const lines = ["[".repeat(brackets), ...indentedLines(indent), `${" ".repeat(indent)}-`];
        const text = lines.join("\n");
        if (!surelyShallow(text)) continue;
        const depth = nestingDepth(text);
        assert.ok(depth <= MAX_NESTING, `${indent} columns and ${brackets} brackets nest ${depth} deep`);
        deepestPassed = Math.max(deepestPassed, depth);
      }
    }
    assert.equal(deepestPassed, MAX_NESTING);
  });

  test("past half the limit of brackets, the shortcut passes flow lists closed on their line, and only those", () => {
    for (let indent = 0; indent <= 60; indent++) {
      const closed = `${"- [a, b]\n".repeat(200)}${indentedLines(indent).join("\n")}`;
      assert.equal(surelyShallow(closed), indent <= MAX_NESTING / 2, `${indent} columns`);
      if (surelyShallow(closed)) assert.ok(nestingDepth(closed) <= MAX_NESTING);
    }
    // A bracket inside another, one left open, or one whose closing bracket a comment may hide: counted.
    for (const line of ["- [[a]]", "- {a: [b]}", "- [a", "- [a # ]"]) {
      const text = `${"- [a]\n".repeat(60)}${`${line}\n`.repeat(60)}`;
      assert.equal(surelyShallow(text), false, line);
    }
    assert.ok(nestingDepth(`${"- [a # ]\n".repeat(120)}`) > MAX_NESTING, "a hidden closing bracket leaves the list open");
  });

  test("a 1.5 MB job description of 50,000 sentences is analysed in a second (once 29 s: quadratic)", () => {
    const text = `${HEAD}accountabilities: []\njob_description: ${"The CTO runs the service desk. ".repeat(50_000)}\n`;
    const { value: analysis, ms } = time("a 1.5 MB job description", () => analyze(text));
    assertSound(analysis);
    assert.ok(analysis.findings.filter((f) => f.ruleId === "cio-overlap").length > 10_000);
    assert.ok(ms < LIMIT_MS, `${Math.round(ms)} ms`);
  });

  test("a 256 KB word and a 256 KB sentence are analysed like any value", () => {
    for (const value of ["x".repeat(1 << 18), "Run the service desk, ".repeat(12_000)]) {
      const text = `${HEAD}accountabilities:\n  - ${JSON.stringify(value)}\n`;
      const { value: analysis, ms } = time("a 256 KB scalar", () => analyze(text));
      assertSound(analysis);
      assert.ok(ms < LIMIT_MS, `${Math.round(ms)} ms`);
    }
  });

  test("the slowest of them", (t) => {
    t.diagnostic(`hostile input (core): the slowest is "${slowest.name}", ${Math.round(slowest.ms)} ms`);
  });
});

describe("the same charter, written differently, gets the same findings", () => {
  const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".cto-charter.yaml"));
  const signature = (analysis: Analysis) => analysis.findings.map((f) => `${f.ruleId} ${JSON.stringify(f.data ?? {})}`).sort();
  const covered = (analysis: Analysis) => analysis.findings.map((f) => `${f.ruleId} ${analysis.parsed.text.slice(f.range.start, f.range.end).replace(/\r\n/g, "\n")}`);

  for (const file of examples) {
    const text = fs.readFileSync(path.join(EXAMPLES, file), "utf8");
    test(`${file} minified to one line of JSON; fix all keeps it parsing`, () => {
      const minified = JSON.stringify(parse(text));
      const analysis = analyze(minified);
      assertSound(analysis);
      assert.deepEqual(signature(analysis), signature(analyze(text)));
      const fixed = fixAll(minified);
      assert.equal(fixed.analysis.parsed.syntaxErrors.length + fixed.analysis.parsed.structure.length, 0, fixed.text);
    });
  }

  test("with CRLF line ends: each finding covers the same text", () => {
    const crlf = analyze(PROBLEMS.replace(/\n/g, "\r\n"));
    assertSound(crlf);
    assert.deepEqual(covered(crlf), covered(analyze(PROBLEMS)));
  });

  test("with a byte-order mark: each finding covers the same text", () => {
    const bom = analyze(`\uFEFF${PROBLEMS}`);
    assertSound(bom);
    assert.deepEqual(covered(bom), covered(analyze(PROBLEMS)));
  });
});
