/** Test-only extension for code-server: its command runs the in-host suite (see ../suite/index.ts). */
import * as vscode from "vscode";
import { runSuite } from "../suite/index";

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("ctoCharterE2E.runSuite", async () => {
      const result = await runSuite();
      void vscode.window.showInformationMessage(`CTO Charter e2e: ${result.passed} passed, ${result.failed} failed`);
    }),
  );
}
