/** The vocabulary of the analysis core: offsets into the text, findings and their fixes. */

export type Severity = "error" | "warning" | "info" | "hint";
export type SeveritySetting = Severity | "off";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info", "hint"];

/** A half-open range of UTF-16 offsets into the document text, as JavaScript strings index it. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Replace `text.slice(start, end)` with `newText`. Inserts have start === end. */
export interface TextEdit extends OffsetRange {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `cto-charter lint --fix` and by "fix all"; others are offered only. */
  safe: boolean;
  /** The obvious choice among several fixes (LSP `isPreferred`). */
  preferred?: boolean;
}

/** For findings that offer no fix. */
export const NO_FIXES = (): Fix[] => [];

export interface RelatedInformation {
  range: OffsetRange;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  /**
   * Built when asked (a code action, `--fix`), from the analysis the finding belongs to, which must
   * still be the document's latest: a keystroke on a long charter reports thousands of findings, and
   * nobody reads their fixes.
   */
  fixes: () => Fix[];
  related?: RelatedInformation[];
  /** Stable, machine-readable facts about the finding (e.g. the accountability id); never the message. */
  data?: Record<string, string | number | boolean>;
}
