import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ClientWorkspace } from './lsp/clientWorkspace';
import { serve } from './lsp/connection';
import { workerScheduler } from './web/scheduler';

/**
 * The Web Worker entry (`dist/browserServer.js`, started by the extension's browser client in VS Code
 * for the Web): the same server as `dist/server.js`, its folder's files read through the client.
 */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

serve(connection, {
  folderFiles: (options) => new ClientWorkspace(connection, options),
  scheduler: workerScheduler(),
  hoverCountWaitMs: 150,
});
