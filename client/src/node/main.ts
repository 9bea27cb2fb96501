import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith } from '../extension';
import type { ServerLauncher } from '../launcher';

export { deactivate } from '../extension';

/** Desktop VS Code (and any Node extension host): the server is `dist/server.js` in a Node process, over IPC. */
const nodeServer: ServerLauncher = (context, id, name, clientOptions) => {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient(id, name, serverOptions, clientOptions);
};

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, nodeServer);
}
