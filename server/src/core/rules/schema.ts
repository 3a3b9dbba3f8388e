import { isMap, isSeq, type Node } from "yaml";
import type * as z from "zod/mini";
import { charterSchema } from "../../../../schemas/charter";
import { BoundedCache } from "../bounded-cache";
import type { Catalog } from "../catalog";
import { formatPath, keysAt, valuesAt } from "../charter-schema";
import { didYouMean } from "../did-you-mean";
import { replaceNode } from "../edits";
import type { ParsedCharter } from "../parse";
import { NO_FIXES, type Fix, type OffsetRange } from "../types";
import { keyOf, locate, nodeRange } from "../yaml-nav";
import type { DocumentRule, Report } from "./rule";

type Issue = z.core.$ZodIssue;

export const schema: DocumentRule = {
  id: "schema",
  severity: "error",
  scope: "document",
  summary: "The charter must follow the cto/v1 format.",
  doc: `Checks the charter against the \`cto/v1\` format: the required keys (\`charter\`, \`persona\`,
\`accountabilities\`), no unknown keys, the right type for every value, valid enum values, and
accountability ids that exist in the catalog. An empty file, a root that is not a mapping, more
than one YAML document, a key that is not plain text, an alias bomb, and a file too large (over
4 MB) or too deeply nested (over 100 levels) to analyse are reported here too.

Where a key or value is a likely typo (at most two edits away, and fewer than a third of its
length), the message names the intended word and a quick-fix corrects it.`,
  check({ parsed, catalog, report }) {
    for (const problem of parsed.structure) report({ message: problem.message, range: problem.range, fixes: NO_FIXES });
    const root = parsed.root;
    if (!root) return;
    if (parsed.value !== undefined) {
      const memo = parsed.unchangedByFreeText;
      memo.schemaIssues ??= charterSchema.safeParse(parsed.value).error?.issues ?? [];
      for (const issue of flatten(memo.schemaIssues)) report(fromIssue(parsed, root, issue));
    }
    // Ids are strings to the format, but an id the catalog does not know resolves to nothing.
    for (const list of ["accountabilities", "shared_with_cio"]) {
      const seq = locate(root, [list]).value;
      for (const item of isSeq(seq) ? seq.items : []) {
        const idNode = locate(item as Node, ["id"]).value;
        const id = (idNode as { value?: unknown } | undefined)?.value;
        if (!idNode?.range || typeof id !== "string" || catalog.accountabilities.has(id)) continue;
        const suggestion = suggestId(id, catalog);
        report({
          message: `Unknown accountability id \`${id}\`: it is not in the catalog.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
          range: nodeRange(idNode),
          fixes: suggestion ? () => [correction(idNode, suggestion)] : NO_FIXES,
          data: { kind: "unknown-id", value: id },
        });
      }
    }
  },
};

/** Suggestions for unknown ids, per catalog: a misspelt id stays in the text keystroke after keystroke. */
const idSuggestions = new WeakMap<Catalog, BoundedCache<string | undefined>>();

function suggestId(id: string, catalog: Catalog): string | undefined {
  let cache = idSuggestions.get(catalog);
  if (!cache) idSuggestions.set(catalog, (cache = new BoundedCache(1000)));
  return cache.get(id, (own) => didYouMean(own, catalog.accountabilities.keys()));
}

/**
 * A union reports every branch's issues; keep the branch the value was evidently meant for: one that
 * did not reject the value's type at its root (then one that at least took its type), going deepest.
 */
function flatten(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code !== "invalid_union" || issue.errors.length === 0) {
      out.push({ ...issue, path } as Issue);
      continue;
    }
    const rejection = (branch: readonly Issue[]) =>
      branch.some((i) => i.path.length === 0 && i.code === "invalid_type") ? 2 : branch.some((i) => i.path.length === 0 && i.code === "invalid_value") ? 1 : 0;
    const depth = (branch: readonly Issue[]) => Math.max(...branch.map((i) => i.path.length));
    const chosen = issue.errors.reduce((best, branch) =>
      rejection(branch) < rejection(best) || (rejection(branch) === rejection(best) && depth(branch) > depth(best)) ? branch : best,
    );
    out.push(...flatten(chosen, path));
  }
  return out;
}

function fromIssue(parsed: ParsedCharter, root: Node, issue: Issue): Report {
  const path = issue.path;
  const where = formatPath(path) || "The charter";
  const at = locate(root, path);
  const valueNode = at.value;

  if (!at.found && issue.code !== "unrecognized_keys") {
    const missing = String(path[path.length - 1]);
    return {
      message: `Missing required key \`${missing}\`${path.length > 1 ? ` in \`${formatPath(path.slice(0, -1))}\`` : ""}.`,
      range: path.length > 1 ? nodeRange(at.nearest) : firstKeyLine(parsed, root),
      fixes: NO_FIXES,
      data: { kind: "missing-key", value: missing },
    };
  }

  switch (issue.code) {
    case "unrecognized_keys": {
      const [first] = issue.keys;
      const keyNode = keyOf(at.value ?? root, first);
      const allowed = keysAt(path as (string | number)[]).map((k) => k.name);
      // Renaming to a key the mapping already has would only trade this error for a duplicate key.
      const present = new Set(isMap(at.value) ? at.value.items.map((p) => String((p.key as { value?: unknown })?.value)) : []);
      const suggestion = didYouMean(first, allowed.filter((k) => !present.has(k)));
      const context = path.length ? ` in \`${formatPath(path)}\`` : "";
      if (first === "<<") {
        return {
          message: `Merge keys (\`<<\`) are not part of the charter format${context}: write the keys out.`,
          range: keyNode ? nodeRange(keyNode) : nodeRange(at.nearest),
          fixes: NO_FIXES,
          data: { kind: "unknown-key", value: first },
        };
      }
      return {
        message:
          `Unknown key \`${first}\`${context}.` +
          (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Allowed keys: ${allowed.join(", ")}.`),
        range: keyNode ? nodeRange(keyNode) : nodeRange(at.nearest),
        fixes: suggestion && keyNode ? () => [correction(keyNode, suggestion)] : NO_FIXES,
        data: { kind: "unknown-key", value: first },
      };
    }
    case "invalid_type": {
      if (valueNode === undefined) {
        return { message: `\`${where}\` has no value; it should be ${article(issue.expected)}.`, range: nodeRange(at.nearest), fixes: NO_FIXES, data: { kind: "type" } };
      }
      return {
        message: `\`${where}\` should be ${article(issue.expected)}, not ${describe(valueNode)}.`,
        range: nodeRange(valueNode),
        fixes: NO_FIXES,
        data: { kind: "type" },
      };
    }
    case "invalid_value": {
      const allowed = valuesAt(path as (string | number)[]);
      const written = scalarText(valueNode);
      const suggestion = written !== undefined ? didYouMean(written, allowed.length ? allowed : issue.values.map(String)) : undefined;
      const options = (allowed.length ? allowed : issue.values.map(String)).map((v) => `\`${v}\``).join(", ");
      return {
        message:
          `\`${where}\` must be ${issue.values.length === 1 ? options : `one of ${options}`}` +
          `${written !== undefined ? `, not \`${written}\`` : ""}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
        range: nodeRange(valueNode ?? at.nearest),
        fixes: suggestion && valueNode ? () => [correction(valueNode, suggestion)] : NO_FIXES,
        data: { kind: "bad-value", value: written ?? "" },
      };
    }
    case "too_small":
    case "too_big": {
      const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const message =
        issue.origin === "array"
          ? `\`${where}\` takes ${issue.code === "too_small" ? "at least" : "at most"} ${bound} ${bound === 1 ? "entry" : "entries"}.`
          : `\`${where}\` must be ${issue.code === "too_small" ? "at least" : "at most"} ${bound}.`;
      return { message, range: nodeRange(valueNode ?? at.nearest), fixes: NO_FIXES, data: { kind: "range" } };
    }
    default:
      return { message: `\`${where}\`: ${issue.message}`, range: nodeRange(valueNode ?? at.nearest), fixes: NO_FIXES, data: { kind: issue.code } };
  }
}

function correction(node: Node, suggestion: string): Fix {
  return { title: `Change to \`${suggestion}\``, edits: [replaceNode(node, suggestion)], safe: true, preferred: true };
}

function firstKeyLine(parsed: ParsedCharter, root: Node): OffsetRange {
  const start = root.range?.[0] ?? 0;
  return { start, end: parsed.lines.lineEnd(parsed.lines.positionAt(start).line) };
}

function scalarText(node: Node | undefined): string | undefined {
  const value = (node as { value?: unknown } | undefined)?.value;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: "a text",
    number: "a number",
    boolean: "`true` or `false`",
    array: "a list",
    object: "a mapping of keys",
  };
  return names[expected] ?? expected;
}

function describe(node: Node | undefined): string {
  if (!node) return "nothing";
  // A tag (`!!set`, `!!omap`, `!!binary`) makes the value something other than what it looks like.
  if (node.tag) return `a value tagged \`${node.tag.replace(/^tag:yaml\.org,2002:/, "!!")}\``;
  if (isSeq(node)) return "a list";
  if (isMap(node)) return "a mapping";
  const value = (node as { value?: unknown }).value;
  if (value === null) return "an empty value";
  if (typeof value === "string") return `the text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  if (typeof value === "boolean") return `\`${value}\``;
  if (typeof value === "number") return `the number ${value}`;
  return "that value";
}
