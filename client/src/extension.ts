import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DEFAULT_SERVER, outermostFolders, serverFor } from './folders';
import { registerCardPreview } from './preview';
import { registerFileStatus } from './status';

/**
 * Files the server hears about when they change on disk: vocabulary data files (re-read), Markdown
 * resources and reports (`.md`/`.txt`, re-checked: workspace diagnostics, duplicate links, sections).
 */
const WATCHED = ['**/{resourceTags,resourceFocuses,resourceTypes,resourceCategories}.json', '**/*.{md,txt}'];

/**
 * Running servers by key (an outermost workspace folder's URI, or DEFAULT_SERVER), with their file
 * watchers: the language client disposes its listeners on them, not the watchers.
 */
const servers = new Map<string, { client: LanguageClient; watchers: vscode.FileSystemWatcher[] }>();

async function stopServer(server: { client: LanguageClient; watchers: vscode.FileSystemWatcher[] }): Promise<void> {
  try {
    await server.client.stop();
  } finally {
    for (const w of server.watchers) w.dispose();
  }
}

function folderUris(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
}

function createServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, folder: vscode.WorkspaceFolder | undefined): { client: LanguageClient; watchers: vscode.FileSystemWatcher[] } {
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
  return { client: new LanguageClient('resourceAuthoring', name, serverOptions, clientOptions), watchers: fileEvents };
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
  const stopping = [...servers].filter(([key]) => !wanted.has(key)).map(async ([key, server]) => {
    servers.delete(key);
    await stopServer(server);
  });
  const starting = [...wanted].filter(([key]) => !servers.has(key)).map(async ([key, folder]) => {
    const server = createServer(context, output, folder);
    servers.set(key, server);
    // A server that fails to start must not take the other folders' servers (or activation) with it.
    await server.client.start().catch((e: unknown) => output.error(`The language server${folder ? ` for ${folder.name}` : ''} did not start: ${e instanceof Error ? e.message : String(e)}`));
  });
  await Promise.all([...stopping, ...starting]);
}

async function stopAll(): Promise<void> {
  const all = [...servers.values()];
  servers.clear();
  await Promise.all(all.map(stopServer));
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
  registerCardPreview(context, (uri) => servers.get(serverFor(uri.toString(), folderUris()))?.client);
  registerFileStatus(context, output, (uri) => servers.get(serverFor(uri.toString(), folderUris()))?.client);
  await reconcile(context, output);
}

export async function deactivate(): Promise<void> {
  await stopAll();
}
