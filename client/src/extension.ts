import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { CONFIG_FILE_NAMES, DATA_FILE_NAMES, SETTINGS_SECTION, settingId } from '../../protocol/src/names';
import { contributedKeys, explicitSettings } from './explicitSettings';
import { FileRoles } from './fileRoles';
import { registerFixWorkspace } from './fixWorkspace';
import { registerNewResource } from './newResource';
import { DEFAULT_SERVER, outermostFolders, serverFor } from './folders';
import { registerCardPreview } from './preview';
import { documentFilters, reportGlobsKey } from './reportSelector';
import { askFileStatus, registerFileStatus } from './status';
import { registerVocabularyCommands } from './vocabularyCommands';
import { answerFileRequests } from './clientFiles';
import type { ServerLauncher } from './launcher';

/**
 * Files the server hears about when they change on disk: vocabulary data files (re-read), Markdown
 * resources and reports (`.md`/`.txt`, re-checked: workspace diagnostics, duplicate links, sections), and
 * the configuration file at the folder's root (`.resource-lint.json`, package.json: re-read).
 */
const WATCHED = [`**/{${DATA_FILE_NAMES.join(',')}}`, '**/*.{md,txt}', `{${CONFIG_FILE_NAMES.join(',')}}`];
/** The site's tile template, stylesheets and icons: the card reads them again when they change. */
WATCHED.push('**/*.{njk,css,svg}');

/**
 * Running servers by key (an outermost workspace folder's URI, or DEFAULT_SERVER), with their file
 * watchers: the language client disposes its listeners on them, not the watchers.
 */
const servers = new Map<string, RunningServer>();

/** How this extension host starts a server: a Node process (node/main.ts, the desktop entry) or a Web Worker (web/main.ts, the browser entry). */
let launcher: ServerLauncher;

/** `reports`: the report globs its document selector was made from (reportGlobsKey). */
interface RunningServer {
  client: LanguageClient;
  watchers: vscode.FileSystemWatcher[];
  reports: string;
}

async function stopServer(server: RunningServer): Promise<void> {
  try {
    await server.client.stop();
  } finally {
    for (const w of server.watchers) w.dispose();
  }
}

function folderUris(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
}

function createServer(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  folder: vscode.WorkspaceFolder | undefined,
  roles: FileRoles<vscode.Uri>,
): RunningServer {
  // A folder's server takes the Markdown files inside it and its reports whatever their language
  // (see reportSelector.ts); in a window without folders one server takes every Markdown file.
  const reports = reportGlobs(folder);
  const documentSelector: DocumentSelector = documentFilters(
    folder ? { uri: folder.uri.toString(), name: folder.name } : undefined,
    reports,
  );
  // The vocabulary data files, for their code lenses, references, rename and diagnostics.
  if (folder)
    documentSelector.push({
      scheme: folder.uri.scheme,
      pattern: { baseUri: { uri: folder.uri.toString(), name: folder.name }, pattern: `**/{${DATA_FILE_NAMES.join(',')}}` },
    });
  const fileEvents = folder
    ? WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob)))
    : [];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    workspaceFolder: folder,
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents },
    outputChannel: output,
    // Diagnostics pushed even though VS Code could pull them: it pulls only for visible editors, and the
    // problems of the closed files would wait for its two-second workspace poll (see the README).
    initializationOptions: { trusted: vscode.workspace.isTrusted, root: folder ? folder.uri.toString() : null, diagnostics: 'push' },
    middleware: {
      workspace: {
        // Only what the author set: a default VS Code fills in would hide the folder's .resource-lint.json.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => {
            if (item.section !== SETTINGS_SECTION) return answers[i] as unknown;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : folder?.uri;
            const conf = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
            return explicitSettings(contributedKeys(context.extension.packageJSON, SETTINGS_SECTION), (key) => conf.inspect(key));
          });
        },
        // The server has been told of the new settings before the roles are asked for again, so it
        // answers with them (it reads its messages in order).
        didChangeConfiguration: async (sections, next) => {
          await next(sections);
          roles.forgetAll();
        },
      },
    },
  };
  const name =
    folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `Resource Authoring (${folder.name})` : 'Resource Authoring';
  const client = launcher(context, 'resourceAuthoring', name, clientOptions);
  answerFileRequests(client);
  return {
    client,
    watchers: fileEvents,
    reports: selectorKey(folder),
  };
}

/** What a server's document selector depends on: its folder's report globs (none without a folder). */
function selectorKey(folder: vscode.WorkspaceFolder | undefined): string {
  return folder ? reportGlobsKey(reportGlobs(folder)) : '';
}

function reportGlobs(folder: vscode.WorkspaceFolder | undefined): string[] {
  const globs = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri).get<unknown>('reports');
  return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string') : [];
}

/**
 * Starts a server for each outermost folder that lacks one and stops the rest; a window without
 * folders gets the one default server. Files outside every folder of a multi-root window are not
 * resources (resourceAuthoring.resourceGlobs are relative to a folder), so they need no server.
 */
async function reconcile(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, roles: FileRoles<vscode.Uri>): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const wanted = new Map<string, vscode.WorkspaceFolder | undefined>();
  for (const uri of outermostFolders(folderUris()))
    wanted.set(
      uri,
      folders.find((f) => f.uri.toString() === uri),
    );
  if (wanted.size === 0) wanted.set(DEFAULT_SERVER, undefined);
  // A server whose folder's report globs changed is replaced: its document selector is fixed at start.
  const stale = ([key, server]: [string, RunningServer]): boolean => !wanted.has(key) || server.reports !== selectorKey(wanted.get(key));
  const stopping = [...servers].filter(stale).map(async ([key, server]) => {
    servers.delete(key);
    await stopServer(server);
  });
  await Promise.all(stopping);
  const starting = [...wanted]
    .filter(([key]) => !servers.has(key))
    .map(async ([key, folder]) => {
      const server = createServer(context, output, folder, roles);
      servers.set(key, server);
      // A server that fails to start must not take the other folders' servers (or activation) with it.
      await server.client
        .start()
        .catch((e: unknown) =>
          output.error(
            `The language server${folder ? ` for ${folder.name}` : ''} did not start: ${e instanceof Error ? e.message : String(e)}`,
          ),
        );
    });
  await Promise.all(starting);
  // Another server may see a file differently (other report globs), and one that was missing can now answer.
  if (stopping.length > 0 || starting.length > 0) roles.forgetAll();
}

async function stopAll(): Promise<void> {
  const all = [...servers.values()];
  servers.clear();
  await Promise.all(all.map(stopServer));
}

/** The extension's activation in either extension host; `launch` starts the language server there. */
export async function activateWith(context: vscode.ExtensionContext, launch: ServerLauncher): Promise<void> {
  launcher = launch;
  const output = vscode.window.createOutputChannel('Resource Authoring', { log: true });
  context.subscriptions.push(output);
  const clientFor = (uri: vscode.Uri) => servers.get(serverFor(uri.toString(), folderUris()))?.client;
  const roles = new FileRoles<vscode.Uri>(async (uri) => (await askFileStatus(clientFor(uri), uri))?.role);
  const restart = async (): Promise<void> => {
    await stopAll();
    await reconcile(context, output, roles);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('resourceAuthoring.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('resourceAuthoring.restartServer', restart),
    // Trust widens what the server may read (workspace schema and vocabularies): restart with it.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
    vscode.workspace.onDidChangeWorkspaceFolders(() => reconcile(context, output, roles)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingId('reports'))) void reconcile(context, output, roles);
    }),
  );
  registerCardPreview(context, clientFor, roles);
  registerFileStatus(context, output, clientFor);
  registerVocabularyCommands(context, clientFor);
  registerFixWorkspace(context, () => [...servers.values()].map((s) => s.client).filter((c) => c.isRunning()));
  registerNewResource(context, clientFor);
  await reconcile(context, output, roles);
}

export async function deactivate(): Promise<void> {
  await stopAll();
}
