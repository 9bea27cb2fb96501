import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { serve } from './lsp/connection';
import { DiskWorkspace } from './node/diskWorkspace';
import { nodeScheduler } from './node/scheduler';

/** The Node entry (`node dist/server.js --stdio`, or IPC from the extension): the folder's files come from the disk. */
const connection = createConnection(ProposedFeatures.all);

serve(connection, {
  folderFiles: ({ folder, settings, trusted }) =>
    new DiskWorkspace({ root: folder ? URI.parse(folder).fsPath : undefined, settings, trusted }),
  scheduler: nodeScheduler,
  hoverCountWaitMs: Number(process.env.RESOURCE_AUTHORING_HOVER_COUNT_WAIT_MS ?? 150),
});

process.on('uncaughtException', (e) => connection.console.error(`Unexpected error: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) =>
  connection.console.error(`Unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
);
