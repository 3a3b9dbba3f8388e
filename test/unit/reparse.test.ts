/**
 * Parsing a version from the previous one (reparse.ts) must give exactly what a full parse gives:
 * every node with its kind, range and value, every problem, the plain data. Random keystrokes, typed
 * one after another as in an editor, on charters of every layout the shortcut might misread.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { analyze } from "../../server/src/core/analyze";
import { acceptsAnyString } from "../../server/src/core/charter-schema";
import { parseCharter, type ParsedCharter } from "../../server/src/core/parse";
import { reparseCharter } from "../../server/src/core/reparse";
import { CLEAN, withFixes } from "./helpers";
import { random } from "../fixtures/random";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

const LAYOUTS = [
  CLEAN,
  CLEAN.replace(/\n/g, "\r\n"),
  `charter: cto/v1
persona: [coo-of-it, it-innovator]   # blended
accountabilities:
  - 'Run the service desk: all of it'
  - "Own the \\"data\\" platform"
  - text: Lead the lab
      and the studio
    metrics: [a, "b, c", {x: 1}]
  - &first Plain text with trailing spaces   
  - *first
job_description: >-
  The CTO owns products.

  The CIO runs internal IT.
practices: |+
  keep

holder: end without a newline`,
  `charter: cto/v1
persona: business-enabler
accountabilities:
  - id: it-budget # the budget
  -
    text: 12
    metrics:
      - 3.5
      - true
job_description: |2
    indented more than needed.
   Less.
organization: {name: Acme, size: large}
`,
];

const TYPED = "a Z9 :#-'\"[]{},&*!|>%@`?\t.";

/**
 * A keystroke: mostly a letter typed at the cursor, which then moves on, as when typing a word;
 * sometimes the cursor jumps (anywhere, or to a line's end), or punctuation, a deletion or a paste
 * comes instead.
 */
function keystroke(text: string, cursor: number, next: () => number): { text: string; cursor: number } {
  const anywhere = Math.floor(next() * (text.length + 1));
  const lineEnd = text.indexOf("\n", anywhere) < 0 ? text.length : text.indexOf("\n", anywhere);
  const jump = next();
  const at = jump < 0.15 ? anywhere : jump < 0.3 ? lineEnd : Math.min(cursor, text.length);
  const roll = next();
  if (roll < 0.6) return { text: text.slice(0, at) + (next() < 0.8 ? "e" : TYPED[Math.floor(next() * TYPED.length)]) + text.slice(at), cursor: at + 1 };
  if (roll < 0.85) return { text: text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3)), cursor: at };
  return { text: text.slice(0, at) + "new words" + text.slice(at), cursor: at + 9 };
}

/** Everything a parse says, in a comparable form. */
function describe(parsed: ParsedCharter): unknown {
  const node = (n: unknown): unknown => {
    if (n === null || n === undefined) return n;
    if (isPair(n)) return { key: node(n.key), value: node(n.value) };
    const base = n as Node & { anchor?: string; tag?: string; comment?: string | null; commentBefore?: string | null; spaceBefore?: boolean };
    const common = { range: base.range, anchor: base.anchor, tag: base.tag, comment: base.comment, commentBefore: base.commentBefore, spaceBefore: base.spaceBefore };
    if (isScalar(n)) return { ...common, scalar: n.value, type: n.type, source: n.source };
    if (isMap(n) || isSeq(n)) return { ...common, flow: n.flow, items: n.items.map(node) };
    return { ...common, other: String(n) };
  };
  const { doc } = parsed;
  return {
    text: parsed.text,
    value: parsed.value,
    syntaxErrors: parsed.syntaxErrors,
    structure: parsed.structure,
    eol: parsed.eol,
    lines: Array.from({ length: parsed.lines.lineCount }, (_, line) => [parsed.lines.lineStart(line), parsed.lines.lineEnd(line)]),
    doc: doc && { range: doc.range, contents: node(doc.contents), errors: doc.errors.map((e) => [e.code, e.pos]), warnings: doc.warnings.map((e) => [e.code, e.pos]) },
  };
}

test("a version parsed from the previous one equals a full parse, keystroke after keystroke", () => {
  const texts = [...LAYOUTS, ...fs.readdirSync(EXAMPLES).map((f) => fs.readFileSync(path.join(EXAMPLES, f), "utf8"))];
  let patched = 0;
  texts.forEach((start, i) => {
    const next = random(i + 1);
    let text = start;
    let cursor = 0;
    let parsed = parseCharter(text);
    for (let k = 0; k < 150; k++) {
      const stroke = keystroke(text, cursor, next);
      const typed = stroke.text;
      cursor = stroke.cursor;
      const full = parseCharter(typed);
      const previousDoc = parsed.doc;
      parsed = reparseCharter(parsed, typed);
      if (parsed.doc && parsed.doc === previousDoc) patched++;
      assert.deepEqual(describe(parsed), describe(full), `after typing into layout ${i}:\n${typed}`);
      // A keystroke that broke the charter is undone now and then, as users do.
      text = full.structure.length && next() < 0.5 ? text : typed;
      if (text !== typed) parsed = parseCharter(text);
    }
  });
  // The shortcut must actually be taken for typing in values, or this test checks nothing.
  assert.ok(patched > 200, `only ${patched} keystrokes were parsed in place`);
});

test("analysing from the previous version gives the same findings as analysing afresh", () => {
  // The examples too: problems.cto-charter.yaml keeps schema findings that typing in free text must not lose.
  const texts = [CLEAN, ...LAYOUTS, ...fs.readdirSync(EXAMPLES).map((f) => fs.readFileSync(path.join(EXAMPLES, f), "utf8"))];
  let shared = 0;
  texts.forEach((start, i) => {
    const next = random(99 + i);
    let text = start;
    let cursor = 0;
    let previous = analyze(text);
    for (let k = 0; k < 100; k++) {
      ({ text, cursor } = keystroke(text, cursor, next));
      const current = analyze(text, {}, previous);
      if (current.parsed.unchangedByFreeText === previous.parsed.unchangedByFreeText) shared++;
      assert.deepEqual(withFixes(current.findings), withFixes(analyze(text).findings), text);
      previous = current;
    }
  });
  // Validation is carried over for keystrokes in free text, or the comparison checks nothing of it.
  assert.ok(shared > 30, `validation carried over on only ${shared} keystrokes`);
});

test("validation is carried over only where the format takes any string", () => {
  assert.equal(acceptsAnyString(["accountabilities", 0]), true, "a plain-string accountability");
  assert.equal(acceptsAnyString(["accountabilities", 2, "text"]), true);
  assert.equal(acceptsAnyString(["accountabilities", 2, "metrics", 0]), true);
  assert.equal(acceptsAnyString(["job_description"]), true);
  assert.equal(acceptsAnyString(["persona"]), false, "an enum");
  assert.equal(acceptsAnyString(["charter"]), false, "a literal");
  assert.equal(acceptsAnyString(["organization", "size"]), false);
  assert.equal(acceptsAnyString(["time_allocation", "innovation"]), false, "a number");
  assert.equal(acceptsAnyString(["no_such_key"]), false);
});
