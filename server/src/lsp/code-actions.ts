/**
 * LSP code actions: a quick fix per fix of the finding behind each of the client's diagnostics, a
 * "disable for this line" comment, and `source.fixAll.ctoCharter`. The diagnostic's rule id and data
 * pick the finding; its message is never read.
 */
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from "vscode-languageserver/node";
import { CodeActionKind } from "./library";
import type { TextEdit } from "../core/types";
import { disableLineEdit, findingFor, fixAllEdit } from "../services/code-actions";
import type { Current } from "./analyses";
import { toOffsets, toTextEdit } from "./convert";
import { DIAGNOSTIC_SOURCE } from "./diagnostics";
import { FIX_ALL_KIND } from "./protocol";

export interface EditSupport {
  /** The client takes versioned `documentChanges`, so an edit computed for an older version is refused. */
  documentChanges: boolean;
}

export function codeActions(params: CodeActionParams, current: Current, support: EditSupport): CodeAction[] {
  const only = params.context.only;
  const wanted = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) actions.push(...quickFixes(diagnostic, current, support));
  }
  // Only when asked for by kind (e.g. on save): computing it re-analyses the text until it settles.
  if (only && wanted(FIX_ALL_KIND)) {
    const edit = fixAllEdit(current.document.getText(), current.options);
    if (edit) actions.push({ title: "Apply every safe CTO Charter fix", kind: FIX_ALL_KIND, edit: workspaceEdit(current, [edit], support) });
  }
  return actions;
}

function quickFixes(diagnostic: Diagnostic, current: Current, support: EditSupport): CodeAction[] {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
  const { analysis } = current;
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const ruleId = String(diagnostic.code ?? "");
  const finding = findingFor(analysis, { ruleId, range: toOffsets(analysis.parsed.lines, diagnostic.range), data });
  if (!finding) return [];
  const actions: CodeAction[] = finding.fixes().map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred ?? false,
    edit: workspaceEdit(current, fix.edits, support),
  }));
  const disable = disableLineEdit(analysis, finding);
  if (disable) {
    actions.push({
      title: `Disable ${finding.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(current, [disable], support),
    });
  }
  return actions;
}

function workspaceEdit({ document, analysis }: Current, edits: TextEdit[], support: EditSupport): WorkspaceEdit {
  const lspEdits = edits.map((edit) => toTextEdit(analysis.parsed.lines, edit));
  if (support.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] };
  }
  return { changes: { [document.uri]: lspEdits } };
}
