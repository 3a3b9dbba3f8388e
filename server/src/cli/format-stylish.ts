/**
 * ESLint-style output: each file, then `line:col  severity  message  rule-id`, then a summary. The
 * files' blocks and the summary are made apart, so that worker threads can render their own files.
 */
import type { FileReport, Summary } from "./report";

const COLORS = { error: 31, warning: 33, info: 36, hint: 90, dim: 2, underline: 4, bold: 1 } as const;

type Paint = (code: keyof typeof COLORS, text: string) => string;

const painter = (color: boolean): Paint => (code, text) => (color ? `\u001b[${COLORS[code]}m${text}\u001b[0m` : text);

/** The block of each file that has findings, each followed by an empty line. */
export function stylishFiles(reports: readonly FileReport[], color: boolean): string {
  const paint = painter(color);
  let out = "";
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((f) => [`${f.line}:${f.column}`, f.severity, f.message.replace(/\s+/g, " "), f.ruleId]);
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
    out += `${paint("underline", report.path)}\n`;
    for (const [place, severity, message, rule] of rows) {
      out += `  ${paint("dim", place.padEnd(width[0]))}  ${paint(severity as keyof typeof COLORS, severity.padEnd(width[1]))}  ${message}  ${paint("dim", rule)}\n`;
    }
    out += "\n";
  }
  return out;
}

export function stylishSummary(summary: Summary, color: boolean): string {
  const paint = painter(color);
  const totals = (["error", "warning", "info", "hint"] as const).map((s) => [s, summary[s]] as const);
  const total = totals.reduce((n, [, c]) => n + c, 0);
  const { files, fixable } = summary;
  const out: string[] = [];
  if (total === 0) {
    out.push(paint("bold", `✔ No problems in ${files} charter${files === 1 ? "" : "s"}.`));
  } else {
    const parts = totals.filter(([, c]) => c > 0).map(([s, c]) => `${c} ${s}${c === 1 ? "" : s === "info" ? "" : "s"}`);
    const mark = summary.error > 0 ? paint("error", "✖") : paint("warning", "⚠");
    out.push(`${mark} ${paint("bold", `${total} problem${total === 1 ? "" : "s"} (${parts.join(", ")}) in ${files} charter${files === 1 ? "" : "s"}`)}`);
    if (fixable > 0) out.push(`  ${fixable} of them can be fixed with the \`--fix\` option.`);
  }
  return `${out.join("\n")}\n`;
}
