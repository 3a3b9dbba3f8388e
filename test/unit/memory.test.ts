/**
 * What the core keeps from one analysis to the next. Its memos hold texts cut from charters, and V8
 * keeps a cut text as a view into the whole charter: a memo that kept the views would keep one copy
 * of the charter per keystroke (bounded-cache.ts).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { analyze } from "../../server/src/core/analyze";
import { BoundedCache } from "../../server/src/core/bounded-cache";
import { CLEAN } from "./helpers";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;
const MiB = 1024 * 1024;

function retainedBy(work: () => void): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  work();
  collectGarbage();
  return process.memoryUsage().heapUsed - before;
}

test("a memo keeps its keys, not the texts they were cut from", () => {
  const cache = new BoundedCache<string>(100);
  const retained = retainedBy(() => {
    for (let i = 0; i < 40; i++) {
      const charter = `${"#".repeat(1_000_000)}\npurpose: Own the technology strategy ${i}\n`;
      const purpose = charter.slice(charter.indexOf("Own"), -1);
      assert.equal(cache.get(purpose, (own) => own.toUpperCase()), `OWN THE TECHNOLOGY STRATEGY ${i}`);
    }
  });
  // Each charter above is a megabyte: keeping them would retain 40 MiB.
  assert.ok(retained < 4 * MiB, `retained ${(retained / MiB).toFixed(1)} MiB`);
  assert.equal(cache.get("Own the technology strategy 7", () => "computed again"), "OWN THE TECHNOLOGY STRATEGY 7", "and still finds them");
});

test("typing into a long charter does not keep a copy of it per keystroke", () => {
  const items = Array.from({ length: 2000 }, (_, i) => `  - text: Run vendor programme ${i} for the product teams\n`).join("");
  const charter = `${CLEAN}${items}`.replace("accountabilities:\n", `accountabilities:\n  - text: Own the cloud platform\n`);
  let analysis = analyze(charter);
  const typed = "Own the cloud platform".length;
  const keystrokes = 150;
  const retained = retainedBy(() => {
    let text = charter;
    for (let i = 0; i < keystrokes; i++) {
      // Each keystroke a new word: every version's text is new to the matcher's memo.
      const at = charter.indexOf("Own the cloud platform") + typed;
      text = `${text.slice(0, at)} ${String.fromCharCode(97 + (i % 26))}${text.slice(at)}`;
      analysis = analyze(text, {}, analysis);
    }
  });
  const copies = retained / charter.length;
  assert.ok(copies < 30, `${keystrokes} keystrokes kept ${(retained / MiB).toFixed(1)} MiB, ${copies.toFixed(0)} copies of the ${(charter.length / 1024).toFixed(0)} KiB charter`);
  assert.ok(analysis.findings.length > 0);
});
