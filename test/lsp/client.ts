/**
 * A small LSP client for the protocol tests and the benchmark: spawns the built server (or another
 * stdio server) over stdio, answers its requests like an editor does (configuration, capability
 * registration), and lets tests wait for the diagnostics of a given document version. Waits are on
 * messages, never on time; the timeout only turns a hang into a failure that says what was awaited.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConfigurationRequest,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { SERVER_NODE_OPTIONS, serverEnvironment } from "../../server/src/node/server-launch";

export const ROOT = path.resolve(__dirname, "..", "..");
/** The built server; CTO_CHARTER_SERVER points the tests at another build, e.g. the one inside a .vsix. */
export const SERVER = process.env.CTO_CHARTER_SERVER ?? path.join(ROOT, "dist", "server.js");

/** Long enough for a slow CI machine; only reached when the server never answers. */
const WAIT_LIMIT_MS = 20_000;

/** What VS Code announces, as far as this server cares. */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } }, isPreferredSupport: true },
  },
};

export interface StartOptions {
  /** The `ctoCharter` settings section the client answers with. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** Workspace folder (a path). */
  folder?: string;
  /** Node arguments that start a server over stdio; by default the built server, with the client's Node options. */
  command?: string[];
  /** The server's environment; by default the one the VS Code client gives it. */
  env?: NodeJS.ProcessEnv;
  /** The answer to one `workspace/configuration` item; by default the `ctoCharter` section is `settings`. */
  configuration?: (section: string | undefined) => unknown;
  /** The server publishes diagnostics without a version (yaml-language-server): the next ones count. */
  unversioned?: boolean;
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  /** The `ctoCharter` section; tests may change it, then call `configurationChanged`. */
  settings: Record<string, unknown>;
  readonly messages: ShowMessageParams[] = [];
  private readonly registrations: string[] = [];
  private readonly registrationWaiters: { method: string; resolve: () => void }[] = [];
  initializeResult!: InitializeResult;
  private readonly waiters: Waiter[] = [];
  private readonly texts = new Map<string, TextDocument>();

  private constructor(
    readonly connection: MessageConnection,
    readonly server: ChildProcess,
    settings: Record<string, unknown>,
    private readonly unversioned: boolean,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const command = options.command ?? [...SERVER_NODE_OPTIONS, SERVER, "--stdio"];
    const server = spawn(process.execPath, command, { stdio: ["pipe", "pipe", "inherit"], env: options.env ?? serverEnvironment(process.env) });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const client = new TestClient(connection, server, options.settings ?? {}, options.unversioned ?? false);
    const configuration = options.configuration ?? ((section) => (section === "ctoCharter" ? client.settings : null));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => configuration(item.section)));
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations.map((r) => r.method));
      for (const waiter of client.registrationWaiters) if (client.registrations.includes(waiter.method)) waiter.resolve();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.published(params));
    connection.listen();
    const folder = options.folder ?? ROOT;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
      capabilities: options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves once the server has registered for `method` (it does so after `initialized`). */
  registered(method: string): Promise<void> {
    if (this.registrations.includes(method)) return Promise.resolve();
    return withLimit(new Promise((resolve) => this.registrationWaiters.push({ method, resolve })), `a registration for ${method}`);
  }

  /** The next diagnostics published for `uri` that `accept` takes. Call before causing them. */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, what = "diagnostics"): Promise<PublishDiagnosticsParams> {
    return withLimit(new Promise((resolve) => this.waiters.push({ uri, accept, resolve })), `${what} for ${uri}`);
  }

  private published(params: PublishDiagnosticsParams): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  }

  /** Opens a document and resolves with the diagnostics of its first version. */
  async open(uri: string, text: string, languageId = "cto-charter"): Promise<PublishDiagnosticsParams> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    const diagnostics = this.nextDiagnostics(uri, (p) => this.unversioned || p.version === 1, "diagnostics of version 1");
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return diagnostics;
  }

  /** Sends incremental edits as the next version; resolves with that version's diagnostics. */
  async edit(uri: string, edits: TextEdit[]): Promise<PublishDiagnosticsParams> {
    const document = this.document(uri);
    const version = document.version + 1;
    // Content changes apply in order, each to the text the previous one left: send them back to front.
    const changes = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start)).map((e) => ({ range: e.range, text: e.newText }));
    this.texts.set(uri, TextDocument.update(document, changes, version));
    const diagnostics = this.nextDiagnostics(uri, (p) => this.unversioned || p.version === version, `diagnostics of version ${version}`);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return diagnostics;
  }

  /** Replaces `start..end` of the current text (offsets) as one incremental change. */
  async replace(uri: string, start: number, end: number, newText: string): Promise<PublishDiagnosticsParams> {
    const document = this.document(uri);
    return this.edit(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, newText }]);
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    this.texts.delete(uri);
    const cleared = this.nextDiagnostics(uri, (p) => p.diagnostics.length === 0, "cleared diagnostics");
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return cleared;
  }

  /** Tell the server its settings changed (it pulls them again); resolves with the next diagnostics for `uri`. */
  async configurationChanged(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri, accept, "diagnostics after a settings change");
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    return diagnostics;
  }

  document(uri: string): TextDocument {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** Applies a workspace edit for `uri` to the client's copy (the server is not told) and returns the new text. */
  applied(uri: string, edit: WorkspaceEdit): string {
    return TextDocument.applyEdits(this.document(uri), editsFor(uri, edit));
  }

  position(uri: string, needle: string, plus = 0, nth = 0): { line: number; character: number } {
    const text = this.text(uri);
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`"${needle}" (#${nth}) is not in ${uri}`);
    }
    return this.document(uri).positionAt(at + plus);
  }

  rangeText(uri: string, range: Range): string {
    return this.document(uri).getText(range);
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.server.once("exit", resolve));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}

/** The edits a workspace edit makes to one document, whichever of its two forms it uses. */
export function editsFor(uri: string, edit: WorkspaceEdit): TextEdit[] {
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) => ("textDocument" in change && change.textDocument.uri === uri ? change.edits : [])) as TextEdit[];
  return [...fromChanges, ...fromDocumentChanges];
}

function withLimit<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}
