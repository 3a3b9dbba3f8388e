/**
 * Job description sentences: a split that starts from the previous version's gives exactly what a
 * split of the whole text gives, whatever the edit and the scalar's style, and it reads again only
 * the sentences around the change.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDocument, type Scalar } from "yaml";
import { splitSentences, type SentenceMaker, type SourceSentence, type Split } from "../../server/src/core/sentences";
import { random } from "../fixtures/random";

const SENTENCES = [
  "Set the technology strategy with the CEO.",
  "Lead the R&D unit; run the innovation lab",
  "Grow revenue 3.5 times by 2030!",
  "Does the CTO own the data platform?",
  "Own the architecture of customer-facing products",
  "--",
  "Report to the board every quarter.",
];

/** One job description per scalar style, with bullets, a sentence across lines and an escape. */
const STYLES: Record<string, string> = {
  literal: `job_description: |\n${SENTENCES.map((s) => `  ${s}`).join("\n")}\n  - Hire the engineering leaders\n  • Keep the budget\n`,
  folded: `job_description: >\n  ${SENTENCES.slice(0, 3).join(" ")}\n  ${SENTENCES.slice(3).join("\n  ")}\n`,
  plain: `job_description: ${SENTENCES.slice(0, 4).join(" ")}\n  ${SENTENCES.slice(4).join(" ")}\n`,
  quoted: `job_description: "${SENTENCES.slice(0, 3).join(" ")}\\tRun\\u0020the platform team. ${SENTENCES[6]}"\n`,
  // Sentences that repeat, and escapes that keep some from being found: where the search starts matters.
  repeated: `job_description: "Own it. Run\\x41it. Own it; Own\\u0020it. Run it. Own it. Run\\tit. Own it."\n`,
};

const SNIPPETS = [" ", "x", "Ab", ".", ". ", "! ", "?", ";", "\n  ", "\n  - ", "3.5", "--", "é", " CIO", "\u00a0", "  ", "Own it. ", "\\t", "\\x41"];

const plain = (sentence: SourceSentence): SourceSentence => ({ text: sentence.text, range: sentence.range });
/** Counts the sentences made anew. */
const counting = () => {
  const maker = { made: 0, make: (sentence: SourceSentence) => (maker.made++, plain(sentence)), move: (sentence: SourceSentence, range: SourceSentence["range"]) => ({ text: sentence.text, range }) };
  return maker;
};

function jobDescription(text: string): Scalar | undefined {
  const doc = parseDocument(text);
  const node = doc.get("job_description", true);
  return doc.errors.length === 0 && node && typeof (node as Scalar).value === "string" ? (node as Scalar) : undefined;
}

function split(text: string, previous?: Split<SourceSentence>, maker: SentenceMaker<SourceSentence> = counting()): Split<SourceSentence> | undefined {
  const node = jobDescription(text);
  return node && splitSentences(text, node, maker, previous);
}

/** A random insertion, deletion or same-length replacement inside the value. */
function edit(text: string, next: () => number): string {
  const start = text.indexOf(":") + 2;
  const at = start + Math.floor(next() * (text.length - start));
  const snippet = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
  const roll = next();
  if (roll < 0.5) return text.slice(0, at) + snippet + text.slice(at);
  if (roll < 0.7) return text.slice(0, at) + snippet + text.slice(Math.min(text.length - 1, at + snippet.length));
  return text.slice(0, at) + text.slice(Math.min(text.length - 1, at + 1 + Math.floor(next() * 5)));
}

describe("an incremental split of the job description", () => {
  for (const [style, start] of Object.entries(STYLES)) {
    test(`equals a whole split after every edit: ${style}`, () => {
      const next = random(style.length * 31);
      let checked = 0;
      for (let run = 0; run < 40; run++) {
        let text = start;
        let previous = split(text);
        assert.ok(previous, `the ${style} example parses`);
        for (let k = 0; k < 25; k++) {
          const changed = edit(text, next);
          const incremental = split(changed, previous);
          if (!incremental) continue;
          assert.deepEqual(incremental.sentences.map(plain), split(changed)!.sentences, JSON.stringify(changed));
          text = changed;
          previous = incremental;
          checked++;
        }
      }
      assert.ok(checked > 300, `${checked} edits checked`);
    });
  }

  test("reads again only the sentence typed in, and keeps the others' objects", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `  Sentence number ${i} of the role, about platform ${i % 7}.`);
    const text = `job_description: |\n${lines.join("\n")}\n`;
    const before = split(text)!;
    const at = text.indexOf("number 150 ") + "number 150".length;
    const maker = counting();
    const after = split(text.slice(0, at) + "0" + text.slice(at), before, maker)!;
    assert.equal(maker.made, 1);
    assert.equal(after.sentences[150].text, "Sentence number 1500 of the role, about platform 3.");
    assert.equal(after.sentences[149], before.sentences[149], "a sentence before the change is the same object");
    assert.deepEqual(after.sentences[151].range, { start: before.sentences[151].range.start + 1, end: before.sentences[151].range.end + 1 });
  });

  test("a sentence first found inside an earlier one that was not found is searched for again when that one changes", () => {
    // "RunAOwn it." is not in the source as written (an escape), so the search for "Own it." starts before it.
    const text = `job_description: "Run\\x41Own it. Own it."\n`;
    const before = split(text)!;
    assert.equal(before.sentences[1].range.start, text.indexOf("Own it."));
    const changed = text.replace("Own it.", "Owm it.");
    assert.deepEqual(split(changed, before)!.sentences.map(plain), split(changed)!.sentences);
    assert.equal(split(changed, before)!.sentences[1].range.start, changed.indexOf("Own it."));
  });

  test("a job description moved by an edit above it keeps its sentences, moved", () => {
    const text = STYLES.literal;
    const before = split(text)!;
    const maker = counting();
    const after = split(`# a comment\n${text}`, before, maker)!;
    assert.equal(maker.made, 0);
    assert.deepEqual(after.sentences.map(plain), split(`# a comment\n${text}`)!.sentences);
  });
});
