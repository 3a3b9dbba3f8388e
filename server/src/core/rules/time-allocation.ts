import type { CharterRule } from "./rule";
import { nodeRange } from "../yaml-nav";
import { NO_FIXES } from "../types";

export const timeAllocation: CharterRule = {
  id: "time-allocation",
  severity: "error",
  scope: "charter",
  summary: "The time allocation must sum to 100 percent.",
  doc: `\`time_allocation\` splits the role's time between areas in percent; the values must add up to
exactly 100, or the split says nothing reliable about where the role's focus lies. Silent when the
charter has no \`time_allocation\`.`,
  check({ model, report }) {
    const allocation = model.timeAllocation;
    if (!allocation || allocation.values.size === 0) return;
    const total = [...allocation.values.values()].reduce((sum, value) => sum + value, 0);
    if (Math.abs(total - 100) < 1e-9) return;
    report({
      message: `time_allocation adds up to ${Number(total.toFixed(2))}%, not 100%.`,
      range: nodeRange(allocation.keyNode),
      fixes: NO_FIXES,
      data: { total },
    });
  },
};
