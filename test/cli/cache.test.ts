import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';

describe('resource-lint --cache (built dist/cli.js)', function () {
  this.timeout(30000);
  let root: string;
  const cacheFile = () => path.join(root, '.resource-lint-cache');
  const run = (...args: string[]) => lint(['--format', 'json', ...args], root);
  beforeEach(() => {
    root = workspace({
      'resources/a.md': resource('https://example.org/a', 'legacy: 1'),
      'resources/b.md': resource('https://example.org/b'),
      'resources/c.md': resource('https://example.org/b', 'learnTags: [bais]'),
      'reports/report.md': '# Report\n\n## 4.3 Adaptation\n\nText.\n',
      'resources/d.md': resource('https://example.org/d') + 'See §4.3: adaptation and §9.9.\n',
    });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives exactly the uncached answer, first and again, duplicate-resource and fixability included', () => {
    const uncached = run();
    const first = run('--cache');
    assert.ok(fs.existsSync(cacheFile()));
    const again = run('--cache');
    // The third reads the link positions the second found for duplicates from the cache.
    const third = run('--cache');
    for (const r of [first, again, third]) {
      assert.strictEqual(r.status, uncached.status, r.stderr);
      assert.strictEqual(r.stdout, uncached.stdout);
    }
    assert.match(uncached.stdout, /duplicate-resource/);
  });

  it('reuses an unchanged file’s verdict without checking it again', () => {
    run('--cache');
    const doc = JSON.parse(fs.readFileSync(cacheFile(), 'utf8'));
    const entry = Object.entries(doc.files).find(([name]) => name.endsWith('/a.md'))![1] as [string, string, string, number];
    (doc.verdicts[entry[3]] as { own: { message: string }[] }).own[0].message = 'from the cache';
    fs.writeFileSync(cacheFile(), JSON.stringify(doc));
    assert.match(run('--cache').stdout, /from the cache/);
  });

  it('stays valid across runs with and without a baseline: the baseline applies to cached verdicts too', () => {
    run('--baseline-write', 'baseline.json');
    fs.writeFileSync(path.join(root, 'resources/e.md'), resource('https://example.org/e', 'newer: 1'));
    run('--cache');
    const doc = JSON.parse(fs.readFileSync(cacheFile(), 'utf8'));
    const entry = Object.entries(doc.files).find(([name]) => name.endsWith('/e.md'))![1] as [string, string, string, number];
    (doc.verdicts[entry[3]] as { own: { message: string }[] }).own[0].message = 'from the cache';
    fs.writeFileSync(cacheFile(), JSON.stringify(doc));
    // Only e.md's finding is new: it comes from the cache kept by the run without a baseline.
    const withBaseline = JSON.parse(run('--cache', '--baseline', 'baseline.json').stdout);
    const shown = withBaseline.results.flatMap((r: { diagnostics: { message: string }[] }) => r.diagnostics.map((d) => d.message));
    assert.deepStrictEqual(shown, ['from the cache']);
  });

  it('follows edits, new duplicates and configuration changes as an uncached run does', () => {
    run('--cache');
    fs.writeFileSync(path.join(root, 'resources/a.md'), resource('https://example.org/d'));
    assert.strictEqual(run('--cache').stdout, run().stdout);
    fs.writeFileSync(path.join(root, 'reports/report.md'), '# Report\n\n## 9.9 Other\n\nText.\n');
    assert.strictEqual(run('--cache').stdout, run().stdout);
    fs.mkdirSync(path.join(root, '.vscode'));
    fs.writeFileSync(path.join(root, '.vscode/settings.json'), '{"resourceAuthoring.severity": {"unknown-field": "off"}}');
    const cached = run('--cache');
    assert.strictEqual(cached.stdout, run().stdout);
    assert.doesNotMatch(cached.stdout, /unknown-field/);
  });

  it('a corrupt cache is ignored and rebuilt, with no error', () => {
    fs.writeFileSync(cacheFile(), '{"format": 1, "key": trunc');
    const r = run('--cache');
    assert.strictEqual(r.stdout, run().stdout);
    assert.strictEqual(r.stderr, '');
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(cacheFile(), 'utf8')));
  });

  it('--fix reads every file and refreshes the cache; --cache-location names the file (relative to the working folder)', () => {
    run('--cache', '--cache-location', 'elsewhere.cache');
    assert.ok(fs.existsSync(path.join(root, 'elsewhere.cache')));
    assert.ok(!fs.existsSync(cacheFile()));
    const fixed = lint(['--cache', '--cache-location', 'elsewhere.cache', '--fix', '--format', 'json'], root);
    assert.deepStrictEqual(JSON.parse(fixed.stdout).results, JSON.parse(run().stdout).results);
    assert.strictEqual(JSON.parse(fixed.stdout).summary.fixed, 1);
    assert.strictEqual(run('--cache', '--cache-location', 'elsewhere.cache').stdout, run().stdout);
  });

  it('--cache-location without --cache is a usage error', () => {
    assert.strictEqual(run('--cache-location', 'x').status, 2);
  });
});
