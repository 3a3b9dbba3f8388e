/** ESLint-style output: each file, then `line:col  severity  message  rule-id`, then a summary. */
import { count, type FileReport } from "./report";

const COLORS = { error: 31, warning: 33, info: 36, hint: 90, dim: 2, underline: 4, bold: 1 } as const;

export function formatStylish(reports: FileReport[], color: boolean): string {
  const paint = (code: keyof typeof COLORS, text: string) => (color ? `\u001b[${COLORS[code]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint("underline", report.path));
    const rows = report.findings.map((f) => [`${f.line}:${f.column}`, f.severity, f.message.replace(/\s+/g, " "), f.ruleId]);
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
    for (const [place, severity, message, rule] of rows) {
      out.push(`  ${paint("dim", place.padEnd(width[0]))}  ${paint(severity as keyof typeof COLORS, severity.padEnd(width[1]))}  ${message}  ${paint("dim", rule)}`);
    }
    out.push("");
  }
  const totals = (["error", "warning", "info", "hint"] as const).map((s) => [s, count(reports, s)] as const);
  const total = totals.reduce((n, [, c]) => n + c, 0);
  const fixable = reports.reduce((n, r) => n + r.findings.filter((f) => f.fixable).length, 0);
  const files = reports.length;
  if (total === 0) {
    out.push(paint("bold", `✔ No problems in ${files} charter${files === 1 ? "" : "s"}.`));
  } else {
    const parts = totals.filter(([, c]) => c > 0).map(([s, c]) => `${c} ${s}${c === 1 ? "" : s === "info" ? "" : "s"}`);
    const mark = totals[0][1] > 0 ? paint("error", "✖") : paint("warning", "⚠");
    out.push(`${mark} ${paint("bold", `${total} problem${total === 1 ? "" : "s"} (${parts.join(", ")}) in ${files} charter${files === 1 ? "" : "s"}`)}`);
    if (fixable > 0) out.push(`  ${fixable} of them can be fixed with the \`--fix\` option.`);
  }
  return `${out.join("\n")}\n`;
}
