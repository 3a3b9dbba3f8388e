import { NO_FIXES } from "../types";
import type { CharterRule } from "./rule";

export const dualRole: CharterRule = {
  id: "dual-role",
  severity: "warning",
  scope: "charter",
  summary: "One person holds both the CTO and the CIO role.",
  doc: `Fires when \`also_cio: true\`. The CIO answers for the business value of IT and the CTO for technical
efficacy; they are meant to challenge each other as peers, and one person in both seats loses that
check (source 003). Combined titles are common (about a quarter of the leaders surveyed in source 002
held both), so this is a warning to make the trade-off explicit, not an error. With \`also_cio: true\`
there is no separate CIO, so the overlap rules are off.`,
  check({ model, report }) {
    const alsoCio = model.alsoCio;
    if (!alsoCio?.value || !alsoCio.node.range) return;
    report({
      message: "The CTO also holds the CIO title: the two roles are meant to check each other, so name who challenges the technology agenda.",
      range: { start: alsoCio.node.range[0], end: alsoCio.node.range[1] },
      fixes: NO_FIXES,
    });
  },
};
