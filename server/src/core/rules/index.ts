/** Every rule of DESIGN §3, in the order their findings are listed for one range. */
import { accountabilityMissing } from "./accountability-missing";
import { cioOverlap } from "./cio-overlap";
import { dualRole } from "./dual-role";
import { duplicateAccountability } from "./duplicate-accountability";
import { innovationTime } from "./innovation-time";
import { metricsMissing } from "./metrics-missing";
import { personaFitRule } from "./persona-fit";
import { recommendationMissing } from "./recommendation-missing";
import { reportingLine } from "./reporting-line";
import type { Rule } from "./rule";
import { schema } from "./schema";
import { sharedOwnership } from "./shared-ownership";
import { timeAllocation } from "./time-allocation";
import { yamlSyntax } from "./yaml-syntax";

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  accountabilityMissing,
  cioOverlap,
  sharedOwnership,
  dualRole,
  reportingLine,
  timeAllocation,
  innovationTime,
  metricsMissing,
  duplicateAccountability,
  personaFitRule,
  recommendationMissing,
];

export const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** Where each rule's documentation is published (LSP `codeDescription`, SARIF `helpUri`). */
export const RULE_DOCS_BASE = "https://github.com/cto-charter/cto-charter/blob/main/docs/rules/";

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

export type { Rule } from "./rule";
