/** SARIF 2.1.0 for code-scanning dashboards: the rules with their docs, and 1-based regions. */
import * as path from "node:path";
import { RULES, ruleDocUrl } from "../core/rules";
import type { Severity } from "../core/types";
import type { FileReport } from "./report";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note", hint: "note" };

export function formatSarif(reports: FileReport[], version: string, cwd: string): string {
  const index = new Map(RULES.map((rule, i) => [rule.id, i]));
  const uri = (file: string) => path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join("/");
  const region = (r: { line: number; column: number; endLine: number; endColumn: number }) => ({
    startLine: r.line,
    startColumn: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "cto-charter",
            version,
            informationUri: "https://github.com/cto-charter/cto-charter",
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.doc.replace(/\s*\n\s*/g, " ") },
              help: { text: rule.doc, markdown: rule.doc },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: `file://${cwd.split(path.sep).join("/")}/` } },
        artifacts: reports.map((r) => ({ location: { uri: uri(r.path), uriBaseId: "%SRCROOT%" } })),
        results: reports.flatMap((r, artifactIndex) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path), uriBaseId: "%SRCROOT%", index: artifactIndex }, region: region(f) } }],
            ...(f.related.length
              ? {
                  relatedLocations: f.related.map((rel, id) => ({
                    id,
                    message: { text: rel.message },
                    physicalLocation: { artifactLocation: { uri: uri(r.path), uriBaseId: "%SRCROOT%" }, region: region(rel) },
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
