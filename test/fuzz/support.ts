/**
 * What the fuzz tests share: the seed and run counts, generators of charters (well-formed ones in
 * every layout a person might write, and broken ones), edits as an editor sends them, and the checks
 * every analysis must pass whatever its input.
 *
 * Reproducible: every property runs from FUZZ_SEED (a fixed default), and a failure prints the seed
 * and path that replay it. FUZZ_RUNS multiplies every run count (`npm run fuzz` sets it).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import type { Analysis } from "../../server/src/core/analyze";
import { builtinCatalog } from "../../server/src/core/builtin-catalog";
import { RULES_BY_ID } from "../../server/src/core/rules";
import type { OffsetRange } from "../../server/src/core/types";

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);
const SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1));

/** fast-check parameters for a property that runs `base` times in `npm test`. */
export function params(base: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.round(base * SCALE), includeErrorInReport: true };
}

const EXAMPLES_DIR = path.join(__dirname, "..", "..", "examples");

export const EXAMPLES: readonly string[] = fs
  .readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith(".cto-charter.yaml"))
  .sort()
  .map((f) => fs.readFileSync(path.join(EXAMPLES_DIR, f), "utf8"));

const catalog = builtinCatalog();
const IDS = [...catalog.accountabilities.keys()];
const PERSONAS = [...catalog.personas.keys()];
const PHRASES = [...catalog.accountabilities.values()].flatMap((a) => (a.match ?? []).slice(0, 3));
const RECOMMENDATIONS = [...catalog.personas.values()].flatMap((p) => p.recommendations.map((r) => r.text));
const SENTENCES = [
  "The CTO owns the digital product platform.",
  "The CIO runs internal IT and the service desk.",
  "They lead R&D and the innovation lab; they report to the CEO.",
  "Manage the IT budget and vendor contracts.",
  "Run day-to-day IT operations across the group!",
  "Build the data platform behind our products?",
];

// ---------------------------------------------------------------------------------------------
// Well-formed charters in many layouts: indentation, list styles, comments, line ends, key order.
// ---------------------------------------------------------------------------------------------

interface Layout {
  eol: "\n" | "\r\n";
  /** Spaces per level. */
  unit: 2 | 4;
  /** Block list items indented under their key, or at the key's own column. */
  indentedLists: boolean;
  blankBetween: boolean;
}

/** One top-level entry as lines, before indentation and line ends are chosen. */
type Entry = (layout: Layout) => string[];

const comment = fc.constantFrom("# note", "# TODO agree with the CIO", "#", "# charter: not a key", "# - not an item", "# ünïcödé ✓");
const trailing = fc.option(comment.map((c) => `  ${c}`), { nil: "", freq: 3 });
const typo = (word: string) =>
  fc.nat(word.length - 1).chain((i) => fc.constantFrom("x", "", word[i] + word[i]).map((c) => word.slice(0, i) + c + word.slice(i + 1)));
/** The ways to write a text as a scalar: plain where YAML reads it back unchanged, quoted either way. */
const scalar = (text: string) => {
  const plainSafe = !/^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|[:\s]$/.test(text);
  return fc.constantFrom(...(plainSafe ? [text] : []), JSON.stringify(text), `'${text.replace(/'/g, "''")}'`);
};
const freeText = fc.oneof(fc.constantFrom(...PHRASES), fc.constantFrom(...SENTENCES), fc.constantFrom("Lead: the platform", "Own [things], {more}", "Don't #hashtag", "Ünïcode ✓ 😀 text"));
const metrics = fc.option(
  fc.oneof(
    fc.array(fc.constantFrom("uptime", "cost per user", "NPS, quarterly"), { maxLength: 3 }).map((m) => ({ flow: true, items: m })),
    fc.array(fc.constantFrom("uptime", "cost per user", "time to restore"), { minLength: 1, maxLength: 2 }).map((m) => ({ flow: false, items: m })),
  ),
  { nil: undefined },
);

/** One list item: its first line's text (after `- `), that line's comment, and its further lines (relative indentation). */
interface Item {
  first: string;
  comment: string;
  more: string[];
}

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.tuple(fc.constantFrom(...IDS), trailing).map(([id, comment]) => ({ first: id, comment, more: [] })),
  fc.tuple(freeText.chain(scalar), trailing).map(([first, comment]) => ({ first, comment, more: [] })),
  fc.tuple(fc.oneof(fc.constantFrom(...IDS), typo("it-operations")), metrics, trailing, fc.boolean()).map(([id, m, comment, inner]) => ({
    first: `id: ${id}`,
    comment,
    more: [...(inner ? ["# inside the item"] : []), ...metricLines(m)],
  })),
  fc.tuple(freeText.chain(scalar), metrics, trailing).map(([text, m, comment]) => ({ first: `text: ${text}`, comment, more: metricLines(m) })),
  fc.tuple(fc.constantFrom(...IDS), trailing).map(([id, comment]) => ({ first: `{ id: ${id} }`, comment, more: [] })),
  fc.tuple(freeText, metrics).map(([text, m]) => ({ first: "text: |", comment: "", more: [`  ${text}`, ...metricLines(m)] })),
);

function metricLines(m: { flow: boolean; items: string[] } | undefined): string[] {
  if (!m) return [];
  if (m.flow) return [`metrics: [${m.items.map((x) => (x.includes(",") ? JSON.stringify(x) : x)).join(", ")}]`];
  return ["metrics:", ...m.items.map((x) => `  - ${x}`)];
}

type ListStyle = "block" | "flow" | "flow-lines" | "empty-flow" | "null" | "scalar";

function list(key: string, items: fc.Arbitrary<Item>, max: number): fc.Arbitrary<Entry> {
  return fc
    .tuple(
      fc.constantFrom<ListStyle>("block", "block", "block", "flow", "flow-lines", "empty-flow", "null", "scalar"),
      fc.array(fc.tuple(items, fc.option(comment, { nil: undefined, freq: 6 })), { minLength: 1, maxLength: max }),
      trailing,
    )
    .map(([style, entries, c]): Entry => (layout) => {
      const pad = " ".repeat(layout.unit);
      switch (style) {
        case "null":
          return [`${key}:${c}`];
        case "scalar":
          return [`${key}: a single value${c}`];
        case "empty-flow":
          return [`${key}: []${c}`];
        case "flow":
        case "flow-lines": {
          // Inside `[…]` a plain scalar cannot hold brackets, braces or commas: such entries stay out.
          const flowSafe = (f: string) => f.startsWith("{ ") || !/[[\]{},]/.test(f.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, ""));
          const flat = entries.filter(([e]) => e.more.length === 0 && flowSafe(e.first)).map(([e]) => (/^(id|text): /.test(e.first) ? `{ ${e.first} }` : e.first));
          if (style === "flow") return [`${key}: [${flat.join(", ")}]${c}`];
          // One entry a line, as JSON-minded people write it, with a comment here and there.
          return [`${key}: [${c}`, ...flat.map((f, i) => `${pad}${f}${i < flat.length - 1 ? "," : ""}${i % 2 ? "  # entry" : ""}`), "]"];
        }
        default: {
          const dash = layout.indentedLists ? pad : "";
          const lines = [`${key}:${c}`];
          for (const [e, before] of entries) {
            if (before) lines.push(`${dash}${before}`);
            lines.push(`${dash}- ${e.first}${e.comment}`);
            for (const more of e.more) lines.push(`${dash}  ${more}`);
          }
          return lines;
        }
      }
    });
}

const scalarEntry = (key: string, value: fc.Arbitrary<string>): fc.Arbitrary<Entry> =>
  fc.tuple(value, trailing).map(([v, c]): Entry => () => [`${key}: ${v}${c}`]);

const organization: fc.Arbitrary<Entry> = fc
  .tuple(
    fc.oneof(fc.constantFrom("small", "medium", "large", "extra-large"), typo("large")),
    fc.boolean(),
    fc.boolean(),
    trailing,
  )
  .map(([size, hasCio, flow, c]): Entry => (layout) => {
    const pad = " ".repeat(layout.unit);
    if (flow) return [`organization: { name: Acme, size: ${size}, has_cio: ${hasCio} }${c}`];
    return ["organization:", `${pad}name: Acme Bank${c}`, `${pad}size: ${size}`, `${pad}has_cio: ${hasCio}`];
  });

const persona: fc.Arbitrary<Entry> = fc.oneof(
  scalarEntry("persona", fc.oneof(fc.constantFrom(...PERSONAS), fc.constantFrom(...PERSONAS).chain(typo))),
  fc.uniqueArray(fc.constantFrom(...PERSONAS), { minLength: 1, maxLength: 2 }).map((ids): Entry => () => [`persona: [${ids.join(", ")}]`]),
);

const timeAllocation: fc.Arbitrary<Entry> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom("innovation", "business_operations", "it_operations", "talent", "inovation"), fc.nat(100)), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([pairs, flow]): Entry => (layout) => {
    const unique = [...new Map(pairs).entries()];
    if (flow) return [`time_allocation: { ${unique.map(([k, v]) => `${k}: ${v}`).join(", ")} }`];
    return ["time_allocation:", ...unique.map(([k, v]) => `${" ".repeat(layout.unit)}${k}: ${v}`)];
  });

const jobDescription: fc.Arbitrary<Entry> = fc
  .tuple(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }), fc.constantFrom("|", ">", "plain"))
  .map(([sentences, style]): Entry => (layout) =>
    style === "plain" ? [`job_description: ${JSON.stringify(sentences.join(" "))}`] : [`job_description: ${style}`, ...sentences.map((s) => `${" ".repeat(layout.unit)}${s}`)],
  );

const practice = fc
  .oneof(fc.constantFrom(...RECOMMENDATIONS), fc.constantFrom("Hold a weekly staff meeting", "Review: the roadmap"))
  .chain(scalar)
  .map((first) => ({ first, comment: "", more: [] }));

const layout: fc.Arbitrary<Layout> = fc.record({
  eol: fc.constantFrom<Layout["eol"]>("\n", "\n", "\r\n"),
  unit: fc.constantFrom<Layout["unit"]>(2, 2, 4),
  indentedLists: fc.boolean(),
  blankBetween: fc.boolean(),
});

/** Optional entries, each present or not; `persona`, `charter` and `accountabilities` almost always there. */
const entries: fc.Arbitrary<Entry[]> = fc
  .record({
    header: fc.option(comment.map((c): Entry => () => [c, "# second header line"]), { nil: undefined }),
    charter: fc.option(scalarEntry("charter", fc.oneof(fc.constant("cto/v1"), fc.constant("cto/v2"))), { nil: undefined, freq: 12 }),
    title: fc.option(scalarEntry("title", fc.constantFrom("Chief Technology Officer", '"CTO: group"')), { nil: undefined }),
    organization: fc.option(organization, { nil: undefined }),
    persona: fc.option(persona, { nil: undefined, freq: 12 }),
    reports: fc.option(scalarEntry("reports_to", fc.oneof(fc.constantFrom("ceo", "cio", "cfo", "board"), typo("ceo"))), { nil: undefined }),
    alsoCio: fc.option(scalarEntry("also_cio", fc.constantFrom("true", "false")), { nil: undefined, freq: 4 }),
    accountabilities: fc.option(list("accountabilities", item, 6), { nil: undefined, freq: 12 }),
    shared: fc.option(list("shared_with_cio", fc.constantFrom(...IDS).map((id) => ({ first: id, comment: "", more: [] })), 3), { nil: undefined }),
    time: fc.option(timeAllocation, { nil: undefined }),
    practices: fc.option(list("practices", practice, 3), { nil: undefined }),
    job: fc.option(jobDescription, { nil: undefined }),
    unknown: fc.option(fc.constantFrom("pratices", "acountabilities", "persna", "holder_x").chain((key) => scalarEntry(key, fc.constant("x"))), { nil: undefined, freq: 6 }),
  })
  .chain((r) => {
    const present = Object.values(r).filter((e): e is Entry => e !== undefined);
    // Keys in any order now and then: fixes must find lists that are not where they usually are.
    return fc.oneof({ weight: 3, arbitrary: fc.constant(present) }, { weight: 1, arbitrary: fc.shuffledSubarray(present, { minLength: present.length }) });
  });

const blockCharter: fc.Arbitrary<string> = fc.tuple(entries, layout, fc.boolean(), fc.boolean()).map(([list, lay, marker, finalNewline]) => {
  const lines: string[] = marker ? ["---"] : [];
  for (const entry of list) {
    lines.push(...entry(lay));
    if (lay.blankBetween) lines.push("");
  }
  const text = lines.join(lay.eol);
  return finalNewline ? text + lay.eol : text.replace(/(\r?\n)+$/, "");
});

/** A charter that parses, in one of many layouts (now and then minified to one line of JSON), with or without the problems the rules look for. */
export const charterText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: blockCharter },
  { weight: 1, arbitrary: blockCharter.map((text) => JSON.stringify(parse(text) ?? {})) },
);

// ---------------------------------------------------------------------------------------------
// Broken charters: the examples and generated charters, mutated the way typing and pasting do.
// ---------------------------------------------------------------------------------------------

/** What a person types or pastes into a charter, hostile bytes included. */
const FRAGMENTS: readonly string[] = [
  "- ", "  - ", "id: ", "text: ", "metrics: [", "]", "[", "{", "}", ": ", ":", ",", "#", " # c",
  "# charter-disable-next-line cio-overlap", "# charter-disable", "\n", "\r\n", "\r", "\t", "  ",
  "'", '"', "&a ", "*a", "<<: *a", "!!str ", "!tag ", "|\n", ">-\n", "---\n", "...\n", "? ", "%YAML 1.2\n",
  "persona: coo-of-it\n", "persona: [it-innovator, coo-of-it]", "accountabilities:\n  - Run the service desk\n",
  "shared_with_cio: [it-operations]\n", "practices:\n- x\n", "also_cio: true\n", "time_allocation: {innovation: 50}\n",
  "\uFEFF", "😀", "\u0000", "\uFFFD", "\uD800", "é", "charter: cto/v1\n", "job_description: |\n  The CIO runs IT.\n",
  ...IDS.slice(0, 8), ...PHRASES.slice(0, 8),
];

export type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "indent"; at: number; lines: number; by: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "swap-lines"; at: number; other: number };

export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...EXAMPLES), fc.nat(), fc.nat(400)).map(([text, at, length]) => slice(text, at, length)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fragment }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.nat(120)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("indent" as const), at: fc.nat(), lines: fc.integer({ min: 1, max: 4 }), by: fc.constantFrom(-4, -2, -1, 1, 2, 4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), other: fc.nat() }) },
);

function slice(text: string, at: number, length: number): string {
  const start = at % (text.length + 1);
  return text.slice(start, start + length);
}

/** A mutation as one replacement of `start..end` by `text`, on the given text. */
export function asEdit(text: string, m: Mutation): { start: number; end: number; text: string } {
  const at = m.at % (text.length + 1);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return line;
  };
  const lineEnd = (line: number) => (line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length);
  switch (m.kind) {
    case "insert":
      return { start: at, end: at, text: m.text };
    case "delete":
      return { start: at, end: Math.min(text.length, at + m.length), text: "" };
    case "indent": {
      const first = lineOf(at);
      const last = Math.min(lineStarts.length - 1, first + m.lines - 1);
      const start = lineStarts[first];
      const end = lineEnd(last);
      const block = text.slice(start, end).replace(/^( *)/gm, (lead: string) => " ".repeat(Math.max(0, lead.length + m.by)));
      return { start, end, text: block };
    }
    case "duplicate-line": {
      const line = lineOf(at);
      const content = text.slice(lineStarts[line], lineEnd(line));
      return { start: lineStarts[line], end: lineStarts[line], text: content.endsWith("\n") ? content : `${content}\n` };
    }
    case "swap-lines": {
      const a = lineOf(at);
      const b = lineOf(m.other % (text.length + 1));
      const [x, y] = a < b ? [a, b] : [b, a];
      if (x === y) return { start: at, end: at, text: "" };
      const lineX = text.slice(lineStarts[x], lineEnd(x)).replace(/\r?\n$/, "");
      const lineY = text.slice(lineStarts[y], lineEnd(y)).replace(/\r?\n$/, "");
      const middle = text.slice(lineEnd(x), lineStarts[y]);
      const tail = text.slice(lineStarts[y] + lineY.length, lineEnd(y));
      const head = text.slice(lineStarts[x] + lineX.length, lineEnd(x));
      return { start: lineStarts[x], end: lineEnd(y), text: lineY + head + middle + lineX + tail };
    }
  }
}

function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    const edit = asEdit(current, m);
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
  }
  return current;
}

/** An example or a generated charter, with a few mutations. */
export const brokenText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.constantFrom(...EXAMPLES), charterText), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, mutations]) => mutate(text, mutations));

// ---------------------------------------------------------------------------------------------
// What every analysis must satisfy, whatever the text.
// ---------------------------------------------------------------------------------------------

export function assertRange(range: OffsetRange, text: string, what: string): void {
  assert.ok(
    Number.isInteger(range.start) && Number.isInteger(range.end) && 0 <= range.start && range.start <= range.end && range.end <= text.length,
    `${what}: range ${JSON.stringify(range)} is not inside a text of ${text.length} characters`,
  );
}

/** Every finding has a known rule, a message, and ranges inside the text; no rule failed; fixes are well-formed. */
export function assertSound(analysis: Analysis): void {
  const { text } = analysis.parsed;
  for (const finding of analysis.findings) {
    const what = `${finding.ruleId} "${finding.message}"`;
    assert.ok(RULES_BY_ID.has(finding.ruleId), `${what}: unknown rule`);
    assert.ok(!finding.data?.internal, `a rule failed: ${finding.message}`);
    assert.ok(finding.message.length > 0);
    assertRange(finding.range, text, what);
    for (const related of finding.related ?? []) assertRange(related.range, text, `${what}, related`);
    for (const fix of finding.fixes()) {
      const edits = [...fix.edits].sort((a, b) => a.start - b.start);
      edits.forEach((edit, i) => {
        assertRange(edit, text, `${what}, fix "${fix.title}"`);
        if (i > 0) assert.ok(edits[i - 1].end <= edit.start || edits[i - 1].start === edit.start, `${what}, fix "${fix.title}": overlapping edits`);
      });
    }
  }
}
