/**
 * The core's one entry point: text → parsed YAML → typed charter → rules → findings, with the
 * configured severities and in-file suppressions applied, so every surface reports the same.
 */
import { builtinCatalog } from "./builtin-catalog";
import type { Catalog } from "./catalog";
import { effectiveSeverity } from "./config";
import { buildModel, type CharterModel } from "./model";
import { parseCharter, type ParsedCharter } from "./parse";
import { reparseCharter } from "./reparse";
import { RULES } from "./rules";
import type { Report, Rule } from "./rules/rule";
import { applySuppressions, findDirectives, type Directive } from "./suppress";
import { NO_FIXES, type Finding, type SeveritySetting } from "./types";

export interface AnalyzeOptions {
  catalog?: Catalog;
  /** Severity per rule id (`off` disables), from `.cto-charter.json` or editor settings. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to run; all of them unless a test checks the core with rules of its own. */
  rules?: readonly Rule[];
}

export interface Analysis {
  parsed: ParsedCharter;
  model?: CharterModel;
  catalog: Catalog;
  directives: Directive[];
  /** Sorted by position. */
  findings: Finding[];
}

/**
 * `previous`, an analysis of an earlier version of the same document, lets a small change be parsed
 * in place of the whole text (reparse.ts); it is consumed, so it must not be read afterwards.
 */
export function analyze(text: string, options: AnalyzeOptions = {}, previous?: Analysis): Analysis {
  const catalog = options.catalog ?? builtinCatalog();
  const parsed = previous ? reparseCharter(previous.parsed, text) : parseCharter(text);
  const findings: Finding[] = [];
  let model: CharterModel | undefined;
  try {
    model = buildModel(parsed, catalog, previous?.catalog === catalog ? previous.model : undefined);
  } catch (error) {
    findings.push(internalError("schema", parsed, error));
  }
  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(rule, options.severities);
    if (!severity) continue;
    // The rule's own object becomes the finding: copying thousands of them per keystroke shows.
    const report = (finding: Report) => findings.push(Object.assign(finding, { ruleId: rule.id, severity }));
    try {
      runRule(rule, { parsed, catalog, report }, model);
    } catch (error) {
      // One broken rule must not take the others down: it reports itself instead.
      findings.push({ ...internalError(rule.id, parsed, error), severity });
    }
  }
  const directives = findDirectives(text, parsed.lines);
  const kept = applySuppressions(findings, directives, parsed.lines);
  kept.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { parsed, model, catalog, directives, findings: kept };
}

function runRule(rule: Rule, context: { parsed: ParsedCharter; catalog: Catalog; report: (f: Report) => void }, model: CharterModel | undefined): void {
  if (rule.scope === "document") rule.check(context);
  else if (model) rule.check({ ...context, model });
}

function internalError(ruleId: string, parsed: ParsedCharter, error: unknown): Finding {
  return {
    ruleId,
    severity: "error",
    message: `Internal error in rule ${ruleId}: ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this.`,
    range: { start: 0, end: parsed.lines.lineEnd(0) },
    fixes: NO_FIXES,
    data: { internal: true },
  };
}
