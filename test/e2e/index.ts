// The in-host entry point: the `run()` contract of @vscode/test-electron (also honoured by VS Code's
// `extensionTestsPath` in code-server), so one mocha suite runs under both. It executes inside the
// extension host with the full `vscode` API and reports failure by rejecting.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Printed in the report when the window never got its folders; the runner then opens it again. */
export const WORKSPACE_NOT_LOADED = 'WORKSPACE-NOT-LOADED';

/**
 * code-server's web workbench now and then opens a .code-workspace with no folders at all (about one
 * run in five here; it reads the file before its remote file system is ready, and never retries).
 * That is the test bed failing, not the product: say so, and let the runner open the window again.
 */
async function workspaceLoaded(): Promise<boolean> {
  if (!vscode.workspace.workspaceFile) return true;
  for (let i = 0; i < 50; i++) {
    if (vscode.workspace.workspaceFolders?.length) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function run(): Promise<void> {
  const reportFile = process.env.RESOURCE_AUTHORING_E2E_REPORT;
  if (!(await workspaceLoaded())) {
    if (reportFile) fs.writeFileSync(reportFile, `${WORKSPACE_NOT_LOADED}\n`);
    throw new Error(`${WORKSPACE_NOT_LOADED}: ${String(vscode.workspace.workspaceFile)} opened without folders`);
  }
  return runMocha(reportFile);
}

function runMocha(reportFile: string | undefined): Promise<void> {
  // The extension host's console reaches the runner only indirectly; the runner may ask for a copy.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  // `RESOURCE_AUTHORING_E2E_GREP=hover npm run test:e2e` runs only the matching tests (and UI steps).
  const grep = process.env.RESOURCE_AUTHORING_E2E_GREP;
  if (grep) mocha.grep(grep);
  // A window opened on a .code-workspace runs the multi-root tests; a folder window, the rest.
  const dir = path.join(__dirname, 'suite', ...(vscode.workspace.workspaceFile ? ['multiroot'] : []));
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const runner = mocha.run((failures) => {
      if (reportFile) fs.writeFileSync(reportFile, lines.join('\n') + '\n');
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => lines.push(`ok    ${t.fullTitle()}`));
    runner.on('pending', (t) => lines.push(`skip  ${t.fullTitle()}`));
    runner.on('fail', (t, err: Error) => lines.push(`FAIL  ${t.fullTitle()}\n      ${String(err.stack ?? err).split('\n').join('\n      ')}`));
    runner.on('end', () => {
      const s = runner.stats;
      if (s) lines.push(`${s.passes} passed, ${s.failures} failed`);
    });
  });
}
