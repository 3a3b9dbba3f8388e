/**
 * The parse of a new version from the parse of the previous one, for the commonest keystroke: a
 * change inside one scalar value (a free text, a metric, an id, a line of the job description). That
 * scalar alone is parsed again and put in place, and every later position moves by the change's
 * length, so typing costs a small parse instead of the whole file's.
 *
 * The shortcut is taken only where the scalar means the same alone as in its place: a value (never a
 * key, which the unique-keys check reads) in block context (never inside `[…]` or `{…}`), without an
 * anchor, tag or comment, a quoted or plain scalar on one line or the body of a block scalar, and
 * only when the scalar alone parses cleanly into one scalar of the same kind spanning the same
 * text. Anything else is parsed in full, as is a previous version with structural problems.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Scalar } from "yaml";
import { acceptsAnyString } from "./charter-schema";
import { minimalEdit } from "./edits";
import { emptyParse, MAX_TEXT_LENGTH, PARSE_OPTIONS, parseCharter, setRoot, syntaxProblems, type ParsedCharter } from "./parse";

/** `previous` is consumed: its syntax tree becomes the new version's, so it must not be read again. */
export function reparseCharter(previous: ParsedCharter, text: string): ParsedCharter {
  if (text === previous.text) return previous;
  return patch(previous, text) ?? parseCharter(text);
}

const PATCHABLE = new Set<Scalar["type"]>(["PLAIN", "QUOTE_SINGLE", "QUOTE_DOUBLE", "BLOCK_LITERAL", "BLOCK_FOLDED"]);
const BLOCK = new Set<Scalar["type"]>(["BLOCK_LITERAL", "BLOCK_FOLDED"]);
const LONE_CR = /\r(?!\n)/;

function patch(previous: ParsedCharter, text: string): ParsedCharter | undefined {
  const { doc, root, text: before } = previous;
  if (!doc || !root || previous.structure.length > 0 || text.length > MAX_TEXT_LENGTH) return undefined;
  // A carriage return without a line feed ends a line in some places of the parser and not others.
  if (LONE_CR.test(text)) return undefined;
  const change = minimalEdit(before, text);
  if (!change || /[\r\n]/.test(change.newText) || /[\r\n]/.test(before.slice(change.start, change.end))) return undefined;
  const found = valueScalarAt(root, change.start, change.end);
  if (!found) return undefined;
  const { node } = found;
  const [start, , end] = node.range!;
  if (!PATCHABLE.has(node.type) || node.anchor || node.tag || node.comment || node.commentBefore || node.spaceBefore) return undefined;
  // An empty value, or one that touches the text before it ("key:" then a letter), may merge with that text.
  if (start === end || !/\s/.test(before[start - 1] ?? "")) return undefined;
  const newline = before.indexOf("\n", start);
  if (BLOCK.has(node.type)) {
    // Inside the body, after a line's indentation: the header and indentation decide where the block ends.
    const lineStart = before.lastIndexOf("\n", change.start - 1) + 1;
    if (newline < 0 || change.start <= newline || change.end > end || !/\S/.test(before.slice(lineStart, change.start))) return undefined;
  } else {
    // One line: the scalar's range ends at its line break at the latest, and so does the change.
    const lineEnd = newline < 0 ? before.length : before[newline - 1] === "\r" ? newline - 1 : newline;
    if ((newline >= 0 && newline < end - 1) || change.end > lineEnd) return undefined;
  }
  if ([...doc.errors, ...doc.warnings].some((error) => error.pos[0] <= end && start <= error.pos[1])) return undefined;

  const delta = change.newText.length - (change.end - change.start);
  const source = text.slice(start, end + delta);
  const alone = parseDocument(source, PARSE_OPTIONS);
  const scalar = alone.contents;
  if (alone.errors.length || alone.warnings.length || alone.comment || alone.commentBefore || !isScalar(scalar)) return undefined;
  if (scalar.type !== node.type || scalar.anchor || scalar.tag || scalar.comment || scalar.commentBefore || scalar.spaceBefore) return undefined;
  if (scalar.range?.[0] !== 0 || scalar.range[2] !== source.length) return undefined;

  shift(root, end, delta, node);
  scalar.range = [start, start + scalar.range[1], start + scalar.range[2]];
  found.replace(scalar);
  doc.range = [doc.range[0], moved(doc.range[1], end, delta), moved(doc.range[2], end, delta)];
  for (const error of [...doc.errors, ...doc.warnings]) error.pos = [moved(error.pos[0], end, delta), moved(error.pos[1], end, delta)];

  const parsed = emptyParse(text, previous.lines.shifted(text, change.start, delta));
  parsed.syntaxErrors.push(...syntaxProblems(text, [doc]));
  setRoot(parsed, doc, root, patchedValue(previous, found.path, node.value, scalar.value));
  parsed.edited = new Set(found.holders);
  if (typeof node.value === "string" && typeof scalar.value === "string" && acceptsAnyString(found.path)) {
    parsed.unchangedByFreeText = previous.unchangedByFreeText;
  }
  return parsed;
}

/**
 * The previous version's plain data with the one value replaced, when that is exactly what reading
 * the whole document again would give: no errors (duplicate keys would make a path ambiguous), and
 * the old value found at its path. Rebuilding all of it took about a tenth of a keystroke's analysis.
 */
function patchedValue(previous: ParsedCharter, path: readonly (string | number)[], before: unknown, after: unknown): { data: unknown } | undefined {
  if (previous.doc!.errors.length > 0 || path.length === 0) return undefined;
  let container = previous.value;
  for (const segment of path.slice(0, -1)) container = (container as Record<string | number, unknown> | undefined)?.[segment];
  const last = path[path.length - 1];
  if (typeof container !== "object" || container === null || (container as Record<string | number, unknown>)[last] !== before) return undefined;
  (container as Record<string | number, unknown>)[last] = after;
  return { data: previous.value };
}

/** The value scalar whose text holds the whole change, the collections that hold it, and a way to put another in its place. */
function valueScalarAt(root: Node, start: number, end: number): { node: Scalar; path: (string | number)[]; holders: Node[]; replace: (node: Scalar) => void } | undefined {
  const within = (node: unknown): node is Node => Boolean((node as Node | null)?.range) && (node as Node).range![0] <= start && end <= (node as Node).range![2];
  let current: Node = root;
  let replace: (node: Scalar) => void = () => undefined;
  const path: (string | number)[] = [];
  const holders: Node[] = [];
  for (;;) {
    if (isScalar(current)) return { node: current, path, holders, replace };
    holders.push(current);
    let next: Node | undefined;
    if (isMap(current) && !current.flow) {
      for (const pair of current.items) {
        const key = pair.key as Node | null;
        if (key?.range && key.range[0] <= end && start <= key.range[2]) return undefined;
        if (within(pair.value)) {
          next = pair.value;
          path.push(isScalar(key) ? String(key.value) : "");
          replace = (node) => (pair.value = node);
          break;
        }
      }
    } else if (isSeq(current) && !current.flow) {
      const index = current.items.findIndex(within);
      if (index >= 0) {
        const seq = current;
        next = seq.items[index] as Node;
        path.push(index);
        replace = (node) => (seq.items[index] = node);
      }
    }
    if (!next) return undefined;
    current = next;
  }
}

/** Moves every position at or after `from` by `delta`, in every node but the one replaced. */
function shift(node: Node, from: number, delta: number, replaced: Node): void {
  if (node === replaced || !node.range || node.range[2] < from) return;
  node.range = [moved(node.range[0], from, delta), moved(node.range[1], from, delta), moved(node.range[2], from, delta)];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (pair.key) shift(pair.key as Node, from, delta, replaced);
      if (pair.value) shift(pair.value as Node, from, delta, replaced);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) if (item) shift(item as Node, from, delta, replaced);
  }
}

function moved(position: number, from: number, delta: number): number {
  return position >= from ? position + delta : position;
}
