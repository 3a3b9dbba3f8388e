/** The charter shown in the README is what a new user copies first: it must lint clean. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { analyze } from "../../server/src/core/analyze";

test("the README's example charter has no findings", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const example = /```yaml\n(charter: cto\/v1[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, "the README shows a charter");
  assert.deepEqual(analyze(example).findings.map((f) => `${f.ruleId}: ${f.message}`), []);
});
