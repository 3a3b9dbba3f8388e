/** What a rule is: an id, a default severity, a short and a long doc, and a check over the charter. */
import type { Catalog } from "../catalog";
import type { CharterModel } from "../model";
import type { ParsedCharter } from "../parse";
import type { Finding, Severity } from "../types";

export type Report = Omit<Finding, "ruleId" | "severity">;

export interface RuleContext {
  parsed: ParsedCharter;
  catalog: Catalog;
  report(finding: Report): void;
}

export interface CharterRuleContext extends RuleContext {
  model: CharterModel;
}

interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line: what the rule checks (SARIF shortDescription, completion detail). */
  summary: string;
  /** Markdown: why the rule exists, when it fires, how to fix it (hover, rule docs, SARIF help). */
  doc: string;
}

/** Rules on the document as parsed, whatever its shape (syntax, schema). */
export interface DocumentRule extends RuleMeta {
  scope: "document";
  check(context: RuleContext): void;
}

/** Rules on the charter's content; they run only when the root is a mapping. */
export interface CharterRule extends RuleMeta {
  scope: "charter";
  check(context: CharterRuleContext): void;
}

export type Rule = DocumentRule | CharterRule;
