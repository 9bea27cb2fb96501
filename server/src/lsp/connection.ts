import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  ResponseError,
  ErrorCodes,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CODE_ACTION_KINDS,
  REFACTOR_RETIRE,
  createProject,
  isConfigFile,
  isDataFile,
  insideFolder,
  type Project,
  type ProgressFactory,
  type Scheduler,
} from '../core';
import {
  FileStatusRequest,
  FixWorkspaceRequest,
  NewResourceRequest,
  RenderCardRequest,
  RetireTermRequest,
} from '../../../protocol/src/requests';
import { SETTINGS_SECTION } from '../../../protocol/src/names';
import { EditorWorkspace, type FolderFiles } from './editorWorkspace';
import { LoadedFileWatch } from './loadedFileWatch';
import { guarded } from './guarded';
import { Publisher } from './publisher';
import { DiagnosticsDelivery } from './pullDiagnostics';
import { SettingsNotice } from './settingsNotice';

/** Completion trigger characters: `§` and `.` for sections; `key: `, `[`, `, `, `"`, `- ` for frontmatter values. */
const TRIGGER_CHARACTERS = ['§', '.', ':', ' ', '[', ',', '"', '-'];

/** What a server host (Node over stdio or IPC, a browser's Web Worker) supplies: how it reaches files, and its event loop. */
export interface ServerHost {
  /** The files of the folder the server owns (undefined: none), beneath the editor's open documents. */
  folderFiles(options: { folder: string | undefined; settings: () => Promise<unknown>; trusted: boolean }): FolderFiles;
  scheduler: Scheduler;
  /** How long a § hover waits for the workspace's citation count. */
  hoverCountWaitMs: number;
}

/**
 * The LSP wiring, once for every host: the project (../core) owns the workspace and answers every
 * request; the host decides only where the files come from.
 */
export function serve(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const publisher = new Publisher(connection, (uri) => documents.get(uri)?.version);
  const delivery = new DiagnosticsDelivery(connection, publisher);
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
    const options = (params.initializationOptions ?? {}) as { trusted?: boolean; root?: string | null; diagnostics?: string };
    // Our client names the one folder a server owns (null: none, for the server of untitled files in a
    // multi-root window, which must not scan a folder another server owns); other editors send folders.
    const folder = options.root !== undefined ? options.root : (params.workspaceFolders?.[0]?.uri ?? params.rootUri);
    supportsConfigurationPull = params.capabilities.workspace?.configuration === true;
    insertReplace = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
    const files = host.folderFiles({
      folder: folder ?? undefined,
      settings: async () => (supportsConfigurationPull ? connection.workspace.getConfiguration({ section: SETTINGS_SECTION }) : {}),
      trusted: options.trusted !== false,
    });
    editor = new EditorWorkspace(files, documents);
    const created = createProject({
      workspace: editor,
      logger: {
        info: (m) => connection.console.info(m),
        warn: (m) => connection.console.warn(m),
        error: (m) => connection.console.error(m),
      },
      scheduler: host.scheduler,
      progress,
      hoverCountWaitMs: host.hoverCountWaitMs,
    });
    const watch = new LoadedFileWatch(
      connection,
      () => params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      // The client watches the data files by their usual names inside the folder itself, and the configuration file at its root.
      (uri) => {
        const rel = files.folder !== undefined ? insideFolder(files.folder, uri) : undefined;
        return rel !== undefined && (isDataFile(rel) || isConfigFile(rel));
      },
    );
    delivery.initialize(params.capabilities, created, options.diagnostics);
    created.onDidChangeDiagnostics((uris) => delivery.changed(uris));
    created.onDidLoad((outcome) => {
      settingsNotice.show(outcome.settingsProblems);
      watch.update(created.loadedFiles);
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
        codeActionProvider: {
          codeActionKinds: [...new Set([CodeActionKind.QuickFix, ...CODE_ACTION_KINDS, REFACTOR_RETIRE])],
          resolveProvider: true,
        },
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        ...delivery.capabilities(),
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
  connection.onDidChangeWatchedFiles(({ changes }) =>
    editor?.filesChanged(changes.map((c) => ({ uri: c.uri, kind: CHANGE_KINDS[c.type] }))),
  );

  /** Every request handler answers an exception of its own as an error for that request, logged once. */
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
    guard('codeAction', async (p) => {
      const ready = await settled();
      if (!ready) return [];
      const terms = await ready.termActions(p.textDocument.uri, p.range, p.context.only);
      return [...ready.codeActions(p.textDocument.uri, p.range, p.context.diagnostics, p.context.only), ...terms];
    }),
  );
  connection.onCodeActionResolve(guard('codeActionResolve', async (action) => (await settled())?.resolveCodeAction(action) ?? action));
  // The vocabularies as code: code lenses on the data files, rename (and merge) of a term, its retirement.
  connection.onCodeLens(guard('codeLens', async (p) => (await settled())?.codeLenses(p.textDocument.uri) ?? null));
  connection.onPrepareRename(guard('prepareRename', async (p) => (await settled())?.prepareRename(p.textDocument.uri, p.position) ?? null));
  connection.onRenameRequest(
    guard('rename', async (p) => {
      const answer = await (await settled())?.rename(p.textDocument.uri, p.position, p.newName);
      if (answer && 'error' in answer) throw new ResponseError(ErrorCodes.InvalidRequest, answer.error);
      return answer ?? null;
    }),
  );
  connection.onRequest(
    RetireTermRequest.type,
    guard('retireTerm', async (p) => {
      const ready = await settled();
      if (!ready) return { edit: null, error: 'The server is not ready.', resources: 0 };
      const { plan, edit } = await ready.termEdit({ kind: 'retire', vocabulary: p.vocabulary, value: p.value, replaceWith: p.replaceWith });
      return { edit: edit ?? null, ...(plan.error ? { error: plan.error } : {}), resources: plan.resources };
    }),
  );
  // The card preview, and what a file is (the status bar and the preview ask; the client never decides it).
  // After a settings change they wait for the reload, so no answer uses the old globs.
  connection.onRequest(
    RenderCardRequest.type,
    guard('renderCard', async (p) => (await settled())?.renderCard(p.uri) ?? null),
  );
  // "Resources: New Resource": the server names the file and writes the skeleton; the client inserts it.
  connection.onRequest(
    NewResourceRequest.type,
    guard(
      'newResource',
      async (p) => (await settled())?.newResource(p) ?? { kind: 'unavailable', reason: 'The language server has no folder.' },
    ),
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

  delivery.listen(settled, guard);
  documents.listen(connection);
  connection.listen();
}
