/** The CLI's view of one linted file: findings with 1-based lines and columns, ready to format. */
import type { Analysis } from "../core/analyze";
import type { Finding, Severity } from "../core/types";

export interface Located {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: { line: number; column: number; endLine: number; endColumn: number; message: string }[];
  fixable: boolean;
  data?: Finding["data"];
}

export interface FileReport {
  /** As given or found, relative to the working directory where possible. */
  path: string;
  findings: Located[];
  /** Set when `--fix` changed the file. */
  fixed?: boolean;
}

export function locateFindings(analysis: Analysis): Located[] {
  const { lines } = analysis.parsed;
  const at = (range: { start: number; end: number }) => {
    const start = lines.positionAt(range.start);
    const end = lines.positionAt(range.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  return analysis.findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...at(f.range),
    related: (f.related ?? []).map((r) => ({ ...at(r.range), message: r.message })),
    fixable: f.fixes().some((fix) => fix.safe),
    data: f.data,
  }));
}

/** What the summary line and the exit code need: findings per severity, fixable ones, files. */
export type Summary = Record<Severity, number> & { fixable: number; files: number };

export function summarize(reports: readonly FileReport[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0, files: reports.length };
  for (const report of reports) {
    for (const finding of report.findings) {
      summary[finding.severity]++;
      if (finding.fixable) summary.fixable++;
    }
  }
  return summary;
}

export function addSummaries(a: Summary, b: Summary): Summary {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info, hint: a.hint + b.hint, fixable: a.fixable + b.fixable, files: a.files + b.files };
}
