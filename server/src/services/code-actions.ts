/**
 * Which actions a diagnostic gets: the fixes of the finding it stands for, and a comment that
 * disables its rule for the line. Diagnostics are matched to fresh findings by rule id, range and
 * data, never by message, so an action always edits the text as it is now.
 */
import type { Analysis, AnalyzeOptions } from "../core/analyze";
import { minimalEdit } from "../core/edits";
import { fixAll } from "../core/fix-all";
import type { Finding, OffsetRange, TextEdit } from "../core/types";
import { insideMultilineScalar } from "./node-at";

/** What a client's diagnostic carries back to the server. */
export interface DiagnosticKey {
  ruleId: string;
  range: OffsetRange;
  data?: Record<string, unknown>;
}

export function findingFor(analysis: Analysis, key: DiagnosticKey): Finding | undefined {
  return analysis.findings.find(
    (f) =>
      f.ruleId === key.ruleId &&
      f.range.start === key.range.start &&
      f.range.end === key.range.end &&
      Object.entries(f.data ?? {}).every(([name, value]) => key.data?.[name] === value),
  );
}

/**
 * A `# charter-disable-next-line <rule>` comment above the finding's first line, indented like it;
 * when that line already has such a comment above it, the rule is added to it. Undefined when the
 * line is inside a multi-line scalar, where a comment would become part of the text.
 */
export function disableLineEdit(analysis: Analysis, finding: Finding): TextEdit | undefined {
  const { lines, root, eol } = analysis.parsed;
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  if (insideMultilineScalar(root, finding.range.start, lineOf)) return undefined;
  const line = lineOf(finding.range.start);
  const existing = analysis.directives.find((d) => d.kind === "disable-next-line" && d.line === line - 1 && d.ids.length > 0);
  if (existing) {
    const last = existing.ids[existing.ids.length - 1];
    return { start: last.end, end: last.end, newText: `, ${finding.ruleId}` };
  }
  const indent = /^\s*/.exec(lines.lineText(line))![0];
  const start = lines.lineStart(line);
  return { start, end: start, newText: `${indent}# charter-disable-next-line ${finding.ruleId}${eol}` };
}

/** Every safe fix applied until nothing changes, as one edit that spans only what differs. */
export function fixAllEdit(text: string, options: AnalyzeOptions): TextEdit | undefined {
  return minimalEdit(text, fixAll(text, options).text);
}
