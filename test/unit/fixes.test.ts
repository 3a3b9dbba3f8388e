/**
 * Every fix the core offers, on the examples and on charters full of problems: it removes the finding
 * it was offered for, keeps every comment and every line outside its edit, and the result parses.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { analyze } from "../../server/src/core/analyze";
import { applyFixes } from "../../server/src/core/edits";
import { fixAll } from "../../server/src/core/fix-all";
import type { Finding } from "../../server/src/core/types";
import { CLEAN, replace } from "./helpers";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

/** Hand-made charters that exercise every fix in its awkward places: flow lists, missing keys, CRLF. */
const TRICKY: Record<string, string> = {
  "flow lists": `charter: cto/v1 # format
persona: business-enabler
accountabilities: [Negotiate vendor contracts, Run the service desk, { id: product-engineering }]
shared_with_cio: []
practices: [Hold a weekly staff meeting]
`,
  "missing lists at the end, no final newline": `# a charter with the least in it
charter: cto/v1
persona: coo-of-it # the persona
accountabilities:
  - Run the service desk   # keep this comment`,
  "empty list key": `charter: cto/v1
persona: it-innovator
accountabilities:
practices:
`,
  "only item removed": `charter: cto/v1
persona: digital-business-leader
accountabilities:
  - Manage the IT budget # only one
`,
  CRLF: CLEAN.replace(/\n/g, "\r\n").replace("practices:", "# before\r\npratices:") + "  - Run the service desk\r\n",
  problems: `${replace(CLEAN, "size: large", "size: larg")}also_cio: false
reports_to_x: ceo
time_allocation: { innovation: 30, it_operations: 60 }
`,
};

function corpus(): [string, string][] {
  const examples = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".cto-charter.yaml"));
  assert.ok(examples.length >= 5, "the examples are there");
  return [...examples.map((f) => [f, fs.readFileSync(path.join(EXAMPLES, f), "utf8")] as [string, string]), ...Object.entries(TRICKY)];
}

/** What identifies a finding across an edit: its rule, its data and the text it covers. */
function key(text: string, f: Finding): string {
  return `${f.ruleId}|${JSON.stringify(f.data ?? {})}|${text.slice(f.range.start, f.range.end)}`;
}

function comments(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => /(^|\s)#/.test(line)).map((line) => line.slice(line.search(/(^|\s)#/)).trim());
}

describe("every offered fix", () => {
  for (const [name, text] of corpus()) {
    test(name, () => {
      const before = analyze(text);
      const syntaxBefore = before.findings.filter((f) => f.ruleId === "yaml-syntax").length;
      let checked = 0;
      for (const finding of before.findings) {
        for (const fix of finding.fixes()) {
          const result = applyFixes(text, [fix]);
          assert.equal(result.skipped.length, 0);
          const after = analyze(result.text);
          const label = `${name}: "${fix.title}" for ${finding.ruleId}`;
          assert.equal(after.findings.filter((f) => f.ruleId === "yaml-syntax").length, syntaxBefore, `${label}: still parses`);
          const count = (a: typeof before, t: string) => a.findings.filter((f) => key(t, f) === key(text, finding)).length;
          assert.ok(count(after, result.text) < count(before, text), `${label}: the finding is gone`);
          // Outside its edits, the text is byte-identical; comments outside a removed range survive.
          const first = Math.min(...fix.edits.map((e) => e.start));
          const last = Math.max(...fix.edits.map((e) => e.end));
          assert.equal(result.text.slice(0, first), text.slice(0, first), `${label}: prefix untouched`);
          assert.ok(result.text.endsWith(text.slice(last)), `${label}: suffix untouched`);
          const removed = fix.edits.map((e) => text.slice(e.start, e.end)).join("\n");
          for (const comment of comments(text)) {
            if (!removed.includes(comment)) assert.ok(result.text.includes(comment), `${label}: keeps comment ${comment}`);
          }
          for (const edit of fix.edits) {
            if (edit.newText) assert.ok(!edit.newText.includes(text.slice(edit.start, edit.end)) || edit.start === edit.end || edit.newText.length < 80, `${label}: edits are minimal`);
          }
          checked++;
        }
      }
      const fixable = before.findings.some((f) => f.fixes().length > 0);
      assert.equal(checked > 0, fixable);
    });
  }
});

describe("fix all", () => {
  for (const [name, text] of corpus()) {
    test(`${name}: reaches a fixed point and leaves no safe fix behind`, () => {
      const once = fixAll(text);
      const twice = fixAll(once.text);
      assert.equal(twice.text, once.text);
      assert.equal(twice.applied, 0);
      assert.deepEqual(once.analysis.findings.filter((f) => f.fixes().some((x) => x.safe)).map((f) => f.message), []);
      for (const comment of comments(text)) assert.ok(once.text.includes(comment), `keeps ${comment}`);
    });
  }

  test("adds every missing core accountability in one go, in order", () => {
    const text = "charter: cto/v1\npersona: coo-of-it\naccountabilities:\n  - id: it-operations\n    metrics: [uptime]\n";
    const { text: fixed } = fixAll(text);
    assert.ok(fixed.startsWith(text.trimEnd()));
    assert.match(fixed, /  - id: it-operations\n    metrics: \[uptime\]\n  - id: joint-technology-roadmap\n  - id: it-service-availability\n  - id: it-modernization-procurement\npractices:\n  - /);
  });
});
