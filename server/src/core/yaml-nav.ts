/** Finding the syntax-tree nodes behind a data path, so findings sit on the smallest offending node. */
import { isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { OffsetRange } from "./types";

export interface Located {
  /** The value at the path, when present. */
  value?: Node;
  /** The key whose value it is, when the last segment is a mapping key that exists. */
  key?: Node;
  /** The deepest node that exists along the path (for a missing key: its would-be parent's key or mapping). */
  nearest: Node;
  /** True when the whole path exists. */
  found: boolean;
}

export function locate(root: Node, path: readonly PropertyKey[]): Located {
  let current: Node = root;
  let key: Node | undefined;
  let nearest: Node = root;
  for (const segment of path) {
    let next: Node | undefined;
    if (isMap(current)) {
      const pair = (current.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === segment);
      if (pair) {
        key = pair.key;
        next = pair.value ?? undefined;
        if (!next) return { key, nearest: key, found: true };
      }
    } else if (isSeq(current) && typeof segment === "number") {
      next = (current.items[segment] as Node | null) ?? undefined;
      key = undefined;
    }
    if (!next) return { nearest: key ?? nearest, found: false };
    current = next;
    nearest = next;
  }
  return { value: current, key, nearest, found: true };
}

/** The key of the pair `name` in a mapping node, if it is there. */
export function keyOf(map: Node | undefined, name: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === name);
  return pair?.key;
}

/** The range of a node's own text (a key, a scalar, a collection), without trailing comments. */
export function nodeRange(node: Node): OffsetRange {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}
