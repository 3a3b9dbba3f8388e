/**
 * Findings → LSP diagnostics, published for every document version. Only the analysis of the
 * latest version is ever published, so stale results cannot overwrite newer ones.
 */
import type { Connection, Diagnostic } from "vscode-languageserver/node";
import { DiagnosticSeverity } from "./library";
import type { Analysis } from "../core/analyze";
import { ruleDocUrl } from "../core/rules";
import type { Finding, Severity } from "../core/types";
import type { Analyses } from "./analyses";
import { toRange } from "./convert";

export const DIAGNOSTIC_SOURCE = "cto-charter";

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A diagnostic carries its rule id as `code` and, as `data`, the finding's facts, so that code actions
 * can find the finding again; nothing else, since every keystroke sends all of them.
 */
export function toDiagnostic(finding: Finding, analysis: Analysis, uri: string): Diagnostic {
  const { lines } = analysis.parsed;
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.range),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.data) diagnostic.data = finding.data;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: toRange(lines, r.range) }, message: r.message }));
  }
  return diagnostic;
}

export class DiagnosticsPublisher {
  private readonly published = new Map<string, Analysis>();

  constructor(
    private readonly connection: Connection,
    private readonly analyses: Analyses,
  ) {}

  async refresh(uri: string): Promise<void> {
    const current = await this.analyses.get(uri);
    if (!current || this.published.get(uri) === current.analysis) return;
    this.published.set(uri, current.analysis);
    const diagnostics = current.analysis.findings.map((f) => toDiagnostic(f, current.analysis, uri));
    await this.connection.sendDiagnostics({ uri, version: current.document.version, diagnostics });
  }

  clear(uri: string): void {
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
