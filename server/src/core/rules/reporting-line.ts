import { REPORTING_LINES } from "../../../../schemas/catalog";
import { replaceNode } from "../edits";
import type { CharterRule } from "./rule";

type Line = (typeof REPORTING_LINES)[number];

/** A reporting line as a sentence names it: "the CEO", "the board", "another executive". */
function named(line: Line): string {
  return line === "board" ? "the board" : line === "other" ? "another executive" : `the ${line.toUpperCase()}`;
}

export const reportingLine: CharterRule = {
  id: "reporting-line",
  severity: "info",
  scope: "charter",
  summary: "The CTO reports to someone other than the persona's typical line.",
  doc: `Each persona has a typical reporting line (source 000): the IT innovator and the COO of IT usually
report to the CIO; the digital business leader and the business enabler usually report to the CEO, as
the CIO's peer. A different line is not wrong, but it shapes what the role can achieve, so the
charter should make it a deliberate choice. Silent when \`reports_to\` is absent, or not one of the
format's lines (the schema rule reports that).`,
  check({ catalog, model, report }) {
    const reportsTo = model.reportsTo;
    const actual = reportsTo?.value as Line;
    if (!reportsTo?.node.range || model.personas.length === 0 || !REPORTING_LINES.includes(actual)) return;
    const personas = model.personas.flatMap((p) => catalog.personas.get(p.id) ?? []);
    const typical = [...new Set(personas.map((p) => p.reportsTo))];
    if (typical.length === 0 || typical.includes(actual)) return;
    report({
      message: `The ${personas.map((p) => p.name).join(" / ")} persona usually reports to ${typical.map(named).join(" or ")}, not to ${named(actual)}.`,
      range: { start: reportsTo.node.range[0], end: reportsTo.node.range[1] },
      fixes: () => typical.map((line, i) => ({ title: `Report to ${named(line)}`, edits: [replaceNode(reportsTo.node, line)], safe: false, preferred: i === 0 && typical.length === 1 })),
      data: { expected: typical.join(",") },
    });
  },
};
