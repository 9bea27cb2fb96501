// The in-host entry point: the `run()` contract of @vscode/test-electron (also honoured by VS Code's
// `extensionTestsPath` in code-server), so one mocha suite runs under both. It executes inside the
// extension host with the full `vscode` API and reports failure by rejecting.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // The extension host's console reaches the runner only indirectly; the runner may ask for a copy.
  const reportFile = process.env.RESOURCE_AUTHORING_E2E_REPORT;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  const dir = path.join(__dirname, 'suite');
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
