/** zod issues land on the smallest offending node, with a did-you-mean where a close word exists. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { didYouMean, editDistance } from "../../server/src/core/did-you-mean";
import { applyFixes } from "../../server/src/core/edits";
import { assertCovers, byRule, CLEAN, replace } from "./helpers";

describe("zod issue ranges", () => {
  test("an unknown key sits on the key, with a did-you-mean fix", () => {
    const text = replace(CLEAN, "practices:", "pratices:");
    const [issue] = byRule(text, "schema");
    assertCovers(text, issue, "pratices");
    assert.match(issue.message, /Did you mean `practices`\?/);
    assert.equal(applyFixes(text, [issue.fixes()[0]]).text, CLEAN);
  });

  test("an unknown nested key names its mapping and lists the allowed keys when nothing is close", () => {
    const text = replace(CLEAN, "  size: large", "  headcount: 5000");
    const [issue] = byRule(text, "schema");
    assertCovers(text, issue, "headcount");
    assert.match(issue.message, /in `organization`.*Allowed keys: name, industry, size, has_cio/);
    assert.deepEqual(issue.fixes(), []);
  });

  test("a bad enum value sits on the value, with a did-you-mean fix", () => {
    const text = replace(CLEAN, "size: large", "size: larg");
    const [issue] = byRule(text, "schema");
    assertCovers(text, issue, "larg");
    assert.match(issue.message, /Did you mean `large`\?/);
    assert.equal(applyFixes(text, issue.fixes()).text, CLEAN);
  });

  test("a misspelt persona sits on the value, in a list too", () => {
    let text = replace(CLEAN, "persona: digital-business-leader", "persona: digital-busines-leader");
    assertCovers(text, byRule(text, "schema")[0], "digital-busines-leader");
    text = replace(CLEAN, "persona: digital-business-leader", "persona: [digital-business-leader, coo-of-itt]");
    const [issue] = byRule(text, "schema");
    assertCovers(text, issue, "coo-of-itt");
    assert.match(issue.message, /Did you mean `coo-of-it`\?/);
  });

  test("a wrong type sits on the value", () => {
    const text = replace(CLEAN, "has_cio: true", "has_cio: yes please");
    const [issue] = byRule(text, "schema");
    assertCovers(text, issue, "yes please");
    assert.match(issue.message, /`organization.has_cio` should be `true` or `false`/);
  });

  test("a missing required key is reported once, at the top", () => {
    const text = replace(CLEAN, "persona: digital-business-leader\n", "");
    const issues = byRule(text, "schema");
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /Missing required key `persona`/);
    assertCovers(text, issues[0], "charter: cto/v1");
  });

  test("the wrong format version sits on the value", () => {
    const text = replace(CLEAN, "charter: cto/v1", "charter: cio/v1");
    const [issue] = byRule(text, "schema");
    assertCovers(text, issue, "cio/v1");
    assert.match(issue.message, /must be `cto\/v1`/);
  });

  test("an accountability item of the wrong shape sits on the item's key or value", () => {
    const text = replace(CLEAN, "  - id: innovation-and-rd\n", "  - idd: innovation-and-rd\n");
    const issues = byRule(text, "schema");
    assertCovers(text, issues.find((i) => i.data?.kind === "unknown-key"), "idd");
    assert.ok(issues.some((i) => /needs an `id` or a `text`/.test(i.message)));
  });

  test("an unknown catalog id sits on the id, with a did-you-mean fix", () => {
    const text = replace(CLEAN, "id: innovation-and-rd", "id: inovation-and-rd");
    const [issue] = byRule(text, "schema");
    assertCovers(text, issue, "inovation-and-rd");
    assert.equal(applyFixes(text, issue.fixes()).text, CLEAN);
  });

  test("numbers out of range and too many personas", () => {
    let text = `${CLEAN}time_allocation: { innovation: 150, it_operations: -50 }\n`;
    const issues = byRule(text, "schema");
    assertCovers(text, issues[0], "150");
    assertCovers(text, issues[1], "-50");
    text = replace(CLEAN, "persona: digital-business-leader", "persona: [digital-business-leader, coo-of-it, it-innovator]");
    assert.match(byRule(text, "schema")[0].message, /at most 2 entries/);
  });
});

describe("did-you-mean", () => {
  test("edit distance counts a transposition as one edit", () => {
    assert.equal(editDistance("reprots", "reports"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
  });

  test("under a limit, edit distance is the full computation's, capped at the limit plus one", () => {
    // The whole matrix, as the banded computation must agree with.
    const full = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(random() * 9) }, () => "abc"[Math.floor(random() * 3)]).join("");
    for (let n = 0; n < 2000; n++) {
      const [a, b] = [word(), word()];
      const distance = full(a, b);
      assert.equal(editDistance(a, b), distance, `${a} → ${b}`);
      for (const limit of [0, 1, 2, 3]) assert.equal(editDistance(a, b, limit), Math.min(distance, limit + 1), `${a} → ${b} within ${limit}`);
    }
  });

  test("offers only close words: at most two edits and under a third of the length", () => {
    assert.equal(didYouMean("larg", ["small", "large"]), "large");
    assert.equal(didYouMean("lrg", ["large"]), undefined);
    assert.equal(didYouMean("reprots_to", ["reports_to", "holder"]), "reports_to");
    assert.equal(didYouMean("accountabilites", ["accountabilities"]), "accountabilities");
    assert.equal(didYouMean("xyzzy", ["title", "holder"]), undefined);
  });

  test("a tie offers nothing rather than a coin toss", () => {
    assert.equal(didYouMean("cat", ["bat", "hat"]), undefined);
    assert.equal(didYouMean("cats", ["bats", "hats"]), undefined);
  });
});
