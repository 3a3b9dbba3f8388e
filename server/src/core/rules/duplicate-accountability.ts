import type { Item } from "../model";
import { removeItem } from "./fixes";
import type { CharterRule } from "./rule";

export const duplicateAccountability: CharterRule = {
  id: "duplicate-accountability",
  severity: "warning",
  scope: "charter",
  summary: "Two accountabilities resolve to the same catalog entry.",
  doc: `Two entries of \`accountabilities\` that name the same catalog accountability (by id, or by free
text that matches it) make the charter longer and its metrics ambiguous. The finding sits on the
later entry and points at the first; the fix removes the later one.`,
  check({ parsed, model, report }) {
    const first = new Map<string, Item>();
    for (const item of model.accountabilities) {
      const id = item.resolution?.accountability.id;
      if (!id) continue;
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, item);
        continue;
      }
      report({
        message: `This repeats an earlier accountability: both resolve to ${item.resolution!.accountability.title} (\`${id}\`).`,
        range: item.range,
        fixes: () => [removeItem(parsed, model, item, "Remove this duplicate")],
        related: [{ range: earlier.range, message: `First entry for \`${id}\`` }],
        data: { accountability: id },
      });
    }
  },
};
