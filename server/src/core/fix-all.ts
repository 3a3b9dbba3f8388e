/**
 * "Fix all": apply every finding's safe fix, re-analyse, and repeat until nothing changes, so the
 * result is a fixed point (running it again changes nothing). Shared by `--fix` and `source.fixAll`.
 */
import { analyze, type Analysis, type AnalyzeOptions } from "./analyze";
import { applyFixes } from "./edits";
import { parseCharter, type ParsedCharter } from "./parse";
import type { Fix } from "./types";

/** ESLint's bound too: fixes that keep re-triggering each other must still stop. */
const MAX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** Fixes applied, over all passes. */
  applied: number;
  /** The analysis of the final text. */
  analysis: Analysis;
}

export function fixAll(text: string, options: AnalyzeOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  let analysis = analyze(current, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    // Corrections first: a misspelt key is renamed before another fix would create that key anew.
    const fixes = analysis.findings
      .flatMap((f) => f.fixes().filter((fix) => fix.safe).slice(0, 1).map((fix) => ({ fix, correction: f.ruleId === "schema" })))
      .sort((a, b) => Number(b.correction) - Number(a.correction))
      .map((c) => c.fix);
    if (fixes.length === 0) break;
    const result = applyTogether(current, analysis.parsed, fixes);
    if (result.text === current) break;
    current = result.text;
    applied += result.applied.length;
    analysis = analyze(current, options);
  }
  return { text: current, applied, analysis };
}

/**
 * The fixes applied together, less any that would make the text parse worse than before: each is
 * sound alone, yet two may collide (both create the same missing key). Those wait for the next
 * pass, where they are computed again on the new text.
 */
function applyTogether(text: string, parsed: ParsedCharter, fixes: Fix[]): ReturnType<typeof applyFixes> {
  const baseline = parseProblems(parsed);
  const all = applyFixes(text, fixes);
  if (parseProblems(parseCharter(all.text)) <= baseline) return all;
  const kept: Fix[] = [];
  for (const fix of fixes) if (parseProblems(parseCharter(applyFixes(text, [...kept, fix]).text)) <= baseline) kept.push(fix);
  return applyFixes(text, kept);
}

function parseProblems(parsed: ParsedCharter): number {
  return parsed.syntaxErrors.length + parsed.structure.length;
}
