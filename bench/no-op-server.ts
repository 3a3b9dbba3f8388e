/**
 * The protocol's own cost, for the benchmark: a language server that analyses nothing. It keeps each
 * document in step with the editor, as any server must, and publishes for every version the
 * diagnostics it was handed at start (ours for the same text), so that an edit costs here what it
 * costs us without the analysis: JSON-RPC over stdio both ways, and the same payload.
 *
 * `node no-op-server.js --stdio --diagnostics <file.json>`
 */
import * as fs from "node:fs";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "vscode-languageserver/node";
import { forgetHeapSizes } from "../server/src/node/v8-settings";

// As our launcher does first: the heap keeps the size the options gave it, and Node loads its own
// modules from its code cache (v8-settings.ts). Only then is the protocol library loaded.
forgetHeapSizes();
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require("vscode-languageserver/node") as typeof import("vscode-languageserver/node");

const file = process.argv[process.argv.indexOf("--diagnostics") + 1];
const diagnostics = JSON.parse(fs.readFileSync(file, "utf8")) as Diagnostic[];

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, completionProvider: {} } }));
connection.onHover(() => null);
connection.onCompletion(() => []);
documents.onDidChangeContent(({ document }) => void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics }));
documents.listen(connection);
connection.listen();
