/**
 * "Fix all": apply every finding's safe fix, re-analyse, and repeat until nothing changes, so the
 * result is a fixed point (running it again changes nothing). Shared by `--fix` and `source.fixAll`.
 */
import { analyze, type Analysis, type AnalyzeOptions } from "./analyze";
import { applyFixes } from "./edits";

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
    const fixes = analysis.findings.flatMap((f) => f.fixes.filter((fix) => fix.safe).slice(0, 1));
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    if (result.text === current) break;
    current = result.text;
    applied += result.applied.length;
    analysis = analyze(current, options);
  }
  return { text: current, applied, analysis };
}
