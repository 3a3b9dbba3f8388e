/** What the in-host tests share: documents, event-driven waits, and the CLI as the reference. */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as vscode from "vscode";

export const EXTENSION_ID = "cto-charter.cto-charter";

/** A finding as the CLI's `--format json` reports it (1-based, end-exclusive columns). */
export interface CliFinding {
  ruleId: string;
  severity: "error" | "warning" | "info" | "hint";
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: Record<string, string | number | boolean>;
}

/** A diagnostic reduced to what both surfaces must agree on. */
export interface Seen {
  code: string;
  severity: string;
  range: string;
}

const SEVERITY_NAMES = new Map<vscode.DiagnosticSeverity, string>([
  [vscode.DiagnosticSeverity.Error, "error"],
  [vscode.DiagnosticSeverity.Warning, "warning"],
  [vscode.DiagnosticSeverity.Information, "info"],
  [vscode.DiagnosticSeverity.Hint, "hint"],
]);

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("the suite needs a workspace folder holding the examples");
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** The rule id, whether the server sent a plain code or `{ value, target }` (with a doc link). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" ? code.value : code);
}

export function severityOf(diagnostic: vscode.Diagnostic): string {
  return SEVERITY_NAMES.get(diagnostic.severity) ?? String(diagnostic.severity);
}

export function rangeKey(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function seen(diagnostics: readonly vscode.Diagnostic[]): Seen[] {
  return sortSeen(diagnostics.map((d) => ({ code: codeOf(d), severity: severityOf(d), range: rangeKey(d.range) })));
}

export function expected(findings: readonly CliFinding[]): Seen[] {
  return sortSeen(
    findings.map((f) => ({
      code: f.ruleId,
      severity: f.severity,
      range: `${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1}`,
    })),
  );
}

function sortSeen(list: Seen[]): Seen[] {
  const key = (s: Seen) => `${s.range}|${s.code}|${s.severity}`;
  return list.sort((a, b) => key(a).localeCompare(key(b)));
}

export function sameSeen(a: readonly Seen[], b: readonly Seen[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Records which documents' diagnostics change from now on. `until` resolves once `predicate` holds
 * and, unless `requireChange` is false, the document has had a change since the watcher started: a
 * wait never passes on the state from before the action under test (a clean document must be
 * analysed, not merely not analysed yet).
 */
export function watchDiagnostics() {
  const changed = new Set<string>();
  const listeners = new Set<() => void>();
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) changed.add(uri.toString());
    for (const listener of listeners) listener();
  });
  return {
    until(
      uri: vscode.Uri,
      predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
      what: string,
      { requireChange = true, timeoutMs = 20_000 }: { requireChange?: boolean; timeoutMs?: number | undefined } = {},
    ): Promise<vscode.Diagnostic[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (requireChange && !changed.has(uri.toString())) return;
          const diagnostics = vscode.languages.getDiagnostics(uri);
          if (predicate(diagnostics)) finish(() => resolve(diagnostics));
        };
        const timer = setTimeout(() => {
          const now = JSON.stringify(seen(vscode.languages.getDiagnostics(uri)));
          finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${now}`)));
        }, timeoutMs);
        function finish(settle: () => void) {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        }
        listeners.add(check);
        check();
      });
    },
    dispose: () => subscription.dispose(),
  };
}

/** Lint with the project's CLI (the reference the editor must agree with) and return its findings. */
export async function lintWithCli(file: string): Promise<CliFinding[]> {
  const cli = process.env.CTO_CHARTER_E2E_CLI;
  if (!cli) throw new Error("CTO_CHARTER_E2E_CLI must name dist/cli.js");
  // In desktop VS Code process.execPath is Electron, which runs as plain Node only when told so.
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: "1" };
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [cli, "lint", file, "--format", "json"], { env }, (error, out, err) => {
      // Exit code 1 only means "errors found"; anything else is a failure of the CLI itself.
      if (error && error.code !== 1) reject(new Error(`cto-charter lint failed (${error.code}): ${err}`));
      else resolve(out);
    });
  });
  const reports = JSON.parse(stdout) as { findings: CliFinding[] }[];
  return reports.flatMap((r) => r.findings);
}

/** Lint `text` as the CLI would lint a file of that name, without touching the workspace copy. */
export function lintTextWithCli(text: string, name: string): Promise<CliFinding[]> {
  const file = join(mkdtempSync(join(tmpdir(), "cto-charter-e2e-")), basename(name));
  writeFileSync(file, text);
  return lintWithCli(file);
}

/** A fresh copy of an example, so tests that edit never share a document. */
export async function scratchCopy(example: string, name: string): Promise<vscode.Uri> {
  const target = workspaceUri("e2e-scratch", `${name}.cto-charter.yaml`);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(workspaceUri(example)));
  return target;
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Close the active editor without a save prompt (an unattended run cannot answer one). */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
}

export function lineOf(document: vscode.TextDocument, needle: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.includes(needle)) return line;
  }
  throw new Error(`no line of ${document.uri.path} contains ${JSON.stringify(needle)}`);
}

/** The position just inside `needle` on the first line that has it. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const line = lineOf(document, needle);
  return new vscode.Position(line, document.lineAt(line).text.indexOf(needle) + offset);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}
