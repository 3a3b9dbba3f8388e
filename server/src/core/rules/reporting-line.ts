import { replaceNode } from "../edits";
import type { CharterRule } from "./rule";

export const reportingLine: CharterRule = {
  id: "reporting-line",
  severity: "info",
  scope: "charter",
  summary: "The CTO reports to someone other than the persona's typical line.",
  doc: `Each persona has a typical reporting line (source 000): the IT innovator and the COO of IT usually
report to the CIO; the digital business leader and the business enabler usually report to the CEO, as
the CIO's peer. A different line is not wrong, but it shapes what the role can achieve, so the
charter should make it a deliberate choice. Silent when \`reports_to\` is absent.`,
  check({ catalog, model, report }) {
    const reportsTo = model.reportsTo;
    if (!reportsTo?.node.range || model.personas.length === 0) return;
    const personas = model.personas.flatMap((p) => catalog.personas.get(p.id) ?? []);
    const typical = [...new Set(personas.map((p) => p.reportsTo))];
    if (typical.length === 0 || typical.includes(reportsTo.value as (typeof typical)[number])) return;
    report({
      message: `The ${personas.map((p) => p.name).join(" / ")} persona usually reports to the ${typical.map((t) => t.toUpperCase()).join(" or ")}, not the ${reportsTo.value.toUpperCase()}.`,
      range: { start: reportsTo.node.range[0], end: reportsTo.node.range[1] },
      fixes: () => typical.map((line, i) => ({ title: `Report to the ${line.toUpperCase()}`, edits: [replaceNode(reportsTo.node, line)], safe: false, preferred: i === 0 && typical.length === 1 })),
      data: { expected: typical.join(",") },
    });
  },
};
