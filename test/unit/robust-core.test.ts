/**
 * The core under failure and on awkward layouts. One failing rule costs one finding, never the
 * analysis: it reports an internal error at the top of the file, keeps what it reported before it
 * failed, and every other rule still runs (tested with rules of the test's own, handed to analyze();
 * nothing in the product can make a rule fail). Then regressions found by the fuzz tests
 * (test/fuzz/core.test.ts): fixes that once lost a comment, the user's text or the file's validity,
 * and editor features that once threw.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { analyze } from "../../server/src/core/analyze";
import { applyFixes } from "../../server/src/core/edits";
import { fixAll } from "../../server/src/core/fix-all";
import { RULES } from "../../server/src/core/rules";
import type { Rule } from "../../server/src/core/rules/rule";
import { NO_FIXES, type Finding, type Fix } from "../../server/src/core/types";
import { completionsAt } from "../../server/src/services/completion";
import { assertSound } from "../fuzz/support";

const PROBLEMS = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "problems.cto-charter.yaml"), "utf8");

function failing(id: string, scope: Rule["scope"], fail: () => never, reportFirst = false): Rule {
  const meta = { id, severity: "warning" as const, summary: "Fails on purpose.", doc: "A test rule." };
  const check = ({ report }: { report: (f: Omit<Finding, "ruleId" | "severity">) => void }) => {
    if (reportFirst) report({ message: "reported before failing", range: { start: 0, end: 7 }, fixes: NO_FIXES });
    fail();
  };
  return { ...meta, scope, check } as Rule;
}

const overflow = (): never => {
  const deeper = (n: number): number => deeper(n + 1) + 1;
  deeper(0);
  throw new Error("unreachable");
};

const CASES: { name: string; rule: Rule; message: RegExp }[] = [
  { name: "an exception", rule: failing("exploding", "charter", () => { throw new TypeError("Cannot read properties of undefined"); }), message: /Internal error in rule exploding: Cannot read properties of undefined\. The other rules still ran/ },
  { name: "a thrown string", rule: failing("exploding", "charter", () => { throw "a string"; }), message: /Internal error in rule exploding: a string\./ },
  { name: "a stack overflow", rule: failing("exploding", "charter", overflow), message: /Internal error in rule exploding: Maximum call stack size exceeded/ },
  { name: "a document rule's exception", rule: failing("exploding", "document", () => { throw new Error("boom"); }), message: /Internal error in rule exploding: boom/ },
];

/** The findings of the shipped rules, by what they say and where. */
const shipped = (findings: Finding[]) => findings.filter((f) => f.ruleId !== "exploding").map((f) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message}`);

describe("a rule that fails is contained", () => {
  const normal = analyze(PROBLEMS);
  for (const { name, rule, message } of CASES) {
    test(`${name}: one internal-error finding in its name, and every other rule's findings`, () => {
      // First, in the middle and last: its place in the order changes nothing for the others.
      for (const rules of [[rule, ...RULES], [...RULES.slice(0, 5), rule, ...RULES.slice(5)], [...RULES, rule]]) {
        const analysis = analyze(PROBLEMS, { rules });
        const internal = analysis.findings.filter((f) => f.ruleId === "exploding");
        assert.equal(internal.length, 1);
        assert.match(internal[0].message, message);
        assert.equal(internal[0].severity, "warning", "with the rule's configured severity");
        assert.deepEqual(internal[0].data, { internal: true });
        assert.deepEqual(internal[0].range, { start: 0, end: PROBLEMS.indexOf("\n") }, "on the first line");
        assert.deepEqual(shipped(analysis.findings), shipped(normal.findings));
      }
    });
  }

  test("what it reported before it failed is kept", () => {
    const analysis = analyze(PROBLEMS, { rules: [failing("exploding", "charter", () => { throw new Error("late"); }, true), ...RULES] });
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === "exploding").map((f) => f.message).sort(), ["Internal error in rule exploding: late. The other rules still ran; please report this.", "reported before failing"]);
  });

  test("switched off, it does not run at all", () => {
    const analysis = analyze(PROBLEMS, { rules: [CASES[0].rule, ...RULES], severities: { exploding: "off" } });
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === "exploding"), []);
  });

  test("fix all still fixes what the other rules offer", () => {
    const rules = [CASES[0].rule, ...RULES];
    const fixed = fixAll(PROBLEMS, { rules });
    assert.equal(fixed.text, fixAll(PROBLEMS).text);
    assert.equal(fixed.analysis.findings.filter((f) => f.ruleId === "exploding").length, 1);
  });

  test("on an empty file and on a root that is not a mapping", () => {
    for (const text of ["", "- a list\n", "\u0000\uFFFD"]) {
      const analysis = analyze(text, { rules: [CASES[3].rule, ...RULES] });
      assert.equal(analysis.findings.filter((f) => f.ruleId === "exploding").length, 1, JSON.stringify(text));
      assert.ok(analysis.findings.some((f) => f.ruleId === "schema" || f.ruleId === "yaml-syntax"));
    }
  });
});

/** The text after the first fix whose title matches, offered for a finding of `rule`. */
function fixed(text: string, rule: string, title: RegExp): string {
  const fix = analyze(text)
    .findings.filter((f) => f.ruleId === rule)
    .flatMap((f) => f.fixes())
    .find((f: Fix) => title.test(f.title));
  assert.ok(fix, `a fix like ${title} for ${rule}`);
  return applyFixes(text, [fix]).text;
}

const parses = (text: string) => {
  const { parsed } = analyze(text);
  return parsed.syntaxErrors.length + parsed.structure.length === 0;
};

describe("fixes on awkward layouts", () => {
  test("a practice added under `practices:` with only a comment after it leaves that line as it was", () => {
    const text = "charter: cto/v1\npersona: coo-of-it\naccountabilities: []\npractices:  # to agree with the CIO\n";
    const after = fixed(text, "recommendation-missing", /Add practice/);
    assert.match(after, /\npractices: {2}# to agree with the CIO\n {2}- Agree clearly mapped authority/);
    // Once, the comment ended up glued to the new entry and so became part of its text.
    assert.ok(parses(after));
  });

  test("a practice added where `practices` holds a single text keeps that text as the first entry", () => {
    const text = "charter: cto/v1\npersona: coo-of-it\naccountabilities: []\npractices: Review the roadmap monthly\n";
    assert.match(fixed(text, "recommendation-missing", /Add practice/), /\npractices:\n {2}- Review the roadmap monthly\n {2}- Agree clearly/);
  });

  test("`practices: null` becomes the list, in block and in JSON text: null is no entry to keep", () => {
    const block = "charter: cto/v1\npersona: coo-of-it\naccountabilities: []\npractices: null  # c\n";
    assert.match(fixed(block, "recommendation-missing", /Add practice/), /\npractices:\n {2}- Agree clearly[^\n]*# c\n$/);
    const json = '{"charter":"cto/v1","persona":"coo-of-it","accountabilities":[],"practices":null}';
    assert.match(fixed(json, "recommendation-missing", /Add practice/), /"practices":\[Agree clearly[^\]]*\]\}$/);
  });

  test("removing the only accountability keeps the comment on the key's line and the comment above the entry", () => {
    const text = "charter: cto/v1\npersona: digital-business-leader\naccountabilities:  # keep me\n  # the only one\n  - Run the service desk\n# after\n";
    assert.equal(fixed(text, "cio-overlap", /Remove/), "charter: cto/v1\npersona: digital-business-leader\naccountabilities: []  # keep me\n  # the only one\n# after\n");
  });

  test("removing the last entry of a file without a final line break leaves no empty line", () => {
    const text = "charter: cto/v1\npersona: digital-business-leader\naccountabilities:\n  - id: digital-products\n  - Run the service desk";
    assert.equal(fixed(text, "cio-overlap", /Remove/), "charter: cto/v1\npersona: digital-business-leader\naccountabilities:\n  - id: digital-products");
  });

  test("an entry added to a flow list written one entry a line goes after the last entry, not before the `]`", () => {
    const text = "charter: cto/v1\npersona: [digital-business-leader]\naccountabilities: [\n  technology-strategy\n]\n";
    const after = fixed(text, "accountability-missing", /business-model-innovation/);
    assert.equal(after, "charter: cto/v1\npersona: [digital-business-leader]\naccountabilities: [\n  technology-strategy, { id: business-model-innovation }\n]\n");
    assert.ok(parses(after));
  });

  test("removing an entry of a flow list written one entry a line takes its line, and keeps its neighbour's comment", () => {
    const text = "charter: cto/v1\npersona: coo-of-it\naccountabilities: [\n  it-operations,\n  { id: joint-technology-roadmap },  # agreed\n  it-operations\n]\n";
    const after = fixed(text, "duplicate-accountability", /Remove/);
    assert.equal(after, "charter: cto/v1\npersona: coo-of-it\naccountabilities: [\n  it-operations,\n  { id: joint-technology-roadmap }  # agreed\n]\n");
    assert.ok(parses(after));
  });

  test("an entry added to an unclosed flow list stays inside the text", () => {
    const text = "charter: cto/v1\npersona: it-innovator\naccountabilities: [digital-products id: x }, { id: it-operations }]\n";
    const analysis = analyze(text);
    assertSound(analysis);
  });
});

describe("fixes on a charter written as one line of JSON", () => {
  test("a misspelt key is corrected inside its quotes", () => {
    const text = '{"charter":"cto/v1","persona":"coo-of-it","accountabilities":[],"pratices":["x"]}';
    assert.equal(fixed(text, "schema", /practices/), '{"charter":"cto/v1","persona":"coo-of-it","accountabilities":[],"practices":["x"]}');
  });

  test("a missing key goes in before the closing brace, and fix all ends on a charter that parses", () => {
    const text = '{"charter":"cto/v1","persona":"coo-of-it"}';
    const result = fixAll(text).text;
    assert.match(result, /^\{"charter":"cto\/v1","persona":"coo-of-it", accountabilities: \[\{ id: it-operations \}, .*\], practices: \[.*\]\}$/);
    assert.ok(parses(result));
  });
});

describe("fix all, when fixes collide", () => {
  test("several missing accountabilities and no `accountabilities` key: one key, every entry", () => {
    const result = fixAll("persona: [digital-business-leader]").text;
    assert.equal(result.match(/^accountabilities:/gm)?.length, 1, result);
    assert.match(result, /accountabilities:\n {2}- id: business-model-innovation\n {2}- id: innovation-and-rd\n {2}- id: innovation-investment-authority\n {2}- id: digital-products\n/);
  });

  test("a misspelt `pratices` is renamed before a practice is added, so the user's entry is kept", () => {
    const text = "charter: cto/v1\npersona: it-innovator\naccountabilities: []\npratices: [Review the innovation pipeline]\n";
    const result = fixAll(text);
    assert.equal(result.text.match(/^practices:/gm)?.length, 1, result.text);
    assert.match(result.text, /practices: \[Review the innovation pipeline, /);
    assert.equal(fixAll(result.text).applied, 0, "a fixed point");
  });
});

describe("completion on lines the line index and the parser split differently", () => {
  for (const [name, text] of [
    ["a line separator (U+2028) in a value", "charter: cto/v1\npersona: coo\u2028of-it\n"],
    ["a lone carriage return", "charter: cto/v1\rpersona: \r"],
    ["between CR and LF", "charter: cto/v1\r\npersona: x\r\n"],
  ] as const) {
    test(`${name}: no exception at any offset`, () => {
      const analysis = analyze(text);
      for (let offset = 0; offset <= text.length; offset++) completionsAt(analysis, offset);
    });
  }
});
