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

/** Whether this worker may run generated code (ajv compiles the schema to it), by the same `new Function` ajv uses. */
function generatedCodeAllowed(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

if (!generatedCodeAllowed())
  connection.console.error(
    "Schema checks are off: this host's content-security policy refuses generated code (no 'unsafe-eval' in script-src), " +
      'which the schema validator compiles to. Frontmatter syntax, duplicate links, section references and suppressions are still checked; ' +
      "the card preview shows the built-in card instead of the site's tile, whose template Nunjucks compiles the same way.",
  );

serve(connection, {
  folderFiles: (options) => new ClientWorkspace(connection, options),
  scheduler: workerScheduler(),
  hoverCountWaitMs: 150,
});
