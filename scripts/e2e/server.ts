// Starts VS Code's server bound to 127.0.0.1 in a process group of its own, with throw-away
// user-data, server-data and XDG folders, and stops the whole group however the run ends.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import type { Editor } from './editor';

/** Settings that keep a test window quiet (no welcome page, AI prompts, update or telemetry chatter). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // an empty chat side bar otherwise takes a third of the screenshots
};

export interface Profile {
  root: string;
  userData: string;
  serverData: string;
  extensions: string;
  env: NodeJS.ProcessEnv;
}

/** Throw-away folders under `root` for everything the editor would otherwise write to $HOME. */
export function createProfile(root: string, editor: Editor): Profile {
  const p = (name: string): string => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const profile: Profile = {
    root,
    userData: p('user-data'),
    serverData: p('server-data'),
    extensions: p('extensions'),
    env: { ...editor.env, XDG_CONFIG_HOME: p('xdg-config'), XDG_DATA_HOME: p('xdg-data'), XDG_CACHE_HOME: p('xdg-cache') },
  };
  // The web workbench keeps user settings on the server under the user-data dir.
  for (const dir of [path.join(profile.userData, 'User'), path.join(profile.serverData, 'data', 'User')]) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2) + '\n');
  }
  return profile;
}

/** Installs a .vsix the way a user does, with the code-server command line. */
export function installVsix(editor: Editor, profile: Profile, vsix: string): void {
  const result = spawnSync(
    editor.node,
    [editor.codeServer, '--extensions-dir', profile.extensions, '--user-data-dir', profile.userData, '--install-extension', vsix],
    { env: profile.env, encoding: 'utf8', timeout: 120000 },
  );
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 400);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

export interface RunningServer {
  /** http://127.0.0.1:PORT */
  base: string;
  port: number;
  log: string;
  /** The URL that opens `folder` (an absolute path; a .code-workspace file opens that workspace), with a development payload if given. */
  url(folder: string, payload?: [string, string][]): string;
  /** A vscode-remote:// URI for a path on this machine (for payload entries). */
  remote(absPath: string): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Signals the child's whole process group (0 only asks whether it still exists). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

// Whatever ends the runner (an exception, Ctrl+C, a CI timeout's SIGTERM), no editor outlives it.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}

export interface ServerOptions {
  port?: number;
  /** Extra environment for the server and so for its extension host. */
  env?: NodeJS.ProcessEnv;
}

export async function startServer(editor: Editor, profile: Profile, options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const log = path.join(profile.root, 'server.log');
  const fd = fs.openSync(log, 'a');
  const args = [
    editor.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--user-data-dir',
    profile.userData,
    '--server-data-dir',
    profile.serverData,
    '--extensions-dir',
    profile.extensions,
  ];
  // detached: a new process group (setsid), so stop() reaches the extension host and language server too.
  const child = spawn(editor.node, args, { detached: true, stdio: ['ignore', fd, fd], env: { ...profile.env, ...options.env } });
  fs.closeSync(fd);
  running.add(child);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const base = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (!running.has(child)) return;
    killGroup(child, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && killGroup(child, 0)) await new Promise((r) => setTimeout(r, 100));
    killGroup(child, 'SIGKILL');
    running.delete(child);
  };
  const deadline = Date.now() + 60000;
  while (!(await httpOk(`${base}/version`)) && !(await httpOk(base))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(
        `the VS Code server did not start (${exited !== undefined ? `exit ${exited}` : 'timeout'}); log: ${log}\n${fs.readFileSync(log, 'utf8').slice(-3000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const remote = (absPath: string): string => `vscode-remote://127.0.0.1:${port}${absPath}`;
  const url = (folder: string, payload?: [string, string][]): string => {
    let u = `${base}/?${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`;
    if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  };
  return { base, port, log, url, remote, stop };
}
