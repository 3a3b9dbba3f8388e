/** Machine-readable output: one entry per file, findings with 1-based positions. */
import type { FileReport } from "./report";

export function formatJson(reports: FileReport[]): string {
  return `${JSON.stringify(
    reports.map((r) => ({
      filePath: r.path,
      errorCount: r.findings.filter((f) => f.severity === "error").length,
      warningCount: r.findings.filter((f) => f.severity === "warning").length,
      fixed: r.fixed ?? false,
      findings: r.findings,
    })),
    null,
    2,
  )}\n`;
}
