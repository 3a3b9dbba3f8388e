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
    fixable: f.fixes.some((fix) => fix.safe),
    data: f.data,
  }));
}

export function count(reports: FileReport[], severity: Severity): number {
  return reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
}
