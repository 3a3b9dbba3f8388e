/** LSP hover: the service's markdown, over the range it describes. */
import type { Hover, Position } from "vscode-languageserver/node";
import { MarkupKind } from "./library";
import { hoverAt } from "../services/hover";
import type { Current } from "./analyses";
import { toRange } from "./convert";

export function hover({ analysis }: Current, position: Position): Hover | null {
  const { lines } = analysis.parsed;
  const found = hoverAt(analysis, lines.offsetAt(position));
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(lines, found.range) } : null;
}
