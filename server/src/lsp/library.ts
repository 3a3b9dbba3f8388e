/**
 * The values the server takes from vscode-languageserver, imported here once. The package is
 * CommonJS, and the bundle copies its 321 exports into a namespace of getters for every module that
 * imports values from it: nine such copies cost about 5 ms of each start. Types come straight from
 * the package, since type imports vanish from the bundle.
 */
export {
  AbstractMessageWriter,
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FoldingRangeKind,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from "vscode-languageserver/node";
