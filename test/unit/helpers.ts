/** Shared helpers for core tests: analyse a text and locate findings by the text they cover. */
import assert from "node:assert/strict";
import { analyze, type AnalyzeOptions } from "../../server/src/core/analyze";
import type { Finding } from "../../server/src/core/types";

/** A clean Digital Business Leader charter; tests change one thing at a time. */
export const CLEAN = `charter: cto/v1
title: Chief Technology Officer
organization:
  name: Acme Bank
  size: large
  has_cio: true
persona: digital-business-leader
reports_to: ceo
accountabilities:
  - id: business-model-innovation
    metrics: [revenue from new business models]
  - id: innovation-and-rd
    metrics: [prototypes taken to pilot]
  - id: innovation-investment-authority
    metrics: [share of the innovation budget committed]
  - text: Lead the digital products portfolio
    metrics: [digital revenue share]
practices:
  # the persona's first recommendation, in our words
  - Keep track of emerging technologies and new business models through analyst, industry and academic sources
`;

export function findings(text: string, options?: AnalyzeOptions): Finding[] {
  return analyze(text, options).findings;
}

/** Findings as plain data, fixes built: what two analyses are compared by. Read the analysis while it is the latest. */
export function withFixes(findings: readonly Finding[]): unknown[] {
  return findings.map((finding) => ({ ...finding, fixes: finding.fixes() }));
}

export function byRule(text: string, ruleId: string, options?: AnalyzeOptions): Finding[] {
  return findings(text, options).filter((f) => f.ruleId === ruleId);
}

/** The offsets of the `nth` occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    assert.ok(start >= 0, `"${needle}" (#${nth}) not in the text`);
  }
  return { start, end: start + needle.length };
}

/** Asserts the finding covers exactly `needle`. */
export function assertCovers(text: string, finding: Finding | undefined, needle: string, nth = 0): void {
  assert.ok(finding, `expected a finding on "${needle}"`);
  assert.deepEqual(finding.range, spanOf(text, needle, nth), `finding "${finding.message}" should cover "${needle}", covers "${text.slice(finding.range.start, finding.range.end)}"`);
}

export function replace(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `"${from}" not in the text`);
  return text.replace(from, to);
}
