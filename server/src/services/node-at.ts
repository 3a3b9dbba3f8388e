/**
 * What sits at an offset of a parsed charter: a mapping key or a scalar value, with its path from the
 * root. Hover reads it; the path is the one charter-schema.ts understands.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from "yaml";
import type { OffsetRange } from "../core/types";

export type Segment = string | number;

export interface NodeAt {
  /** For a key: the path to its value. For a value: the path to the value itself. */
  path: Segment[];
  role: "key" | "value";
  node: Scalar;
  range: OffsetRange;
}

/** Inclusive at both ends, so a cursor just after a word still finds it. */
function covers(node: Node | null | undefined, offset: number): node is Node {
  return Boolean(node?.range && node.range[0] <= offset && offset <= node.range[1]);
}

export function nodeAt(root: Node | undefined, offset: number): NodeAt | undefined {
  const path: Segment[] = [];
  let current: Node | undefined = root;
  while (covers(current, offset)) {
    if (isScalar(current)) {
      return { path, role: "value", node: current, range: { start: current.range![0], end: current.range![1] } };
    }
    let next: Node | undefined;
    if (isMap(current)) {
      for (const pair of current.items as Pair<Node, Node | null>[]) {
        if (!isScalar(pair.key)) continue;
        const segment = String(pair.key.value);
        if (covers(pair.key, offset)) {
          return { path: [...path, segment], role: "key", node: pair.key, range: { start: pair.key.range![0], end: pair.key.range![1] } };
        }
        if (covers(pair.value, offset)) {
          path.push(segment);
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(current)) {
      const index = current.items.findIndex((item) => covers(item as Node | null, offset));
      if (index >= 0) {
        path.push(index);
        next = current.items[index] as Node;
      }
    }
    current = next;
  }
  return undefined;
}

/** Whether `offset` lies in a scalar that began on an earlier line (a block scalar's body, a wrapped string). */
export function insideMultilineScalar(root: Node | undefined, offset: number, lineOf: (offset: number) => number): boolean {
  const found = nodeAt(root, offset);
  return Boolean(found && found.role === "value" && lineOf(found.range.start) < lineOf(offset));
}
