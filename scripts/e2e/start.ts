// `npm start`: builds the extension and opens a fresh copy of the example workspace
// (test/e2e/workspace) in a real VS Code (the one the e2e tests use, installed on first run) with
// this repository loaded in development mode, then prints the local URL to open in a browser.
// Ctrl+C stops it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { CODE_SERVER_VERSION, ensureEditor } from './editor';
import { createProfile, freePort, startServer } from './server';
import { REPO } from './suite';
import { EXAMPLE_WORKSPACE, freshWorkspace } from './workspace';

/** `wanted` when it is free on 127.0.0.1 (so the URL stays the same between runs), else any free port. */
async function pickPort(wanted: number): Promise<number> {
  const free = await new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(wanted, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
  return free ? wanted : freePort();
}

async function main(): Promise<void> {
  const editor = await ensureEditor();
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'resource-authoring-start-'));
  // The editor, killed a moment before by the server module's exit handler, may still be writing
  // there: retried, so the copy of the workspace does not outlive the run.
  process.on('exit', () => fs.rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));
  const profile = createProfile(root, editor);
  const server = await startServer(editor, profile, { port: await pickPort(Number(process.env.PORT ?? 8799)) });
  // A fresh copy each run: the web editor autosaves, and the committed fixtures are the e2e suite's data.
  const workspace = freshWorkspace(root);
  const url = server.url(workspace, [['extensionDevelopmentPath', server.remote(REPO)]]);
  console.log(
    `\nResource Authoring (development mode) in VS Code from code-server ${CODE_SERVER_VERSION}, example workspace open:\n\n  ${url}\n`,
  );
  console.log(
    `The workspace is a fresh copy of ${path.relative(REPO, EXAMPLE_WORKSPACE)}/ in ${workspace}: edit freely, it is deleted when the editor stops.`,
  );
  console.log('Open the URL in a browser on this machine (the editor listens on 127.0.0.1 only).');
  console.log('After changing the sources: `npm run build`, then reload the window. Ctrl+C stops the editor.');
  // Stay up until interrupted: the server module stops the editor's process group on SIGINT/SIGTERM.
  await new Promise(() => undefined);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
