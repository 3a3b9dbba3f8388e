/**
 * The VS Code client, kept thin: it starts the language server (dist/server.js, over Node IPC) for
 * `cto-charter` documents, tells it whether the workspace is trusted, and registers the commands.
 * Everything the user reads about a charter comes from the server.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { WORKSPACE_TRUSTED, type InitializationOptions } from "../../server/src/lsp/protocol";
import { SERVER_NODE_OPTIONS, serverEnvironment } from "../../server/src/node/server-launch";
import { FIT_SCHEME, FitViews, LANGUAGE_ID, newCharterFromPersona, showPersonaFit } from "./commands";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  // The server's V8 code cache lives in the extension's own storage, and goes when it is uninstalled.
  const storage = context.globalStorageUri;
  const env = serverEnvironment(process.env, storage.scheme === "file" ? { CTO_CHARTER_CACHE_DIR: path.join(storage.fsPath, "code-cache") } : {});
  const execArgv = [...SERVER_NODE_OPTIONS];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env, execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: [...execArgv, "--nolazy", "--inspect=6009"] } },
  };
  const initializationOptions: InitializationOptions = { workspaceTrusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    // By language, whatever the scheme: files, untitled documents and virtual workspaces alike.
    documentSelector: [{ language: LANGUAGE_ID }],
    initializationOptions,
  };
  // The id makes the client honour the `ctoCharter.trace.server` setting.
  const started = new LanguageClient("ctoCharter", "CTO Charter", serverOptions, clientOptions);
  client = started;
  const ready = started.start();
  const views = new FitViews();
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void started.sendNotification(WORKSPACE_TRUSTED)),
    vscode.workspace.registerTextDocumentContentProvider(FIT_SCHEME, views),
    views,
    vscode.commands.registerCommand("ctoCharter.newCharterFromPersona", async (persona?: string) => {
      await ready;
      await newCharterFromPersona(started, persona);
    }),
    vscode.commands.registerCommand("ctoCharter.showPersonaFit", async () => {
      await ready;
      await showPersonaFit(started, views);
    }),
  );
  await ready;
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
