// What `npm start` and `npm run test:e2e` open (scripts/e2e/workspace.ts): a fresh copy of the
// example workspace, never the committed fixtures the e2e suite asserts on.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_WORKSPACE, freshWorkspace } from '../../scripts/e2e/workspace';

function files(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

describe('example workspace: a fresh copy for each editor (scripts/e2e/workspace.ts)', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fresh-workspace-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is the committed example workspace, file for file and byte for byte, in another folder', () => {
    const copy = freshWorkspace(tmp);
    assert.equal(path.relative(EXAMPLE_WORKSPACE, copy).startsWith('..'), true, `${copy} is outside the fixtures`);
    assert.ok(files(EXAMPLE_WORKSPACE).includes(path.join('resources', 'needs-work.md')));
    assert.deepEqual(files(copy), files(EXAMPLE_WORKSPACE));
    for (const f of files(copy)) assert.ok(fs.readFileSync(path.join(copy, f)).equals(fs.readFileSync(path.join(EXAMPLE_WORKSPACE, f))), f);
  });

  it('what the editor saves in the copy (a quick fix, autosave) leaves the fixtures unchanged', () => {
    const fixture = path.join(EXAMPLE_WORKSPACE, 'resources', 'needs-work.md');
    const before = fs.readFileSync(fixture);
    const copy = freshWorkspace(tmp);
    fs.writeFileSync(path.join(copy, 'resources', 'needs-work.md'), 'edited\n');
    fs.writeFileSync(path.join(copy, 'resources', 'new-file.md'), 'created\n');
    assert.ok(fs.readFileSync(fixture).equals(before));
    assert.equal(fs.existsSync(path.join(EXAMPLE_WORKSPACE, 'resources', 'new-file.md')), false);
  });

  it('each run starts from the fixtures again, not from what an earlier copy became', () => {
    const first = freshWorkspace(tmp, 'one');
    fs.writeFileSync(path.join(first, 'resources', 'needs-work.md'), 'edited\n');
    const second = freshWorkspace(tmp, 'two');
    assert.ok(
      fs
        .readFileSync(path.join(second, 'resources', 'needs-work.md'))
        .equals(fs.readFileSync(path.join(EXAMPLE_WORKSPACE, 'resources', 'needs-work.md'))),
    );
  });

  it('never copies over an existing folder', () => {
    freshWorkspace(tmp);
    assert.throws(() => freshWorkspace(tmp));
  });
});
