/**
 * The analysis core on generated and broken charters: no exception escapes, every finding and every
 * editor answer has a range inside the text, no rule fails, and analysing the same text again gives
 * the same findings (the caches carry nothing over). Then every fix the core offers, applied
 * alone: it keeps every comment and every line outside its edit, the result parses no worse, and the
 * finding it was offered for is gone; and "fix all" reaches a fixed point.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { analyze, type Analysis } from "../../server/src/core/analyze";
import { applyFixes, minimalEdit } from "../../server/src/core/edits";
import { fixAll } from "../../server/src/core/fix-all";
import type { Finding, Fix, TextEdit } from "../../server/src/core/types";
import { disableLineEdit } from "../../server/src/services/code-actions";
import { completionsAt } from "../../server/src/services/completion";
import { hoverAt } from "../../server/src/services/hover";
import { folds, outline } from "../../server/src/services/outline";
import { personaFitReport } from "../../server/src/services/persona-fit";
import { withFixes } from "../unit/helpers";
import { assertRange, assertSound, brokenText, charterText, EXAMPLES, params } from "./support";

/** Hover, completion, outline, folds and the persona-fit report at a few offsets: none throws, all stay in the text. */
function assertServices(analysis: Analysis, offsets: readonly number[]): void {
  const { text } = analysis.parsed;
  for (const raw of offsets) {
    const offset = raw % (text.length + 1);
    const hover = hoverAt(analysis, offset);
    if (hover) assertRange(hover.range, text, "hover");
    for (const c of completionsAt(analysis, offset)) assertRange(c.replace, text, `completion ${c.label}`);
  }
  const walk = (symbols: ReturnType<typeof outline>): void => {
    for (const s of symbols) {
      assertRange(s.range, text, `symbol ${s.name}`);
      assertRange(s.selection, text, `symbol ${s.name}`);
      walk(s.children);
    }
  };
  walk(outline(analysis));
  for (const fold of folds(analysis)) assert.ok(0 <= fold.startLine && fold.startLine < fold.endLine && fold.endLine < analysis.parsed.lines.lineCount);
  personaFitReport(analysis);
  for (const finding of analysis.findings) {
    const edit = disableLineEdit(analysis, finding);
    if (edit) assertRange(edit, text, "disable comment");
  }
}

describe("the core never fails, whatever the text", () => {
  for (const [name, texts, base, what] of [
    ["generated charters", charterText, 80, "generated"],
    ["mutated examples and charters: edits, pastes, indentation, hostile bytes", brokenText, 120, "mutated"],
  ] as const) {
    test(name, (t) => {
      let runs = 0;
      fc.assert(
        fc.property(texts, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (text, offsets) => {
          const analysis = analyze(text);
          assertSound(analysis);
          assertServices(analysis, offsets);
          // The core's caches carry nothing from one analysis into the next.
          assert.deepEqual(withFixes(analyze(text).findings), withFixes(analysis.findings));
          runs++;
        }),
        params(base),
      );
      t.diagnostic(`fuzz: ${runs} ${what} charters analysed`);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Fixes
// ---------------------------------------------------------------------------------------------

/** What identifies a finding across an edit: its rule, its data and the text it covers. */
function key(text: string, f: Finding): string {
  return `${f.ruleId}|${JSON.stringify(f.data ?? {})}|${text.slice(f.range.start, f.range.end)}`;
}

/** Where a line's comment starts: a `#` at the start or after white space, outside quotes; -1 for none. */
function commentStart(line: string): number {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === "\\") i++;
      else if (c === '"') quote = "";
    } else if (quote === "'") {
      if (c === "'" && line[i + 1] === "'") i++;
      else if (c === "'") quote = "";
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]))) {
      quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) {
      return i;
    }
  }
  return -1;
}

/** The text's lines, each with its content (without the comment) and its comment, if any. */
function lineInfo(text: string): { start: number; end: number; content: string; comment?: string }[] {
  const out: { start: number; end: number; content: string; comment?: string }[] = [];
  let start = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const body = line.replace(/\r?\n$/, "");
    const at = commentStart(body);
    out.push({ start, end: start + body.length, content: (at >= 0 ? body.slice(0, at) : body).trim(), comment: at >= 0 ? body.slice(at).trim() : undefined });
    start += line.length;
  }
  return out;
}

/**
 * A fix may remove a comment only together with its line's content (the line goes whole), or a
 * comment line inside an item it removes whole (between two of the item's removed lines). Every other
 * comment survives: full-line comments above or below an entry, trailing comments on lines it keeps.
 */
function assertKeepsComments(text: string, result: string, edits: readonly TextEdit[], label: string): void {
  const lines = lineInfo(text);
  const covers = (edit: TextEdit, i: number) => edit.end > edit.start && edit.start <= lines[i].start && lines[i].end <= edit.end;
  const mayGo: string[] = [];
  lines.forEach((line, i) => {
    const edit = line.comment ? edits.find((e) => covers(e, i)) : undefined;
    if (!edit) return;
    const contentAround = (from: number, step: number) => {
      for (let j = from; j >= 0 && j < lines.length && covers(edit, j); j += step) if (lines[j].content) return true;
      return false;
    };
    if (line.content || (contentAround(i - 1, -1) && contentAround(i + 1, 1))) mayGo.push(line.comment!);
  });
  const count = (t: string) => {
    const counts = new Map<string, number>();
    for (const line of lineInfo(t)) if (line.comment) counts.set(line.comment, (counts.get(line.comment) ?? 0) + 1);
    return counts;
  };
  const after = count(result);
  for (const [comment, n] of count(text)) {
    const allowed = mayGo.filter((c) => c === comment).length;
    assert.ok((after.get(comment) ?? 0) >= n - allowed, `${label}: drops the comment "${comment}"\n--- before\n${text}\n--- after\n${result}`);
  }
}

/** Lines outside the lines an edit touches are byte-identical, in order. */
function assertLinesOutside(text: string, result: string, edits: readonly TextEdit[], label: string): void {
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  const headEnd = text.lastIndexOf("\n", first - 1) + 1;
  let tailStart = text.indexOf("\n", last);
  tailStart = tailStart < 0 ? text.length : tailStart;
  assert.ok(result.startsWith(text.slice(0, headEnd)), `${label}: a line before the edit changed`);
  assert.ok(result.endsWith(text.slice(tailStart)), `${label}: a line after the edit changed`);
}

/** The top-level entries whose data differs between two parses; a renamed key that kept its value is one. */
function changedKeys(before: Analysis, after: Analysis): string[] {
  const a = (before.parsed.value ?? {}) as Record<string, unknown>;
  const b = (after.parsed.value ?? {}) as Record<string, unknown>;
  const json = (v: unknown) => JSON.stringify(v);
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => json(a[k]) !== json(b[k]));
  const removed = changed.filter((k) => !(k in b));
  const renamed = changed.filter((k) => !(k in a) && removed.some((r) => json(a[r]) === json(b[k])));
  return changed.filter((k) => !renamed.includes(k));
}

const syntaxErrors = (a: Analysis) => a.findings.filter((f) => f.ruleId === "yaml-syntax").length + a.parsed.structure.length;

interface Tally {
  fixes: number;
  charters: number;
}

/** Checks one fix, applied alone, on `text`. */
function checkFix(text: string, before: Analysis, finding: Finding, fix: Fix, label: string): void {
  const result = applyFixes(text, [fix]);
  assert.equal(result.skipped.length, 0, `${label}: its own edits overlap`);
  const after = analyze(result.text);
  assertSound(after);
  assert.ok(syntaxErrors(after) <= syntaxErrors(before), `${label}: the result does not parse as well\n--- before\n${text}\n--- after\n${result.text}\n${JSON.stringify(after.findings.filter((f) => f.ruleId === "yaml-syntax" || f.ruleId === "schema").map((f) => f.message))}`);
  const count = (a: Analysis, t: string) => a.findings.filter((f) => key(t, f) === key(text, finding)).length;
  assert.ok(count(after, result.text) < count(before, text), `${label}: the finding is still there\n--- after\n${result.text}`);
  assertLinesOutside(text, result.text, fix.edits, label);
  assertKeepsComments(text, result.text, fix.edits, label);
  // A fix changes the entries it edits and nothing else of the data.
  const changed = changedKeys(before, after);
  assert.ok(changed.length <= fix.edits.length, `${label}: changed ${changed.join(", ")}\n--- before\n${text}\n--- after\n${result.text}`);
}

function checkAllFixes(text: string, tally: Tally): void {
  const before = analyze(text);
  for (const finding of before.findings) {
    const offered = [...finding.fixes()];
    const disable = disableLineEdit(before, finding);
    if (disable) offered.push({ title: "disable for this line", edits: [disable], safe: false });
    for (const fix of offered) {
      checkFix(text, before, finding, fix, `"${fix.title}" for ${finding.ruleId} "${finding.message}"`);
      tally.fixes++;
    }
  }
  const once = fixAll(text);
  const twice = fixAll(once.text);
  assert.equal(twice.text, once.text, "fix all reaches a fixed point");
  assert.equal(twice.applied, 0);
  assert.ok(syntaxErrors(once.analysis) <= syntaxErrors(before), `fix all: the result does not parse as well\n${once.text}`);
  assertKeepsComments(text, once.text, [], "fix all");
  tally.fixes += once.applied;
  tally.charters++;
}

describe("every fix the core offers", () => {
  test("on the examples", (t) => {
    const tally: Tally = { fixes: 0, charters: 0 };
    for (const text of EXAMPLES) checkAllFixes(text, tally);
    t.diagnostic(`fuzz: ${tally.fixes} fixes applied and verified on ${tally.charters} examples`);
  });

  test("on generated charters", (t) => {
    const tally: Tally = { fixes: 0, charters: 0 };
    fc.assert(
      fc.property(charterText, (text) => checkAllFixes(text, tally)),
      params(40),
    );
    t.diagnostic(`fuzz: ${tally.fixes} fixes applied and verified on ${tally.charters} generated charters`);
  });
});

describe("the single edit between two versions (minimalEdit, which incremental parsing relies on)", () => {
  // Long texts, so the chunked comparison runs, with edits anywhere, including surrogate pairs.
  const unit = fc.constantFrom("a", "b", " ", "\n", "😀", "é");
  const text = fc.array(unit, { maxLength: 2000 }).map((units) => units.join(""));
  test("applied to the old text it gives the new one, and it keeps the longest common prefix and suffix", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(30), fc.array(unit, { maxLength: 20 }), (before, at, removed, inserted) => {
        const start = at % (before.length + 1);
        const after = before.slice(0, start) + inserted.join("") + before.slice(Math.min(before.length, start + removed));
        const edit = minimalEdit(before, after);
        if (before === after) return assert.equal(edit, undefined);
        assert.ok(edit);
        assert.equal(before.slice(0, edit.start) + edit.newText + before.slice(edit.end), after);
        // Minimal: widening the edit by one character on either side is never needed.
        const keptSuffix = before.length - edit.end;
        const surrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
        if (edit.start < Math.min(before.length, after.length) - keptSuffix && !surrogate(before.charCodeAt(edit.start))) {
          assert.notEqual(before[edit.start], after[edit.start], "the prefix could be longer");
        }
      }),
      params(200),
    );
  });
});
