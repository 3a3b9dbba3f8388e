/** allMatches (server/src/core/regex.ts): matchAll's results without matchAll's copy of the expression. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { allMatches } from "../../server/src/core/regex";

const summary = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => [m.index, m[0], m[1]]);

test("finds what matchAll finds, empty matches included, and leaves the expression ready for the next text", () => {
  const cases: [RegExp, string][] = [
    [/\b(\w)\w*/g, "Run the service desk, then the data centre."],
    [/x*/g, "axxb"],
    [/not|never/gi, "Not this, NEVER that, and not the other."],
    [/zzz/g, "nothing here"],
  ];
  for (const [pattern, text] of cases) {
    assert.deepEqual(summary(allMatches(pattern, text)), summary(text.matchAll(pattern)), `${pattern} on ${text}`);
    assert.equal(pattern.lastIndex, 0);
  }
  // A search left half-way elsewhere does not make it start late.
  const word = /\w+/g;
  word.exec("first second");
  assert.deepEqual(summary(allMatches(word, "one two")), [[0, "one", undefined], [4, "two", undefined]]);
});

test("never constructs a copy of the expression, as matchAll does", () => {
  let copies = 0;
  class Counted extends RegExp {
    static get [Symbol.species]() {
      copies++;
      return RegExp;
    }
  }
  const pattern = new Counted("a", "g");
  assert.equal(allMatches(pattern, "banana").length, 3);
  assert.equal(copies, 0);
  [..."banana".matchAll(pattern)];
  assert.equal(copies, 1, "the test's own check: matchAll does copy");
});
