import {
  createConnection, DidChangeConfigurationNotification, FileChangeType, ProposedFeatures, TextDocuments,
  TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ResourceLanguageService } from './core/service';
import { renderCardFor } from './lsp/cardPreview';
import { RENDER_CARD_METHOD, type RenderCardParams, type RenderCardResult } from './lsp/cardProtocol';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { WorkspaceState } from './lsp/workspace';

/** LSP wiring only: the language service in ./core does the work. */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let supportsConfigurationPull = false;

const workspace = new WorkspaceState(
  async () => (supportsConfigurationPull ? connection.workspace.getConfiguration({ section: 'resourceAuthoring' }) : {}),
  (config) => {
    service.setConfiguration(config);
    publisher.validateAll();
  },
  (message) => connection.console.warn(message),
);
const service = new ResourceLanguageService(workspace.configuration);
const publisher = new DiagnosticsPublisher(connection, documents, service, workspace);
let ready: Promise<void> = Promise.resolve();

connection.onInitialize((params): InitializeResult => {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  workspace.setRoot(folder ? URI.parse(folder).fsPath : undefined);
  const options = (params.initializationOptions ?? {}) as { trusted?: boolean };
  workspace.trusted = options.trusted !== false;
  supportsConfigurationPull = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    },
    serverInfo: { name: 'resource-authoring' },
  };
});

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'resourceAuthoring' }).catch(() => undefined);
  ready = workspace.discover().then(() => workspace.reload());
});

connection.onDidChangeConfiguration(() => {
  ready = ready.then(() => workspace.reload());
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  const kinds = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
  let reload = false;
  for (const c of changes) reload = workspace.noteFileChange(c.uri, kinds[c.type]) || reload;
  if (reload) ready = ready.then(() => workspace.reload());
});

documents.onDidChangeContent(({ document }) => {
  void ready.then(() => publisher.validate(document));
});

// The card preview: rendered here, where the parser, the workspace vocabularies and the report are.
connection.onRequest(RENDER_CARD_METHOD, async (params: RenderCardParams): Promise<RenderCardResult | null> => {
  await ready;
  const doc = documents.get(params.uri);
  return doc ? renderCardFor(doc, service, workspace.isResource(doc.uri)) : null;
});

documents.onDidClose(({ document }) => {
  service.forget(document.uri);
  publisher.clear(document.uri);
});

process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));

documents.listen(connection);
connection.listen();
