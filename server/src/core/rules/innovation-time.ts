import type { CharterRule } from "./rule";
import { nodeRange } from "../yaml-nav";
import { NO_FIXES } from "../types";

export const MIN_INNOVATION_SHARE = 20;

export const innovationTime: CharterRule = {
  id: "innovation-time",
  severity: "warning",
  scope: "charter",
  summary: "A COO-of-IT CTO spends under 20% of the time on innovation and business operations.",
  doc: `Running daily IT operations can absorb the whole role. Source 000 recommends that a CTO in the
COO-of-IT persona keep at least ${MIN_INNOVATION_SHARE}% of the time for business operations and
innovation. Fires when the persona includes \`coo-of-it\` and \`innovation\` plus
\`business_operations\` in \`time_allocation\` is under ${MIN_INNOVATION_SHARE}. Silent without
\`time_allocation\`.`,
  check({ model, report }) {
    const allocation = model.timeAllocation;
    if (!allocation || allocation.values.size === 0 || !model.personas.some((p) => p.id === "coo-of-it")) return;
    const share = (allocation.values.get("innovation") ?? 0) + (allocation.values.get("business_operations") ?? 0);
    if (share >= MIN_INNOVATION_SHARE) return;
    report({
      message: `Only ${share}% of the time goes to innovation and business operations; a COO-of-IT CTO should keep at least ${MIN_INNOVATION_SHARE}% for them.`,
      range: nodeRange(allocation.keyNode),
      fixes: NO_FIXES,
      data: { share },
    });
  },
};
