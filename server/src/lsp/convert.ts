/** Offsets (the core's unit) ↔ LSP positions, through the analysed text's own line index. */
import type { Range, TextEdit } from "vscode-languageserver/node";
import type { LineIndex } from "../core/text";
import type { OffsetRange, TextEdit as OffsetEdit } from "../core/types";

export function toRange(lines: LineIndex, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffsets(lines: LineIndex, range: Range): OffsetRange {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

export function toTextEdit(lines: LineIndex, edit: OffsetEdit): TextEdit {
  return { range: toRange(lines, edit), newText: edit.newText };
}
