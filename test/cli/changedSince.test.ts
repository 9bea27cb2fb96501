import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, stdio: 'pipe' });
}

function checked(stdout: string): Record<string, string[]> {
  const doc = JSON.parse(stdout) as { results: { file: string; diagnostics: { code: string }[] }[] };
  return Object.fromEntries(doc.results.map((r) => [r.file, r.diagnostics.map((d) => d.code)]));
}

describe('resource-lint --changed-since REF (built dist/cli.js, a real git repository)', function () {
  this.timeout(30000);
  let repo: string;
  beforeEach(() => {
    repo = workspace({
      'site/resources/a.md': resource('https://example.org/a'),
      'site/resources/b.md': resource('https://example.org/b', 'legacy: 1'),
      'site/resources/c.md': resource('"https://Example.org/shared/"'),
      'site/resources/d.md': resource('https://example.org/d'),
    });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    git(repo, 'checkout', '-qb', 'topic');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('checks the files committed since the merge base, the modified and untracked ones, and their duplicate partners', () => {
    fs.writeFileSync(path.join(repo, 'site/resources/a.md'), resource('https://example.org/shared', 'legacy: 1'));
    git(repo, 'commit', '-qam', 'a now shares c’s link');
    // A commit on main after the fork is not the topic's change.
    git(repo, 'checkout', '-q', 'main');
    fs.writeFileSync(path.join(repo, 'site/resources/d.md'), resource('https://example.org/d', 'legacy: 2'));
    git(repo, 'commit', '-qam', 'main moves on');
    git(repo, 'checkout', '-q', 'topic');
    fs.writeFileSync(path.join(repo, 'site/resources/e.md'), resource('https://example.org/e', 'legacy: 3')); // untracked
    const r = lint(['--root', 'site', '--format', 'json', '--changed-since', 'main'], repo);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(checked(r.stdout), {
      'resources/a.md': ['duplicate-resource', 'unknown-field'],
      'resources/c.md': ['duplicate-resource'],
      'resources/e.md': ['unknown-field'],
    });
  });

  it('finds partners whose frontmatter runs past the part read first, and partners with a long body', () => {
    const long = 'x'.repeat(6000);
    // The link after 6 KB of frontmatter, and a short frontmatter before 20 KB of body.
    fs.writeFileSync(
      path.join(repo, 'site/resources/f.md'),
      resource('https://example.org/shared', `legacy: ${long}`).replace('link:', `note: ${long}\nlink:`),
    );
    fs.writeFileSync(
      path.join(repo, 'site/resources/g.md'),
      resource('https://example.org/shared') + `${long}\n`.repeat(3) + 'é'.repeat(3000),
    );
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'long files');
    fs.writeFileSync(path.join(repo, 'site/resources/a.md'), resource('https://example.org/shared'));
    const r = lint(['--root', 'site', '--format', 'json', '--changed-since', 'HEAD'], repo);
    assert.strictEqual(r.status, 0, r.stderr);
    const whole = checked(lint(['--root', 'site', '--format', 'json'], repo).stdout);
    assert.deepStrictEqual(checked(r.stdout), {
      'resources/a.md': whole['resources/a.md'],
      'resources/c.md': whole['resources/c.md'],
      'resources/f.md': whole['resources/f.md'],
      'resources/g.md': whole['resources/g.md'],
    });
    assert.deepStrictEqual(whole['resources/g.md'], ['duplicate-resource']);
  });

  it('nothing changed: nothing checked, exit 0', () => {
    const r = lint(['--root', 'site', '--format', 'json', '--changed-since', 'main'], repo);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(checked(r.stdout), {});
  });

  it('a changed settings file or vocabulary checks every file, and says why', () => {
    fs.mkdirSync(path.join(repo, 'site/.vscode'));
    fs.writeFileSync(path.join(repo, 'site/.vscode/settings.json'), '{"resourceAuthoring.severity": {"unknown-field": "error"}}');
    const r = lint(['--root', 'site', '--format', 'json', '--changed-since', 'main'], repo);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.deepStrictEqual(Object.keys(checked(r.stdout)), ['resources/a.md', 'resources/b.md', 'resources/c.md', 'resources/d.md']);
    assert.match(r.stderr, /\.vscode\/settings\.json changed since main: checking every file\./);
  });

  it('with a baseline, the baselined findings of the files not checked are not counted as fixed', () => {
    const written = lint(['--root', 'site', '--baseline-write', 'site/baseline.json'], repo);
    assert.strictEqual(written.status, 0, written.stderr);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'baseline');
    fs.writeFileSync(path.join(repo, 'site/resources/a.md'), resource('https://example.org/a2'));
    const r = lint(['--root', 'site', '--baseline', 'site/baseline.json', '--changed-since', 'HEAD'], repo);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /fixed since the baseline/);
  });

  it('a deleted configuration file checks every file too', () => {
    fs.writeFileSync(path.join(repo, 'site/.resource-lint.json'), '{"severity": {"unknown-field": "off"}}');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'configuration file');
    fs.rmSync(path.join(repo, 'site/.resource-lint.json'));
    const r = lint(['--root', 'site', '--format', 'json', '--changed-since', 'HEAD'], repo);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(checked(r.stdout)['resources/b.md'], ['unknown-field']);
    assert.match(r.stderr, /\.resource-lint\.json changed since HEAD: checking every file\./);
  });

  it('exit 2 with a message for a ref git does not know, or outside a git work tree', () => {
    const r = lint(['--root', 'site', '--changed-since', 'no-such-ref'], repo);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--changed-since: unknown git ref 'no-such-ref'\./);
    const bare = workspace({ 'resources/a.md': resource('https://example.org/a') });
    try {
      const outside = lint(['--changed-since', 'main'], bare);
      assert.strictEqual(outside.status, 2);
      assert.match(outside.stderr, /--changed-since: .* is not inside a git work tree/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});
