import * as assert from 'assert';
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { lint, resource, workspace } from './helpers';

/** Fixable: `focus: bias` becomes `focus: Bias`. */
const BROKEN = resource('https://example.org/a').replace('focus: Bias', 'focus: bias');
const FIXED = resource('https://example.org/a');

describe('resource-lint --fix never loses data (built dist/cli.js)', function () {
  this.timeout(20000);
  const roots: string[] = [];
  const ws = (files: Record<string, string | Buffer>) => {
    const root = workspace(files);
    roots.push(root);
    return root;
  };
  after(() => {
    for (const r of roots) {
      // Read-only folders of a test must be writable again to be removed.
      for (const dir of [r, path.join(r, 'resources'), path.join(r, 'locked')]) if (fs.existsSync(dir)) fs.chmodSync(dir, 0o755);
      fs.rmSync(r, { recursive: true, force: true });
    }
  });

  it('a symlink named on the command line pointing out of --root is refused and stays a symlink', () => {
    const outside = ws({ 'elsewhere.md': BROKEN });
    const root = ws({ 'resources/real.md': BROKEN });
    fs.symlinkSync(path.join(outside, 'elsewhere.md'), path.join(root, 'resources/link.md'));
    const r = lint(['--fix', '--root', root, 'resources/link.md'], root);
    assert.ok(fs.lstatSync(path.join(root, 'resources/link.md')).isSymbolicLink());
    assert.strictEqual(fs.readFileSync(path.join(outside, 'elsewhere.md'), 'utf8'), BROKEN);
    assert.match(r.stderr, /link\.md: could not write the fixes \(it is a symbolic link to .*elsewhere\.md, outside the root\)/);
  });

  it('a symlink to a file inside the root: the file is fixed, the link stays a link', () => {
    const root = ws({ 'resources/real.md': BROKEN });
    fs.symlinkSync('real.md', path.join(root, 'resources/alias.md'));
    const r = lint(['--fix', 'resources/alias.md'], root);
    assert.ok(fs.lstatSync(path.join(root, 'resources/alias.md')).isSymbolicLink(), r.stderr);
    assert.strictEqual(fs.readFileSync(path.join(root, 'resources/real.md'), 'utf8'), FIXED);
  });

  it('a read-only file, and a file in a read-only folder, are refused and reported; the others are fixed', () => {
    const root = ws({ 'resources/ro.md': BROKEN, 'resources/ok.md': BROKEN, 'locked/resources/in.md': BROKEN });
    fs.chmodSync(path.join(root, 'resources/ro.md'), 0o444);
    fs.chmodSync(path.join(root, 'locked/resources'), 0o555);
    const r = lint(['--fix'], root);
    assert.strictEqual(fs.readFileSync(path.join(root, 'resources/ro.md'), 'utf8'), BROKEN);
    assert.strictEqual(fs.statSync(path.join(root, 'resources/ro.md')).mode & 0o777, 0o444);
    assert.strictEqual(fs.readFileSync(path.join(root, 'locked/resources/in.md'), 'utf8'), BROKEN);
    assert.strictEqual(fs.readFileSync(path.join(root, 'resources/ok.md'), 'utf8'), FIXED);
    assert.match(r.stderr, /ro\.md: could not write the fixes \(the file is read-only\)/);
    assert.match(r.stderr, /in\.md: could not write the fixes \(its folder is read-only\)/);
    fs.chmodSync(path.join(root, 'locked/resources'), 0o755);
  });

  it('a folder named x.md and a symlink loop are passed over; the run completes', () => {
    const root = ws({ 'resources/x.md/inner.md': FIXED, 'resources/ok.md': BROKEN });
    fs.symlinkSync('loop-b.md', path.join(root, 'resources/loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(root, 'resources/loop-b.md'));
    fs.symlinkSync('.', path.join(root, 'resources/self'));
    const r = lint(['--fix', '--format', 'json'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(fs.readFileSync(path.join(root, 'resources/ok.md'), 'utf8'), FIXED);
    const files = (JSON.parse(r.stdout) as { results: { file: string }[] }).results.map((x) => x.file);
    assert.ok(files.includes('resources/x.md/inner.md'), files.join());
  });

  it('temporary files a killed --fix left behind are removed by the next complete run; a live run’s are kept', () => {
    const root = ws({
      'resources/a.md': FIXED,
      'resources/.a.md.resource-lint-999999.k3j2.tmp': 'half',
      'resources/.a.md.resource-lint-1.abc.tmp': 'init',
    });
    const r = lint([], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(!fs.existsSync(path.join(root, 'resources/.a.md.resource-lint-999999.k3j2.tmp')));
    // pid 1 is running: a run in progress elsewhere may still rename it.
    assert.ok(fs.existsSync(path.join(root, 'resources/.a.md.resource-lint-1.abc.tmp')));
    assert.match(r.stderr, /removed resources\/\.a\.md\.resource-lint-999999\.k3j2\.tmp, left by an interrupted --fix run/);
  });

  it('an empty settings.json and one starting with a UTF-8 BOM are accepted, as VS Code accepts them', () => {
    const empty = ws({ '.vscode/settings.json': '', 'resources/a.md': FIXED });
    assert.strictEqual(lint([], empty).status, 0, lint([], empty).stderr);
    const bom = ws({
      '.vscode/settings.json': '\ufeff{ "resourceAuthoring.severity": { "unknown-field": "error" } }',
      'resources/a.md': resource('https://example.org/a', 'extra: 1'),
    });
    const r = lint([], bom);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /error.*unknown-field/);
  });

  it('a file deleted during the run is skipped with a warning; the others are reported (exit 1, JSON)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      files[`resources/r${String(i).padStart(2, '0')}.md`] = i === 0 ? BROKEN.replace('focus: bias', 'focus: nope') : FIXED;
    const root = ws(files);
    // The first read of a file deletes the last one: it was listed, and is gone by its turn.
    const nodeFs = createRequire(__filename)('fs') as Record<string, unknown>;
    const hooked = ['readFile', 'readFileSync', 'openSync'] as const;
    const originals = hooked.map((name) => nodeFs[name] as (...a: unknown[]) => unknown);
    let deleted = false;
    hooked.forEach((name, i) => {
      nodeFs[name] = (...a: unknown[]) => {
        if (!deleted && String(a[0]).endsWith('.md')) {
          deleted = true;
          fs.rmSync(path.join(root, 'resources/r39.md'));
        }
        return originals[i](...a);
      };
    });
    let out = '';
    let err = '';
    try {
      const status = await main(['--format', 'json'], {
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (err += s) },
        cwd: root,
        isTTY: false,
      } as never);
      assert.strictEqual(status, 1, err);
    } finally {
      hooked.forEach((name, i) => (nodeFs[name] = originals[i]));
    }
    assert.ok(deleted);
    assert.match(err, /r39\.md was deleted during the run; skipped/);
    const json = JSON.parse(out) as { summary: { files: number } };
    assert.strictEqual(json.summary.files, 39);
  });
});
