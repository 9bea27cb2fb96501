import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CODE_ACTION_KINDS, createProject, isConfigFile, isDataFile, insideFolder, type Project, type ProgressFactory } from './core';
import { FileStatusRequest, FixWorkspaceRequest, RenderCardRequest } from '../../protocol/src/requests';
import { SETTINGS_SECTION } from '../../protocol/src/names';
import { EditorWorkspace } from './lsp/editorWorkspace';
import { LoadedFileWatch } from './lsp/loadedFileWatch';
import { guarded } from './lsp/guarded';
import { Publisher } from './lsp/publisher';
import { SettingsNotice } from './lsp/settingsNotice';
import { DiskWorkspace } from './node/diskWorkspace';
import { nodeScheduler } from './node/scheduler';

/** Completion trigger characters: `§` and `.` for sections; `key: `, `[`, `, `, `"`, `- ` for frontmatter values. */
const TRIGGER_CHARACTERS = ['§', '.', ':', ' ', '[', ',', '"', '-'];

/** LSP wiring only: the project (./core) owns the workspace and answers every request. */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const publisher = new Publisher(connection, (uri) => documents.get(uri)?.version);
const settingsNotice = new SettingsNotice({
  showError: (message) => connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
  log: (message) => connection.console.error(message),
});
let project: Project | undefined;
let editor: EditorWorkspace | undefined;
let supportsConfigurationPull = false;
let insertReplace = false;

const progress: ProgressFactory = async (title, total) => {
  const bar = await connection.window.createWorkDoneProgress();
  bar.begin(title, 0, `0/${total}`, false);
  return {
    report: (done, all) => bar.report(Math.round((done / all) * 100), `${done}/${all}`),
    done: () => bar.done(),
  };
};

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { trusted?: boolean; root?: string | null };
  // Our client names the one folder a server owns (null: none, for the server of untitled files in a
  // multi-root window, which must not scan a folder another server owns); other editors send folders.
  const folder = options.root !== undefined ? options.root : (params.workspaceFolders?.[0]?.uri ?? params.rootUri);
  supportsConfigurationPull = params.capabilities.workspace?.configuration === true;
  insertReplace = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
  const disk = new DiskWorkspace({
    root: folder ? URI.parse(folder).fsPath : undefined,
    settings: async () => (supportsConfigurationPull ? connection.workspace.getConfiguration({ section: SETTINGS_SECTION }) : {}),
    trusted: options.trusted !== false,
  });
  editor = new EditorWorkspace(disk, documents);
  const created = createProject({
    workspace: editor,
    logger: { info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m), error: (m) => connection.console.error(m) },
    scheduler: nodeScheduler,
    progress,
    hoverCountWaitMs: Number(process.env.RESOURCE_AUTHORING_HOVER_COUNT_WAIT_MS ?? 150),
  });
  const watch = new LoadedFileWatch(
    connection,
    () => params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    // The client watches the data files by their usual names inside the folder itself, and the configuration file at its root.
    (file) => {
      const rel = disk.folder !== undefined ? insideFolder(disk.folder, URI.file(file).toString()) : undefined;
      return rel !== undefined && (isDataFile(rel) || isConfigFile(rel));
    },
  );
  created.onDidChangeDiagnostics((uris) => publisher.publish(created, uris));
  created.onDidLoad((outcome) => {
    settingsNotice.show(outcome.settingsProblems);
    watch.update(created.loadedFiles.map((uri) => URI.parse(uri).fsPath));
  });
  project = created;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [...new Set([CodeActionKind.QuickFix, ...CODE_ACTION_KINDS])] },
    },
    serverInfo: { name: 'resource-authoring' },
  };
});

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  void project?.start();
});

connection.onDidChangeConfiguration(() => editor?.settingsChanged());

const CHANGE_KINDS = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
} as const;
connection.onDidChangeWatchedFiles(({ changes }) => editor?.filesChanged(changes.map((c) => ({ uri: c.uri, kind: CHANGE_KINDS[c.type] }))));

/** Every handler below answers an exception of its own as an error for that request, logged once. */
const guard = guarded((m) => connection.console.error(m));

/** Every request waits until the workspace's settings, vocabularies and reports are loaded, then asks the project. */
async function settled(): Promise<Project | undefined> {
  await project?.settled();
  return project;
}

connection.onCompletion(
  guard('completion', async (p) => (await settled())?.completion(p.textDocument.uri, p.position, { insertReplace }) ?? null),
);
connection.onHover(guard('hover', async (p) => (await settled())?.hover(p.textDocument.uri, p.position) ?? null));
connection.onDefinition(guard('definition', async (p) => (await settled())?.definition(p.textDocument.uri, p.position) ?? null));
connection.onReferences(
  guard('references', async (p) => (await settled())?.references(p.textDocument.uri, p.position, p.context.includeDeclaration) ?? null),
);
connection.onDocumentLinks(guard('documentLinks', async (p) => (await settled())?.documentLinks(p.textDocument.uri) ?? null));
connection.onDocumentSymbol(guard('documentSymbol', async (p) => (await settled())?.documentSymbols(p.textDocument.uri) ?? null));
connection.onWorkspaceSymbol(guard('workspaceSymbol', async (p) => (await settled())?.workspaceSymbols(p.query) ?? []));
connection.onCodeAction(
  guard(
    'codeAction',
    async (p) => (await settled())?.codeActions(p.textDocument.uri, p.range, p.context.diagnostics, p.context.only) ?? [],
  ),
);
// The card preview, and what a file is (the status bar and the preview ask; the client never decides it).
// After a settings change they wait for the reload, so no answer uses the old globs.
connection.onRequest(
  RenderCardRequest.type,
  guard('renderCard', async (p) => (await settled())?.renderCard(p.uri) ?? null),
);
connection.onRequest(
  FileStatusRequest.type,
  guard('fileStatus', async (p) => (await settled())?.fileStatus(p.uri) ?? { role: null, problems: 0, sections: null }),
);

// Fix all over the folder, for the client to preview; a cancelled request stops between batches of files.
connection.onRequest(
  FixWorkspaceRequest.type,
  guard('fixWorkspace', async (_p, token) => {
    const fix = await (await settled())?.fixWorkspace({ cancelled: () => token.isCancellationRequested });
    return fix ?? null;
  }),
);

process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) =>
  connection.console.error(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
);

documents.listen(connection);
connection.listen();
