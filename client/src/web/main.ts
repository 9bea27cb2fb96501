import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from '../extension';
import type { ServerLauncher } from '../launcher';

export { deactivate } from '../extension';

/** The web-worker extension host's `Worker` (the project's types are Node's, without the DOM). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * VS Code for the Web (vscode.dev, github.dev) and any web-worker extension host: the server is
 * `dist/browserServer.js` in a Web Worker; it reads the folder's files through this client.
 */
const workerServer: ServerLauncher = (context, id, name, clientOptions) => {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist/browserServer.js');
  const worker = new Worker(main.toString(true));
  return new LanguageClient(id, name, worker, clientOptions);
};

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, workerServer);
}
