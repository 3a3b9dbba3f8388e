/** The two commands: a new charter from a persona, and how the open charter fits each persona. */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { NEW_CHARTER_TEMPLATES, PERSONA_FIT, type NewCharterParams, type NewCharterResult, type PersonaFitParams, type PersonaFitResult } from "../../server/src/lsp/protocol";

export const LANGUAGE_ID = "cto-charter";
export const FIT_SCHEME = "cto-charter-fit";

/** Opens an untitled charter from the chosen persona's template; `persona` skips the quick pick. */
export async function newCharterFromPersona(client: LanguageClient, persona?: string): Promise<void> {
  const params: NewCharterParams = { uri: vscode.workspace.workspaceFolders?.[0]?.uri.toString() };
  const templates = await client.sendRequest<NewCharterResult>(NEW_CHARTER_TEMPLATES, params);
  let template = templates.find((t) => t.persona === persona);
  if (!template) {
    const picked = await vscode.window.showQuickPick(
      templates.map((t) => ({ label: t.name, description: t.persona, detail: t.summary, template: t })),
      { title: "New CTO Charter", placeHolder: "Which persona should the role start from?" },
    );
    if (!picked) return;
    template = picked.template;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: template.text });
  await vscode.window.showTextDocument(document);
}

/** Shows the persona fit of the active charter as a markdown preview beside it. */
export async function showPersonaFit(client: LanguageClient, views: FitViews): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage("Open a CTO charter (*.cto-charter.yaml) first: the persona fit is computed for the active one.");
    return;
  }
  const params: PersonaFitParams = { uri: document.uri.toString() };
  const result = await client.sendRequest<PersonaFitResult>(PERSONA_FIT, params);
  const view = views.show(document.uri, result.markdown);
  await vscode.commands.executeCommand("markdown.showPreviewToSide", view);
}

/** Read-only markdown documents holding the latest persona-fit report of each charter. */
export class FitViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  show(charter: vscode.Uri, markdown: string): vscode.Uri {
    const name = charter.path.split("/").pop() ?? "charter";
    const view = vscode.Uri.from({ scheme: FIT_SCHEME, path: `/${name}.persona-fit.md`, query: charter.toString() });
    this.contents.set(view.toString(), markdown);
    this.changed.fire(view);
    return view;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? "";
  }

  dispose(): void {
    this.changed.dispose();
  }
}
