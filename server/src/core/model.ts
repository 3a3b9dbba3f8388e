/**
 * YAML with positions → the typed charter the rules read. Built leniently from the syntax tree, so
 * rules still run on a document with schema errors: a value of the wrong type is simply absent here
 * (the schema rule reports it).
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { PERSONA_IDS, type PersonaId } from "../../../schemas/catalog";
import type { Accountability, Catalog } from "./catalog";
import type { Match } from "./matcher";
import type { ParsedCharter } from "./parse";
import { BoundedCache } from "./bounded-cache";
import { splitSentences, type SentenceMaker, type Split } from "./sentences";
import type { OffsetRange } from "./types";
import { nodeRange } from "./yaml-nav";

export interface Resolution {
  accountability: Accountability;
  /** How the item named it: by catalog id, or by free text that the matcher resolved. */
  via: "id" | "text";
  /** For `via: "text"`: confidence, evidence and phrases. */
  match?: Match;
}

export type ListKey = "accountabilities" | "shared_with_cio";

export interface Item {
  list: ListKey;
  index: number;
  /** The sequence entry (a scalar or a mapping). */
  node: Node;
  range: OffsetRange;
  id?: string;
  idNode?: Scalar;
  text?: string;
  textNode?: Scalar;
  /** Undefined when the item has no `metrics` key (plain strings never have one). */
  metrics?: string[];
  resolution?: Resolution;
  /** Why free text resolved to nothing, when there is something to say. */
  unmatchedReason?: string;
}

export interface Sentence {
  text: string;
  range: OffsetRange;
  /** True when the sentence's subject is someone else ("The CIO runs internal IT"). */
  otherSubject: boolean;
  resolution?: Resolution;
  unmatchedReason?: string;
}

export interface CharterModel {
  root: YAMLMap;
  /** Top-level pairs by key. */
  pairs: Map<string, Pair<Node, Node | null>>;
  personas: { id: PersonaId; node: Scalar }[];
  /** The `persona` value node, where persona-level findings sit. */
  personaNode?: Node;
  reportsTo?: { value: string; node: Scalar };
  hasCio: boolean;
  alsoCio?: { value: boolean; node: Scalar };
  accountabilities: Item[];
  shared: Item[];
  practices: { text: string; node: Scalar }[];
  timeAllocation?: { keyNode: Node; values: Map<string, number> };
  sentences: readonly Sentence[];
}

export function buildModel(parsed: ParsedCharter, catalog: Catalog): CharterModel | undefined {
  const root = parsed.root;
  if (!root) return undefined;
  const pairs = new Map<string, Pair<Node, Node | null>>();
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    if (isScalar(pair.key) && typeof pair.key.value === "string" && !pairs.has(pair.key.value)) pairs.set(pair.key.value, pair);
  }
  const value = (key: string) => pairs.get(key)?.value ?? undefined;

  const personaNode = value("persona");
  const personaScalars = isSeq(personaNode) ? personaNode.items : [personaNode];
  const personas = personaScalars.filter(isPersonaScalar).map((node) => ({ id: node.value as PersonaId, node }));

  const organization = value("organization");
  const hasCioNode = isMap(organization) ? organization.get("has_cio", true) : undefined;
  const alsoCioNode = value("also_cio");
  const reportsNode = value("reports_to");

  return {
    root,
    pairs,
    personas,
    personaNode,
    reportsTo: isScalar(reportsNode) && typeof reportsNode.value === "string" ? { value: reportsNode.value, node: reportsNode } : undefined,
    hasCio: !(isScalar(hasCioNode) && hasCioNode.value === false),
    alsoCio: isScalar(alsoCioNode) && typeof alsoCioNode.value === "boolean" ? { value: alsoCioNode.value, node: alsoCioNode } : undefined,
    accountabilities: readItems(parsed.text, "accountabilities", value("accountabilities"), catalog),
    shared: readItems(parsed.text, "shared_with_cio", value("shared_with_cio"), catalog),
    practices: readStrings(value("practices")),
    timeAllocation: readTimeAllocation(pairs.get("time_allocation")),
    sentences: readSentences(parsed.text, pairs.get("job_description"), catalog),
  };
}

function isPersonaScalar(node: unknown): node is Scalar<string> {
  return isScalar(node) && typeof node.value === "string" && (PERSONA_IDS as readonly string[]).includes(node.value);
}

/**
 * A block mapping's range runs on over a trailing comment to the next line; an item's range ends
 * with its last key or value, so a squiggle covers the item and nothing after it.
 */
function itemRange(text: string, node: Node): OffsetRange {
  const range = nodeRange(node);
  if (isMap(node) && !node.flow) {
    const ends = node.items.map((p) => ((p.value as Node | null)?.range ?? (p.key as Node | null)?.range)?.[1] ?? range.start);
    range.end = Math.max(range.start, ...ends);
  }
  while (range.end > range.start && /\s/.test(text[range.end - 1])) range.end--;
  return range;
}

function readItems(text: string, list: ListKey, node: Node | undefined, catalog: Catalog): Item[] {
  if (!isSeq(node)) return [];
  const items: Item[] = [];
  node.items.forEach((entry, index) => {
    if (!entry || !(entry as Node).range) return;
    const known = knownItem(entry as Node, list, index, catalog);
    if (known) {
      items.push(known);
      return;
    }
    const item = readItem(text, list, index, entry as Node, catalog);
    if (!item) return;
    itemsByNode.set(entry as Node, { catalog, start: (entry as Node).range![0], nodes: nodesUnder(entry as Node), item });
    items.push(item);
  });
  return items;
}

function readItem(text: string, list: ListKey, index: number, entry: Node, catalog: Catalog): Item | undefined {
  const item: Item = { list, index, node: entry, range: itemRange(text, entry) };
  if (isScalar(entry) && typeof entry.value === "string" && catalog.accountabilities.has(entry.value)) {
    // A bare catalog id (`- external-customer-experience`) names the entry itself.
    item.id = entry.value;
    item.idNode = entry as Scalar;
  } else if (isScalar(entry) && typeof entry.value === "string") {
    item.text = entry.value;
    item.textNode = entry as Scalar;
  } else if (isMap(entry)) {
    const id = entry.get("id", true);
    const text = entry.get("text", true);
    const metrics = entry.get("metrics", true);
    if (isScalar(id) && typeof id.value === "string") {
      item.id = id.value;
      item.idNode = id;
    }
    if (isScalar(text) && typeof text.value === "string") {
      item.text = text.value;
      item.textNode = text;
    }
    if (entry.has("metrics")) item.metrics = readStrings(metrics).map((m) => m.text);
  } else {
    return undefined;
  }
  resolveItem(item, catalog);
  return item;
}

/**
 * Items read before, by their node. A keystroke puts a new scalar in place of the one it changed and
 * only moves every other node (reparse.ts), so an item whose nodes are all the same objects as when
 * it was read holds the same text: it is moved, not read and resolved again. A whole parse makes new
 * nodes, which are not found here.
 */
const itemsByNode = new WeakMap<Node, { catalog: Catalog; start: number; nodes: unknown[]; item: Item }>();

function knownItem(entry: Node, list: ListKey, index: number, catalog: Catalog): Item | undefined {
  const known = itemsByNode.get(entry);
  if (!known || known.catalog !== catalog || known.item.list !== list || known.item.index !== index || !sameNodes(entry, known.nodes)) return undefined;
  const delta = entry.range![0] - known.start;
  if (delta === 0) return known.item;
  const { range } = known.item;
  return { ...known.item, range: { start: range.start + delta, end: range.end + delta } };
}

/** The node and every node under it, in document order. */
function nodesUnder(node: unknown, into: unknown[] = []): unknown[] {
  into.push(node);
  if (isMap(node)) {
    for (const pair of node.items) {
      nodesUnder(pair.key, into);
      nodesUnder(pair.value, into);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) nodesUnder(item, into);
  }
  return into;
}

/** `nodesUnder(node)` equals `nodes`, compared without building the list again. */
function sameNodes(node: unknown, nodes: readonly unknown[]): boolean {
  let at = 0;
  const visit = (current: unknown): boolean => {
    if (current !== nodes[at++]) return false;
    if (isMap(current)) return current.items.every((pair) => visit(pair.key) && visit(pair.value));
    if (isSeq(current)) return current.items.every(visit);
    return true;
  };
  return visit(node) && at === nodes.length;
}

function resolveItem(item: Item, catalog: Catalog): void {
  if (item.id !== undefined) {
    const accountability = catalog.accountabilities.get(item.id);
    if (accountability) item.resolution = { accountability, via: "id" };
    return;
  }
  if (item.text !== undefined) {
    const result = resolveText(item.text, catalog);
    item.resolution = result.resolution;
    item.unmatchedReason = result.reason;
  }
}

interface TextResolution {
  resolution?: Resolution;
  reason?: string;
  otherSubject?: string;
}

/**
 * Texts resolved before, per catalog. A keystroke changes one text, so every other item and sentence
 * of the new version is found here, and a CLI run meets the same phrases in many charters.
 */
const resolutions = new WeakMap<Catalog, BoundedCache<TextResolution>>();
const RESOLUTIONS_KEPT = 20_000;

/** Subject, negation and scope are the matcher's to judge (scope.ts), for items and sentences alike. */
function resolveText(text: string, catalog: Catalog): TextResolution {
  let cache = resolutions.get(catalog);
  if (!cache) resolutions.set(catalog, (cache = new BoundedCache(RESOLUTIONS_KEPT)));
  return cache.get(text, (own) => matchText(own, catalog));
}

function matchText(text: string, catalog: Catalog): TextResolution {
  const { match, reason, otherSubject } = catalog.matcher.match(text);
  const accountability = match && catalog.accountabilities.get(match.accountabilityId);
  return accountability ? { resolution: { accountability, via: "text", match } } : { reason, otherSubject };
}

function readStrings(node: Node | null | undefined): { text: string; node: Scalar }[] {
  if (!isSeq(node)) return [];
  return node.items.filter((n): n is Scalar<string> => isScalar(n) && typeof n.value === "string").map((n) => ({ text: n.value, node: n }));
}

function readTimeAllocation(pair: Pair<Node, Node | null> | undefined): CharterModel["timeAllocation"] {
  if (!pair || !isMap(pair.value)) return undefined;
  const values = new Map<string, number>();
  for (const entry of pair.value.items) {
    if (isScalar(entry.key) && isScalar(entry.value) && typeof entry.value.value === "number") {
      values.set(String(entry.key.value), entry.value.value);
    }
  }
  return { keyNode: pair.key, values };
}

/**
 * A job description's last split, by its key's pair: a keystroke elsewhere keeps the value's node,
 * only moved (reparse.ts), and one inside it puts a new node in the same pair, so the next split
 * starts from this one (sentences.ts) and resolves only the sentences it has not seen.
 */
const splits = new WeakMap<Pair, { catalog: Catalog; split: Split<Sentence> }>();

function readSentences(text: string, pair: Pair<Node, Node | null> | undefined, catalog: Catalog): readonly Sentence[] {
  const node = pair?.value;
  if (!pair || !isScalar(node) || typeof node.value !== "string") return [];
  const known = splits.get(pair);
  const split = splitSentences(text, node, sentenceMaker(catalog), known?.catalog === catalog ? known.split : undefined);
  splits.set(pair, { catalog, split });
  return split.sentences;
}

const makers = new WeakMap<Catalog, SentenceMaker<Sentence>>();

function sentenceMaker(catalog: Catalog): SentenceMaker<Sentence> {
  let maker = makers.get(catalog);
  if (!maker) {
    maker = {
      make: ({ text, range }) => {
        const result = resolveText(text, catalog);
        return { text, range, otherSubject: result.otherSubject !== undefined, resolution: result.resolution, unmatchedReason: result.reason };
      },
      move: ({ text, otherSubject, resolution, unmatchedReason }, range) => ({ text, range, otherSubject, resolution, unmatchedReason }),
    };
    makers.set(catalog, maker);
  }
  return maker;
}
