/**
 * Completion: keys valid at the cursor, persona ids, accountability ids (the persona's missing core
 * first), enum values, recommended practices, rule ids in suppression comments, and a snippet for a
 * whole accountability item.
 */
import type { Domain } from "../../../schemas/catalog";
import type { Analysis } from "../core/analyze";
import { describeValue, keysAt, schemaAt, valuesAt } from "../core/charter-schema";
import { yamlScalar } from "../core/edits";
import { RULES } from "../core/rules";
import { coreIds, coveredIds } from "../core/rules/ownership";
import { reflects } from "../core/rules/recommendation-missing";
import type { OffsetRange } from "../core/types";
import { cursorContext, type CursorContext } from "./cursor-context";
import { accountabilityMarkdown, domainLabel, personaMarkdown, ruleMarkdown } from "./markdown";
import type { Segment } from "./node-at";

export type CompletionKind = "key" | "persona" | "accountability" | "value" | "practice" | "rule" | "snippet";

export interface Completion {
  label: string;
  kind: CompletionKind;
  /** One line beside the label: a summary or a title. */
  detail?: string;
  /** A short tag at the right of the list, e.g. an accountability's domain. */
  tag?: string;
  documentation?: string;
  insertText: string;
  /** `insertText` uses snippet syntax (tab stops, choices). */
  snippet?: boolean;
  replace: OffsetRange;
  /** Orders the list; the client filters it by the label unless this is set. */
  sortText: string;
  filterText?: string;
}

/** A new item of a list, before its entries are known: where it goes and how it starts. */
interface Slot {
  replace: OffsetRange;
  /** Put before each insert: `- ` when the dash is not typed yet, a space after a bare colon. */
  lead: string;
}

export function completionsAt(analysis: Analysis, offset: number): Completion[] {
  // A file too large to analyse would be read line by line for nothing (seconds for 20 MB).
  if (analysis.parsed.limited) return [];
  const context = cursorContext(analysis.parsed.text, analysis.parsed.lines, offset);
  if (!context) return [];
  if (context.kind === "rule-id") return ruleIds(context);
  if (context.kind === "value") return values(analysis, context.path, context);
  return entries(analysis, context);
}

function ruleIds(context: Extract<CursorContext, { kind: "rule-id" }>): Completion[] {
  return RULES.filter((rule) => !context.present.includes(rule.id)).map((rule, i) => ({
    label: rule.id,
    kind: "rule",
    detail: rule.summary,
    documentation: ruleMarkdown(rule),
    insertText: rule.id,
    replace: context.replace,
    sortText: order(0, i),
  }));
}

/** The value of a scalar at `path`, or of a list item when `path` ends in an item index. */
function values(analysis: Analysis, path: Segment[], slot: Slot): Completion[] {
  const [head, index, field] = path;
  if (head === "persona" && (path.length === 1 || (path.length === 2 && typeof index === "number"))) return personas(analysis, slot);
  if ((head === "accountabilities" || head === "shared_with_cio") && typeof index === "number" && field === "id" && path.length === 3) {
    return accountabilities(analysis, head, slot, "");
  }
  return valuesAt(path).map((value, i) => ({
    label: value,
    kind: "value",
    detail: describeValue(value),
    insertText: slot.lead + value,
    replace: slot.replace,
    sortText: order(0, i),
  }));
}

function entries(analysis: Analysis, context: Extract<CursorContext, { kind: "entry" }>): Completion[] {
  const { path } = context;
  const keys = context.listItem ? [] : keysAt(path).filter((k) => !context.present.includes(k.name));
  const isList = schemaAt([...path, 0]) !== undefined;
  if (!context.listItem && (keys.length > 0 || !isList)) return keyCompletions(keys, context.replace);
  const slot = { replace: context.replace, lead: context.dashTyped ? "" : "- " };
  const [head] = path;
  const items: Completion[] = [];
  if (path.length === 1 && (head === "accountabilities" || head === "shared_with_cio")) {
    if (head === "accountabilities") items.push(...itemSnippet(analysis, slot));
    items.push(...accountabilities(analysis, head, slot, "id: "));
  } else if (path.length === 1 && head === "practices") {
    items.push(...practices(analysis, slot));
  } else {
    items.push(...values(analysis, [...path, 0], slot));
  }
  // After a typed dash, an item may also start as a mapping: offer its keys (`id:`, `text:`…).
  if (context.dashTyped) items.push(...keyCompletions(keysAt([...path, 0]), context.replace, 1));
  return items;
}

function keyCompletions(keys: ReturnType<typeof keysAt>, replace: OffsetRange, group = 0): Completion[] {
  return keys.map((key, i) => ({
    label: key.name,
    kind: "key",
    detail: key.required ? "required" : undefined,
    documentation: key.description,
    insertText: `${key.name}: `,
    replace,
    // Required keys first, then the format's own order.
    sortText: order(group * 2 + (key.required ? 0 : 1), i),
  }));
}

function personas({ catalog }: Analysis, slot: Slot): Completion[] {
  return [...catalog.personas.values()].map((persona, i) => ({
    label: persona.id,
    kind: "persona",
    detail: persona.summary,
    documentation: personaMarkdown(persona, catalog),
    insertText: slot.lead + persona.id,
    replace: slot.replace,
    sortText: order(0, i),
  }));
}

/** Domains a list is most likely to want first. */
const DOMAIN_ORDER: Record<"accountabilities" | "shared_with_cio", Domain[]> = {
  accountabilities: ["cto", "shared", "cio"],
  shared_with_cio: ["shared", "cio", "cto"],
};

/**
 * Catalog accountabilities not yet in the list, each labelled with its domain. In `accountabilities`
 * the declared persona's missing core ones come first: they are what the charter lacks.
 */
function accountabilities(analysis: Analysis, list: "accountabilities" | "shared_with_cio", slot: Slot, key: string): Completion[] {
  const { catalog, model } = analysis;
  const listed = new Set(((list === "accountabilities" ? model?.accountabilities : model?.shared) ?? []).flatMap((i) => (i.resolution ? [i.resolution.accountability.id] : [])));
  const missing = model && list === "accountabilities" ? setMinus(coreIds(model, catalog), coveredIds(model)) : new Set<string>();
  return [...catalog.accountabilities.values()]
    .filter((a) => !listed.has(a.id))
    .map((a) => {
      const group = missing.has(a.id) ? 0 : 1 + DOMAIN_ORDER[list].indexOf(a.domain);
      return {
        label: a.id,
        kind: "accountability" as const,
        detail: missing.has(a.id) ? `${a.title} (missing core accountability)` : a.title,
        tag: domainLabel(a.domain),
        documentation: accountabilityMarkdown(a, catalog),
        insertText: `${slot.lead}${key}${a.id}`,
        replace: slot.replace,
        sortText: `${group}-${a.id}`,
      };
    });
}

/** A whole accountability item: an id to choose (missing core ones first) and a metric to fill in. */
function itemSnippet(analysis: Analysis, slot: Slot): Completion[] {
  const ids = accountabilities(analysis, "accountabilities", slot, "")
    .sort((a, b) => a.sortText.localeCompare(b.sortText))
    .map((c) => c.label);
  if (ids.length === 0) return [];
  return [
    {
      label: "accountability with metrics",
      kind: "snippet",
      detail: "An accountability by catalog id, with a metric to fill in",
      insertText: `${slot.lead}id: \${1|${ids.join(",")}|}\n  metrics:\n    - \${2:how success is measured}`,
      snippet: true,
      replace: slot.replace,
      sortText: order(0, 0),
      filterText: `${slot.lead}id`,
    },
  ];
}

/** The declared personas' recommendations that no practice reflects yet. */
function practices({ catalog, model }: Analysis, slot: Slot): Completion[] {
  const written = model?.practices.map((p) => p.text) ?? [];
  const recommendations = (model?.personas ?? []).flatMap((p) => catalog.personas.get(p.id)?.recommendations ?? []);
  return recommendations
    .filter((r) => !written.some((text) => reflects(text, r)))
    .map((r, i) => ({
      label: r.text,
      kind: "practice" as const,
      detail: "A recommended practice of the declared persona",
      insertText: slot.lead + yamlScalar(r.text),
      replace: slot.replace,
      sortText: order(0, i),
    }));
}

function setMinus<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a].filter((x) => !b.has(x)));
}

function order(group: number, index: number): string {
  return `${group}-${String(index).padStart(3, "0")}`;
}
