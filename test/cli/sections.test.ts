import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sectionsCommand } from '../../server/src/cli/sections';
import { MD_REPORT } from '../core/report/helpers';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await sectionsCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd });
  return { code, out, err };
}

describe('resource-lint sections', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-sections-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.writeFileSync(path.join(dir, 'reports/report.md'), MD_REPORT);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the index as JSON in the shape given in the README (Command line), in document order', async () => {
    const r = await run(['--report', 'reports/report.md', '--format', 'json'], dir);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(JSON.parse(r.out), [
      { number: '4', title: 'Technology', label: null, line: 0, parent: null },
      { number: '4.3', title: 'Adaptation', label: 'adaptation', line: 1, parent: '4' },
      { number: '4.3.1', title: 'Methods for adaptation', label: null, line: 3, parent: '4.3' },
      { number: '4.7', title: 'Security and privacy', label: 'security', line: 5, parent: '4' },
      { number: '4.8', title: 'Robustness to distribution shifts', label: 'robustness', line: 7, parent: '4' },
    ]);
  });

  it('prints a table by default', async () => {
    const r = await run(['--report', 'reports/report.md'], dir);
    assert.strictEqual(r.code, 0);
    assert.match(r.out.split('\n')[2], /^ {2}4\.3 +Adaptation +adaptation +2$/);
  });

  it('exits 2 for an unreadable report or a bad flag', async () => {
    assert.strictEqual((await run(['--report', 'missing.md'], dir)).code, 2);
    assert.strictEqual((await run(['--report', 'reports/report.md', '--format', 'xml'], dir)).code, 2);
    assert.strictEqual((await run([], dir)).code, 2);
  });
});
