/**
 * The CTO Charter language server. Inside VS Code it runs over Node IPC; any other client starts it
 * as `node dist/server.js --stdio`. The transport comes from the command line.
 */
import { fileURLToPath } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { CancellationToken, InitializeParams, InitializeResult, TextDocumentIdentifier } from "vscode-languageserver/node";
import { Analyses, type Current } from "./lsp/analyses";
import { codeActions, type EditSupport } from "./lsp/code-actions";
import { completion, type CompletionSupport } from "./lsp/completion";
import { newCharterTemplates, personaFit } from "./lsp/custom-requests";
import { DiagnosticsPublisher } from "./lsp/diagnostics";
import { hover } from "./lsp/hover";
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from "./lsp/library";
import { documentSymbols, foldingRanges } from "./lsp/outline";
import {
  FIX_ALL_KIND,
  NEW_CHARTER_TEMPLATES,
  PERSONA_FIT,
  WORKSPACE_TRUSTED,
  type InitializationOptions,
  type NewCharterParams,
  type PersonaFitParams,
} from "./lsp/protocol";
import { SETTINGS_SECTION, Settings, type ClientSettings } from "./lsp/settings";
import { saveCodeCache } from "./node/code-cache";
import { CONFIG_FILE } from "./node/files";
import { fitHeapGrowth } from "./node/heap-growth";
import { stdioTransport } from "./node/stdio-transport";
import { change } from "./node/v8-settings";

declare const CTO_CHARTER_VERSION: string;

const stdio = stdioTransport();
const connection = stdio ? createConnection(ProposedFeatures.all, ...stdio) : createConnection(ProposedFeatures.all);
const documents = new TextDocuments({
  create: TextDocument.create,
  // A change to a version no newer than the one held is stale (or repeated): applying it would fork the text.
  update: (document, changes, version) => (version > document.version ? TextDocument.update(document, changes, version) : document),
});
const settings = new Settings(connection);
const analyses = new Analyses(documents, settings);
const publisher = new DiagnosticsPublisher(connection, analyses);

let completionSupport: CompletionSupport = { snippets: false, labelDetails: false };
let editSupport: EditSupport = { documentChanges: false };
let registerForChanges = { configuration: false, watchedFiles: false };

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const { capabilities } = params;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  settings.configure({
    pull: Boolean(capabilities.workspace?.configuration),
    trusted: options.workspaceTrusted === true,
    folders: folderUris.filter((uri) => uri.startsWith("file:")).map((uri) => fileURLToPath(uri)),
  });
  const item = capabilities.textDocument?.completion?.completionItem;
  completionSupport = { snippets: Boolean(item?.snippetSupport), labelDetails: Boolean(item?.labelDetailsSupport) };
  editSupport = { documentChanges: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges) };
  registerForChanges = {
    configuration: Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration),
    watchedFiles: Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration),
  };
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      // A space after `key:` or `- `, and the colon itself, are where a value is about to be typed.
      completionProvider: { triggerCharacters: [" ", ":"] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
    },
    serverInfo: { name: "cto-charter", version: CTO_CHARTER_VERSION },
  };
});

connection.onInitialized(() => {
  if (registerForChanges.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  if (registerForChanges.watchedFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: "**/*.{yaml,yml,json}" }] });
  }
});

/** Publishes a document's diagnostics in the background; a failure is logged, never left to end the process. */
function refresh(uri: string): void {
  publisher
    .refresh(uri)
    // The first analysis has compiled what a session needs: the next start can skip compiling it.
    .then(saveCodeCache)
    .catch((error: unknown) => connection.console.error(`Could not analyse ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
}

/** Settings, config files or trust changed: analyse every open charter again. */
function reanalyseAll(): void {
  for (const document of documents.all()) refresh(document.uri);
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as Record<string, ClientSettings> | null)?.[SETTINGS_SECTION];
  settings.reset(pushed ?? undefined);
  reanalyseAll();
});
// Charters are YAML too: only a change to a config file or a catalog in use means reading options again.
connection.onDidChangeWatchedFiles(({ changes }) => {
  if (!changes.some(({ uri }) => uri.startsWith("file:") && settings.dependsOn(fileURLToPath(uri)))) return;
  settings.reset();
  reanalyseAll();
});
connection.onNotification(WORKSPACE_TRUSTED, () => {
  settings.trust();
  reanalyseAll();
});

/** Memory is tuned to how much text is open (heap-growth.ts). */
function fitHeapToDocuments(): void {
  fitHeapGrowth(documents.all().reduce((sum, document) => sum + document.getText().length, 0));
}

documents.onDidChangeContent(({ document }) => {
  fitHeapToDocuments();
  refresh(document.uri);
});
documents.onDidClose(({ document }) => {
  analyses.forget(document.uri);
  publisher.clear(document.uri);
  fitHeapToDocuments();
});

/**
 * A request about one document, answered from its latest analysis: empty for a document that is not
 * open, and the RequestCancelled error once the client has cancelled it (the analysis may have waited
 * on settings meanwhile).
 */
function onDocument<P extends { textDocument: TextDocumentIdentifier }, R>(empty: R, answer: (current: Current, params: P) => R) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    const current = await analyses.get(params.textDocument.uri);
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, "The request was cancelled.");
    return current ? answer(current, params) : empty;
  };
}

connection.onCodeAction(onDocument([], (current, params) => codeActions(params, current, editSupport)));
connection.onHover(onDocument(null, (current, params) => hover(current, params.position)));
connection.onCompletion(onDocument([], (current, params) => completion(current, params.position, completionSupport)));
connection.onDocumentSymbol(onDocument([], (current) => documentSymbols(current)));
connection.onFoldingRanges(onDocument([], (current) => foldingRanges(current)));
connection.onRequest(PERSONA_FIT, (params: PersonaFitParams) => personaFit(analyses, params));
connection.onRequest(NEW_CHARTER_TEMPLATES, (params: NewCharterParams | undefined) => newCharterTemplates(settings, params));

documents.listen(connection);
connection.listen();

// Regular expressions compiled to machine code at once, not first to bytecode and again when used
// twice: the matcher runs each of its large patterns on every sentence, so the first compilation was
// wasted (1,000-line start-up: 11–14 ms less, median of 12 interleaved starts). Set once Node has
// loaded its own modules for the connection, which a changed setting would make it compile anew
// (v8-settings.ts).
change("--no-regexp-tier-up", "--regexp-tier-up");
