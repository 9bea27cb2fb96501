import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, FileChangeType, ProposedFeatures, TextDocuments,
  TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ResourceLanguageService } from './core/service';
import { renderCardFor } from './lsp/cardPreview';
import { RENDER_CARD_METHOD, type RenderCardParams, type RenderCardResult } from './lsp/cardProtocol';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { SectionFeatures } from './lsp/sections';
import { WorkspaceState } from './lsp/workspace';

/** LSP wiring only: the language service in ./core does the work. */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let supportsConfigurationPull = false;

const workspace = new WorkspaceState(
  async () => (supportsConfigurationPull ? connection.workspace.getConfiguration({ section: 'resourceAuthoring' }) : {}),
  (config) => {
    service.setConfiguration(config);
    // Report globs are settings too: re-read the reports, then check with them.
    void sections.reload().then(() => publisher.validateAll());
  },
  (message) => connection.console.warn(message),
);
const service = new ResourceLanguageService(workspace.configuration);
const sections: SectionFeatures = new SectionFeatures(
  documents, service, workspace, () => publisher.validateAll(), (message) => connection.console.warn(message),
);
const publisher = new DiagnosticsPublisher(connection, documents, service, workspace, (uri) => sections.isReport(uri));
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
      completionProvider: { triggerCharacters: ['§', '.'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
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
  for (const c of changes) {
    reload = workspace.noteFileChange(c.uri, kinds[c.type]) || reload;
    sections.noteFileChange(c.uri);
  }
  if (reload) ready = ready.then(() => workspace.reload());
});

documents.onDidChangeContent(({ document }) => {
  sections.noteDocumentChange(document);
  void ready.then(() => sections.ready).then(() => publisher.validate(document));
});

// The card preview: rendered here, where the parser, the workspace vocabularies and the report are.
connection.onRequest(RENDER_CARD_METHOD, async (params: RenderCardParams): Promise<RenderCardResult | null> => {
  await ready;
  const doc = documents.get(params.uri);
  return doc ? renderCardFor(doc, service, workspace.isResource(doc.uri)) : null;
});

documents.onDidClose(({ document }) => {
  sections.noteDocumentClose(document.uri);
  service.forget(document.uri);
  publisher.clear(document.uri);
});

// Section references (issue 4): completion, hover, navigation, outline and quick fixes.
connection.onCompletion((p) => sections.completion(p));
connection.onHover((p) => sections.hover(p));
connection.onDefinition((p) => sections.definition(p));
connection.onReferences((p) => sections.references(p));
connection.onDocumentLinks((p) => sections.links(p));
connection.onDocumentSymbol((p) => sections.documentSymbols(p));
connection.onWorkspaceSymbol((p) => sections.workspaceSymbols(p));
connection.onCodeAction((p) => sections.codeActions(p));

process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));

documents.listen(connection);
connection.listen();
