import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, FileChangeType, MessageType, ProposedFeatures,
  ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ResourceLanguageService } from './core/service';
import { renderCardFor } from './lsp/cardPreview';
import { RENDER_CARD_METHOD, type RenderCardParams, type RenderCardResult } from './lsp/cardProtocol';
import { mergeCodeActions, mergeCompletions, mergeHovers } from './lsp/combine';
import { fileStatus, workspaceFacts } from './lsp/fileStatus';
import { FILE_STATUS_METHOD, type FileStatusParams, type FileStatusResult } from './lsp/fileStatusProtocol';
import { LoadedFileWatch } from './lsp/loadedFileWatch';
import { FRONTMATTER_CODE_ACTION_KINDS, FRONTMATTER_TRIGGER_CHARACTERS, FrontmatterFeatures } from './lsp/frontmatter';
import { SectionFeatures } from './lsp/sections';
import { SettingsNotice } from './lsp/settingsNotice';
import { WorkspaceState } from './lsp/workspace';
import { WorkspaceDiagnostics } from './lsp/workspaceDiagnostics';
import { workspaceSummary } from './lsp/workspaceSummary';

/** LSP wiring only: the language service in ./core does the work. */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let supportsConfigurationPull = false;
let supportsWatchRegistration = false;

// Settings the server ignores are announced where they are (re)loaded: the fetch below.
const settingsNotice = new SettingsNotice({
  showError: (message) => connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
  log: (message) => connection.console.error(message),
});
const workspace = new WorkspaceState(
  async () => settingsNotice.check(supportsConfigurationPull ? await connection.workspace.getConfiguration({ section: 'resourceAuthoring' }) : {}),
  (config) => {
    service.setConfiguration(config);
    loadedFileWatch.update(workspace.loadedPaths());
    // Report globs are settings too: re-read the reports, then check with them, then say what was found.
    void sections.reload().then(() => publisher.validateAll())
      .then(() => connection.console.info(workspaceSummary(workspaceFacts(workspace, service.reports, publisher))))
      .catch((e: unknown) => connection.console.error(`Reloading the reports and checking the folder failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  },
  (message) => connection.console.warn(message),
);
const service = new ResourceLanguageService(workspace.configuration);
const loadedFileWatch = new LoadedFileWatch(connection, () => supportsWatchRegistration, (file) => workspace.watchedByClient(file));
const sections: SectionFeatures = new SectionFeatures(
  documents, service, workspace, () => publisher.validateAll(), (message) => connection.console.warn(message),
);
// Every resource file's diagnostics (open or not, per resourceAuthoring.workspaceDiagnostics), incl. duplicate-resource.
const publisher = new WorkspaceDiagnostics(connection, documents, service, workspace, (uri) => sections.isReport(uri));
const frontmatter = new FrontmatterFeatures(documents, service, workspace, () => publisher.style.votes);
let ready: Promise<void> = Promise.resolve();

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { trusted?: boolean; root?: string | null };
  // Our client names the one folder a server owns (null: none, for the server of untitled files in a
  // multi-root window, which must not scan a folder another server owns); other editors send folders.
  const folder = options.root !== undefined ? options.root : (params.workspaceFolders?.[0]?.uri ?? params.rootUri);
  workspace.setRoot(folder ? URI.parse(folder).fsPath : undefined);
  workspace.trusted = options.trusted !== false;
  supportsConfigurationPull = params.capabilities.workspace?.configuration === true;
  supportsWatchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  frontmatter.insertReplace = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: ['§', '.', ...FRONTMATTER_TRIGGER_CHARACTERS] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [...new Set([CodeActionKind.QuickFix, ...FRONTMATTER_CODE_ACTION_KINDS])] },
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
    void ready.then(() => publisher.noteFileChange(c.uri, kinds[c.type]));
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
  await sections.ready;
  const doc = documents.get(params.uri);
  return doc ? renderCardFor(doc, service, workspace.isResource(doc.uri), service.reports) : null;
});

documents.onDidClose(({ document }) => {
  sections.noteDocumentClose(document.uri);
  service.forget(document.uri);
  void publisher.closed(document.uri);
});

/** Settings, vocabularies and reports loaded: answers use the workspace's, not the bundled defaults. */
const settled = () => ready.then(() => sections.ready);

// Section references: completion, hover, navigation, outline and quick fixes.
// Frontmatter and section references share these requests: each answers where it applies.
connection.onCompletion(async (p) => {
  await settled();
  return mergeCompletions(frontmatter.completion(p), sections.completion(p));
});
connection.onHover(async (p) => {
  await settled();
  return mergeHovers(frontmatter.hover(p), await sections.hover(p));
});
connection.onDefinition((p) => sections.definition(p));
connection.onReferences((p) => sections.references(p));
connection.onDocumentLinks((p) => sections.links(p));
connection.onDocumentSymbol(async (p) => {
  await settled();
  // A resource's fields and a report's sections (a file can be both).
  const fields = frontmatter.documentSymbols(p);
  const report = sections.documentSymbols(p);
  return fields || report ? [...(fields ?? []), ...(report ?? [])] : null;
});
connection.onWorkspaceSymbol((p) => sections.workspaceSymbols(p));
connection.onCodeAction(async (p) => {
  await settled();
  return mergeCodeActions(p.context.only, frontmatter.codeActions(p), sections.codeActions(p));
});

// The client's status bar item asks what a file is and how it stands.
connection.onRequest(FILE_STATUS_METHOD, async (params: FileStatusParams): Promise<FileStatusResult> => {
  await settled();
  return fileStatus(params.uri, workspace, (uri) => sections.isReport(uri), service.reports, publisher);
});

process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));

documents.listen(connection);
connection.listen();
