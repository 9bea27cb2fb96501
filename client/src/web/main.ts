import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from '../extension';
import type { ServerLauncher } from '../launcher';

export { deactivate } from '../extension';

/** The web-worker extension host's `Worker` (the project's types are Node's, without the DOM). */
declare const Worker: new (url: string) => ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * VS Code for the Web (vscode.dev, github.dev) and any web-worker extension host: the server is
 * `dist/browserServer.js` in a Web Worker; it reads the folder's files through this client.
 */
const workerServer: ServerLauncher = (context, id, name, clientOptions) => {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist/browserServer.js');
  // A worker starts from the script's own http(s) address where the extension is served from one (the
  // marketplace's, on vscode.dev). An extension installed on a remote server (code-server's
  // `--install-extension`) has a vscode-remote: location, which the worker host refuses for workers
  // but serves to fetch: the script is then started from a blob of its text.
  const script = async (): Promise<string> => {
    if (main.scheme === 'https' || main.scheme === 'http' || main.scheme === 'file') return main.toString(true);
    const response = await fetch(main.toString(true));
    if (!response.ok) throw new Error(`${main.toString(true)}: HTTP ${response.status}`);
    return URL.createObjectURL(await response.blob());
  };
  // A new worker for each start (a restart must not reuse a terminated one), with its transports made
  // here: the worker host's own `Worker` is a wrapper function, so the client's `instanceof Worker`
  // test of a worker it did not make itself fails.
  const start = async () => {
    const worker = new Worker(await script());
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  return new LanguageClient(id, name, start, clientOptions);
};
export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, workerServer);
}
