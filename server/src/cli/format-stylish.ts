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
  // Lines joined once: appending row after row to one string took five times as long per file.
  const lines: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const places = report.findings.map((f) => `${f.line}:${f.column}`);
    const placeWidth = Math.max(...places.map((p) => p.length));
    const severityWidth = Math.max(...report.findings.map((f) => f.severity.length));
    lines.push(paint("underline", report.path));
    report.findings.forEach((f, i) => {
      const severity = paint(f.severity, f.severity.padEnd(severityWidth));
      lines.push(`  ${paint("dim", places[i].padEnd(placeWidth))}  ${severity}  ${oneLine(f.message)}  ${paint("dim", f.ruleId)}`);
    });
    lines.push("");
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/** A message on one line; most have no run of white space, and the test is cheaper than the replace. */
function oneLine(message: string): string {
  return /\s\s|[^\S ]/.test(message) ? message.replace(/\s+/g, " ") : message;
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
