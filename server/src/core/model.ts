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
  /** Undefined when the item has no `metrics` list (plain strings never have one; a value of another type is the schema rule's). */
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
  /** The split of the job description behind `sentences`: the next version's split starts from it. */
  jobDescription?: Split<Sentence>;
}

/**
 * `previous`, the model of the document's previous version under the same catalog, lends what a
 * keystroke left as it was: when this version was patched from that one (reparse.ts), the items the
 * patch did not touch, and in any case the job description's sentences away from the change. They
 * are moved, not read and resolved again.
 */
export function buildModel(parsed: ParsedCharter, catalog: Catalog, previous?: CharterModel): CharterModel | undefined {
  const root = parsed.root;
  if (!root) return undefined;
  const edited = previous?.root === root ? parsed.edited : undefined;
  const lent = (items: readonly Item[] | undefined): Lent | undefined => (edited && items ? { items, edited } : undefined);
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
  const jobDescription = splitJobDescription(parsed.text, value("job_description"), catalog, previous?.jobDescription);

  return {
    root,
    pairs,
    personas,
    personaNode,
    reportsTo: isScalar(reportsNode) && typeof reportsNode.value === "string" ? { value: reportsNode.value, node: reportsNode } : undefined,
    hasCio: !(isScalar(hasCioNode) && hasCioNode.value === false),
    alsoCio: isScalar(alsoCioNode) && typeof alsoCioNode.value === "boolean" ? { value: alsoCioNode.value, node: alsoCioNode } : undefined,
    accountabilities: readItems(parsed.text, "accountabilities", value("accountabilities"), catalog, lent(previous?.accountabilities)),
    shared: readItems(parsed.text, "shared_with_cio", value("shared_with_cio"), catalog, lent(previous?.shared)),
    practices: readStrings(value("practices")),
    timeAllocation: readTimeAllocation(pairs.get("time_allocation")),
    sentences: jobDescription?.sentences ?? [],
    jobDescription,
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

/** Items the previous version read, and the collections its patch changed (ParsedCharter.edited). */
interface Lent {
  items: readonly Item[];
  edited: ReadonlySet<Node>;
}

function readItems(text: string, list: ListKey, node: Node | undefined, catalog: Catalog, lent?: Lent): Item[] {
  if (!isSeq(node)) return [];
  const items: Item[] = [];
  let next = 0;
  node.items.forEach((entry, index) => {
    if (!entry || !(entry as Node).range) return;
    if (lent) {
      // Both lists are in entry order; a patch never adds or removes an entry.
      while (next < lent.items.length && lent.items[next].index < index) next++;
      const known = lent.items[next];
      if (known?.index === index && known.node === entry && !lent.edited.has(entry as Node)) {
        items.push(movedItem(known, (entry as Node).range![0] - known.range.start));
        return;
      }
    }
    const item = readItem(text, list, index, entry as Node, catalog);
    if (item) items.push(item);
  });
  return items;
}

/** An item's range starts where its node does (itemRange), so the node's move is the item's. */
function movedItem(item: Item, delta: number): Item {
  if (delta === 0) return item;
  return { ...item, range: { start: item.range.start + delta, end: item.range.end + delta } };
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
    if (isSeq(metrics)) item.metrics = readStrings(metrics).map((m) => m.text);
  } else {
    return undefined;
  }
  resolveItem(item, catalog);
  return item;
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

/** A keystroke inside the job description, or elsewhere, leaves most of its sentences as they were (sentences.ts). */
function splitJobDescription(text: string, node: Node | undefined, catalog: Catalog, previous: Split<Sentence> | undefined): Split<Sentence> | undefined {
  if (!isScalar(node) || typeof node.value !== "string") return undefined;
  return splitSentences(text, node, sentenceMaker(catalog), previous);
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
      move: (sentence, range) => ({ ...sentence, range }),
    };
    makers.set(catalog, maker);
  }
  return maker;
}
