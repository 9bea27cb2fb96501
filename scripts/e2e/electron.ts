// `npm run test:electron`: the same in-host suite under @vscode/test-electron, for machines that can
// download desktop VS Code (this one cannot: there `npm run test:e2e` drives code-server instead).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { QUIET_SETTINGS } from './server';
import { REPO, buildSuite } from './suite';

async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const extensionTestsPath = await buildSuite();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'resource-authoring-electron-'));
  try {
    // The suite edits files in its workspace: give it a copy.
    const workspace = path.join(root, 'workspace');
    fs.cpSync(path.join(REPO, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
    const userData = path.join(root, 'user-data');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2) + '\n');
    const multiRoot = path.join(root, 'multiroot');
    fs.cpSync(path.join(REPO, 'test', 'e2e', 'multiroot'), multiRoot, { recursive: true });
    // A folder window runs the main suite; a .code-workspace window, the multi-root tests.
    for (const opened of [workspace, path.join(multiRoot, 'sites.code-workspace')]) {
      await runTests({
        version: process.env.VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: REPO,
        extensionTestsPath,
        launchArgs: [
          opened,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--user-data-dir',
          userData,
          '--extensions-dir',
          path.join(root, 'extensions'),
        ],
      });
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
