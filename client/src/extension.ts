import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DEFAULT_SERVER, outermostFolders, serverFor } from './folders';
import { registerCardPreview } from './preview';

/**
 * Files the server hears about when they change on disk: vocabulary data files (re-read), Markdown
 * resources and reports (`.md`/`.txt`, re-checked: workspace diagnostics, duplicate links, sections).
 */
const WATCHED = ['**/{resourceTags,resourceFocuses,resourceTypes,resourceCategories}.json', '**/*.{md,txt}'];

/** Running servers by key: an outermost workspace folder's URI, or DEFAULT_SERVER. */
const clients = new Map<string, LanguageClient>();
/** Each server's file watchers: the language client disposes its listeners, not the watchers. */
const watchers = new Map<LanguageClient, vscode.FileSystemWatcher[]>();

async function stopClient(c: LanguageClient): Promise<void> {
  try {
    await c.stop();
  } finally {
    for (const w of watchers.get(c) ?? []) w.dispose();
    watchers.delete(c);
  }
}

function folderUris(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, folder: vscode.WorkspaceFolder | undefined): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // A folder's server takes the files inside it (a protocol RelativePattern: no escaping of the
  // folder's path into a glob); in a window without folders one server takes every Markdown file.
  const documentSelector: DocumentSelector = folder
    ? [{ scheme: 'file', language: 'markdown', pattern: { baseUri: { uri: folder.uri.toString(), name: folder.name }, pattern: '**/*' } }]
    : [{ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' }];
  const fileEvents = folder ? WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob))) : [];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    workspaceFolder: folder,
    synchronize: { configurationSection: 'resourceAuthoring', fileEvents },
    outputChannel: output,
    initializationOptions: { trusted: vscode.workspace.isTrusted, root: folder ? folder.uri.toString() : null },
  };
  const name = folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `Resource Authoring (${folder.name})` : 'Resource Authoring';
  const client = new LanguageClient('resourceAuthoring', name, serverOptions, clientOptions);
  watchers.set(client, fileEvents);
  return client;
}

/**
 * Starts a server for each outermost folder that lacks one and stops the rest; a window without
 * folders gets the one default server. Files outside every folder of a multi-root window are not
 * resources (resourceAuthoring.resourceGlobs are relative to a folder), so they need no server.
 */
async function reconcile(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const wanted = new Map<string, vscode.WorkspaceFolder | undefined>();
  for (const uri of outermostFolders(folderUris())) wanted.set(uri, folders.find((f) => f.uri.toString() === uri));
  if (wanted.size === 0) wanted.set(DEFAULT_SERVER, undefined);
  const stopping = [...clients].filter(([key]) => !wanted.has(key)).map(async ([key, c]) => {
    clients.delete(key);
    await stopClient(c);
  });
  const starting = [...wanted].filter(([key]) => !clients.has(key)).map(async ([key, folder]) => {
    const c = createClient(context, output, folder);
    clients.set(key, c);
    // A server that fails to start must not take the other folders' servers (or activation) with it.
    await c.start().catch((e: unknown) => output.error(`The language server${folder ? ` for ${folder.name}` : ''} did not start: ${e instanceof Error ? e.message : String(e)}`));
  });
  await Promise.all([...stopping, ...starting]);
}

async function stopAll(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map(stopClient));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Resource Authoring', { log: true });
  context.subscriptions.push(output);
  const restart = async (): Promise<void> => {
    await stopAll();
    await reconcile(context, output);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('resourceAuthoring.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('resourceAuthoring.restartServer', restart),
    // Trust widens what the server may read (workspace schema and vocabularies): restart with it.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeWorkspaceFolders(() => reconcile(context, output)),
  );
  registerCardPreview(context, (uri) => clients.get(serverFor(uri.toString(), folderUris())));
  await reconcile(context, output);
}

export async function deactivate(): Promise<void> {
  await stopAll();
}
