/**
 * Drives one language server over stdio the way an editor does, and times what a user waits for:
 * start-up to the first diagnostics, each keystroke to fresh diagnostics, hover and completion; then
 * reads the server's peak memory. The same session runs against our server and yaml-language-server.
 */
import * as fs from "node:fs";
import { DidChangeConfigurationNotification, CompletionRequest, HoverRequest, type Position } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { TestClient, VSCODE_LIKE_CAPABILITIES, type StartOptions } from "../test/lsp/client";
import { summary, type Summary } from "./stats";

export interface ServerSpec {
  name: string;
  /** Node arguments that start it over stdio. */
  command: string[];
  /** Its environment, made from the benchmark's own at each start (the code-cache variables may change between starts). */
  environment: (env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  languageId: string;
  /** Answers `workspace/configuration`, and is pushed by `workspace/didChangeConfiguration`. */
  settings: Record<string, unknown>;
  /** Publishes diagnostics without the document version. */
  unversioned: boolean;
}

export interface SessionResult {
  startupToInitializeMs: number;
  startupToDiagnosticsMs: number;
  diagnostics: number;
  editToDiagnosticsMs: Summary;
  hoverMs: Summary;
  completionMs: Summary;
  peakRssMiB: number;
}

/** The keystrokes of a session: a word typed letter by letter at the end of several lines. */
export interface Typing {
  lines: number[];
  word: string;
}

/** Texts the session goes through, one per keystroke: the floor is timed on the same ones. */
export function typedTexts(text: string, typing: Typing): string[] {
  let document = TextDocument.create("file:///typed", "yaml", 1, text);
  const texts: string[] = [];
  for (const { position, char } of keystrokes(document, typing)) {
    document = TextDocument.update(document, [{ range: { start: position, end: position }, text: char }], document.version + 1);
    texts.push(document.getText());
  }
  return texts;
}

/** Each keystroke: where it lands (before a closing full stop) as typing goes on; it never moves other lines. */
function* keystrokes(document: TextDocument, { lines, word }: Typing): Generator<{ position: Position; char: string }> {
  for (const line of lines) {
    const content = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, "");
    const end = content.length - (content.endsWith(".") ? 1 : 0);
    for (let i = 0; i < word.length; i++) yield { position: { line, character: end + i }, char: word[i] };
  }
}

/** Where hover and completion are asked: a key, the persona value, an accountability id, a new top-level key. */
export function probes(text: string): { hover: Position[]; completion: Position[] } {
  const document = TextDocument.create("file:///probe", "yaml", 1, text);
  const at = (needle: string, plus = 0) => document.positionAt(text.indexOf(needle) + plus);
  return {
    hover: [at("persona:", 2), at("persona: ", 12), at("  - id: ", 10), at("reports_to: ", 13), at("  size:", 3)],
    completion: [at("persona: ", 9), at("  size: ", 8), at("reports_to: ", 12), at("  - id: ", 8)],
  };
}

/** VS Code's capabilities; yaml-language-server needs workspace folders to finish initializing. */
const CAPABILITIES = { ...VSCODE_LIKE_CAPABILITIES, workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, workspaceFolders: true } };
const PROBE_ROUNDS = 10;
/** After the first diagnostics, servers may publish again (a settings change re-validates); let that pass. */
const SETTLE_MS = 500;

/** Spawn, initialize, configure, open: what an editor does first, timed. */
async function startAndOpen(spec: ServerSpec, uri: string, text: string) {
  const options: StartOptions = {
    command: spec.command,
    env: spec.environment(process.env),
    capabilities: CAPABILITIES,
    configuration: (section) => (section ? (spec.settings[section] ?? null) : spec.settings),
    unversioned: spec.unversioned,
  };
  const started = performance.now();
  const client = await TestClient.start(options);
  const startupToInitializeMs = performance.now() - started;
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: spec.settings });
  const first = await client.open(uri, text, spec.languageId);
  return { client, first, startupToInitializeMs, startupToDiagnosticsMs: performance.now() - started };
}

/** Start-up to the first diagnostics alone, e.g. for the first start after an install. */
export async function timeStartup(spec: ServerSpec, uri: string, text: string): Promise<number> {
  const { client, startupToDiagnosticsMs } = await startAndOpen(spec, uri, text);
  await client.stop();
  return startupToDiagnosticsMs;
}

/** `afterEdit` gets each keystroke's text once its diagnostics are in, e.g. to time the floor at the same moment. */
export async function runSession(spec: ServerSpec, uri: string, text: string, typing: Typing, afterEdit?: (typed: string) => void): Promise<SessionResult> {
  const { client, first, startupToInitializeMs, startupToDiagnosticsMs } = await startAndOpen(spec, uri, text);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

  const edits: number[] = [];
  for (const { position, char } of keystrokes(client.document(uri), typing)) {
    const sent = performance.now();
    await client.edit(uri, [{ range: { start: position, end: position }, newText: char }]);
    edits.push(performance.now() - sent);
    afterEdit?.(client.text(uri));
  }

  const { hover, completion } = probes(client.text(uri));
  const hovers: number[] = [];
  const completions: number[] = [];
  for (let round = 0; round < PROBE_ROUNDS; round++) {
    for (const position of hover) hovers.push(await timed(() => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })));
    for (const position of completion) completions.push(await timed(() => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })));
  }

  const peakRssMiB = peakRss(client.server.pid!);
  await client.stop();
  return {
    startupToInitializeMs,
    startupToDiagnosticsMs,
    diagnostics: first.diagnostics.length,
    editToDiagnosticsMs: summary(edits),
    hoverMs: summary(hovers),
    completionMs: summary(completions),
    peakRssMiB,
  };
}

async function timed(request: () => Promise<unknown>): Promise<number> {
  const sent = performance.now();
  await request();
  return performance.now() - sent;
}

/** The process's high-water mark of resident memory (VmHWM), in MiB. */
function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}
