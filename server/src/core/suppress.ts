/**
 * In-file suppression comments, applied in the core so the editor and the CLI agree:
 *   # charter-disable-next-line <rule-id>[, <rule-id>…]   the next line only
 *   # charter-disable [<rule-id>…]                         from here on (all rules without ids)
 *   # charter-enable [<rule-id>…]                          ends a charter-disable
 */
import type { LineIndex } from "./text";
import type { Finding } from "./types";

const DIRECTIVE = /(?:^|\s)#\s*charter-(disable-next-line|disable|enable)\b([^#\r\n]*)/;

interface Span {
  ids: Set<string> | "all";
  fromLine: number;
  toLine: number;
}

export interface Directive {
  kind: "disable-next-line" | "disable" | "enable";
  line: number;
  /** Rule ids with their offsets, for hover and completion on a directive. */
  ids: { id: string; start: number; end: number }[];
}

export function findDirectives(text: string, lines: LineIndex): Directive[] {
  if (!text.includes("charter-")) return [];
  const directives: Directive[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const found = DIRECTIVE.exec(content);
    if (!found) continue;
    const listStart = lines.lineStart(line) + found.index + found[0].length - found[2].length;
    const ids = [...found[2].matchAll(/[a-z][a-z0-9-]*/g)].map((m) => ({ id: m[0], start: listStart + m.index, end: listStart + m.index + m[0].length }));
    directives.push({ kind: found[1] as Directive["kind"], line, ids });
  }
  return directives;
}

export function applySuppressions(findings: Finding[], directives: Directive[], lines: LineIndex): Finding[] {
  if (directives.length === 0) return findings;
  const spans: Span[] = [];
  const open = new Map<string, number>();
  for (const d of directives) {
    const keys = d.ids.length ? d.ids.map((i) => i.id) : ["*"];
    if (d.kind === "disable-next-line") {
      spans.push({ ids: d.ids.length ? new Set(keys) : "all", fromLine: d.line + 1, toLine: d.line + 1 });
    } else if (d.kind === "disable") {
      for (const key of keys) if (!open.has(key)) open.set(key, d.line);
    } else {
      for (const key of keys) {
        const from = open.get(key);
        if (from === undefined) continue;
        spans.push({ ids: key === "*" ? "all" : new Set([key]), fromLine: from, toLine: d.line });
        open.delete(key);
      }
    }
  }
  for (const [key, from] of open) spans.push({ ids: key === "*" ? "all" : new Set([key]), fromLine: from, toLine: Infinity });
  return findings.filter((finding) => {
    const line = lines.positionAt(finding.range.start).line;
    return !spans.some((s) => line >= s.fromLine && line <= s.toLine && (s.ids === "all" || s.ids.has(finding.ruleId)));
  });
}
