import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/**
 * Files the server hears about when they change on disk: vocabulary data files (re-read), Markdown
 * resources and reports (`.md`/`.txt`, re-checked: workspace diagnostics, duplicate links, sections).
 */
const WATCHED = ['**/{resourceTags,resourceFocuses,resourceTypes,resourceCategories}.json', '**/*.{md,txt}'];

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'resourceAuthoring',
      fileEvents: WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
    outputChannel: output,
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  return new LanguageClient('resourceAuthoring', 'Resource Authoring', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Resource Authoring', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('resourceAuthoring.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('resourceAuthoring.restartServer', async () => {
      await client?.restart();
    }),
    // Trust widens what the server may read (workspace schema and vocabularies): restart with it.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      client = createClient(context, output);
      await client.start();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
