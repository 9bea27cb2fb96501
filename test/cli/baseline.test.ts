import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';
import { sarifValidator } from './sarifSchema';

/** A library with legacy findings: an unknown field and a wrong tag in one file, a missing field in another. */
function legacyLibrary(): string {
  return workspace({
    'resources/legacy.md': resource('https://example.org/legacy', 'learnTags: [nope]', 'jurisdiction: EU'),
    'resources/old.md': resource('https://example.org/old').replace('source: CRFM\n', ''),
    'resources/clean.md': resource('https://example.org/clean'),
  });
}

describe('resource-lint --baseline-write / --baseline (built dist/cli.js)', function () {
  this.timeout(20000);
  const roots: string[] = [];
  const ws = (root: string) => (roots.push(root), root);
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const edit = (root: string, rel: string, change: (text: string) => string) => {
    const file = path.join(root, rel);
    fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
  };

  /** A legacy library with its baseline recorded. */
  function recorded(): string {
    const root = ws(legacyLibrary());
    assert.strictEqual(lint([], root).status, 1, 'the legacy library fails without a baseline');
    const r = lint(['--baseline-write', 'baseline.json'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /✔ 3 files checked: no problems\.\nRecorded 3 findings in 2 files in the baseline baseline\.json\.\n$/);
    return root;
  }

  it('--baseline-write records each file with its fingerprints and counts, sorted, as versioned JSON', () => {
    const root = recorded();
    const doc = JSON.parse(fs.readFileSync(path.join(root, 'baseline.json'), 'utf8'));
    assert.strictEqual(doc.version, 1);
    assert.deepStrictEqual(Object.keys(doc.files), ['resources/legacy.md', 'resources/old.md']);
    assert.deepStrictEqual(
      Object.keys(doc.files['resources/legacy.md']).map((f) => f.split(':')[0]),
      ['invalid-value', 'unknown-field'],
    );
    assert.deepStrictEqual(Object.values(doc.files['resources/old.md']), [1]);
    assert.deepStrictEqual(
      fs.readdirSync(root).filter((f) => f.endsWith('.tmp')),
      [],
      'written through a temporary file',
    );
  });

  it('stays green through unrelated edits: lines inserted above, other fields edited, CRLF', () => {
    const root = recorded();
    edit(root, 'resources/legacy.md', (t) => t.replace('title: "A resource"', 'title: "Renamed"\nkeywords: [a, b]').replace(/\n/g, '\r\n'));
    edit(root, 'resources/old.md', (t) => t.replace('focus: Bias', 'focus: Bias\nsummary: Added.'));
    const r = lint(['--baseline', 'baseline.json'], root);
    assert.strictEqual(r.status, 0, r.stdout);
    assert.strictEqual(r.stdout, '✔ 3 files checked: no problems.\n');
  });

  it('a new mistake exits 1 naming only it, the same mistake in another field included', () => {
    const root = recorded();
    edit(root, 'resources/clean.md', (t) => t.replace('---\nBody', 'region: EU\n---\nBody'));
    edit(root, 'resources/legacy.md', (t) =>
      t.replace('type: PDF Article', 'type: PDF Article\nkeywords: [nope]').replace('focus: Bias', 'focus: nope'),
    );
    const r = lint(['--baseline', 'baseline.json', '--format', 'json'], root);
    assert.strictEqual(r.status, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    const found = doc.results.flatMap((f: { file: string; diagnostics: { code: string; message: string }[] }) =>
      f.diagnostics.map((d) => `${f.file} ${d.code} ${d.message.split(' ').slice(0, 2).join(' ')}`),
    );
    assert.deepStrictEqual(found, ["resources/clean.md unknown-field 'region' is", "resources/legacy.md invalid-value 'nope' is"]);
    assert.strictEqual(doc.summary.errors, 1);
    assert.strictEqual(doc.summary.warnings, 1);
  });

  it('a fixed finding: "1 fixed since the baseline" in the stylish summary, on stderr for json and sarif', () => {
    const root = recorded();
    edit(root, 'resources/legacy.md', (t) => t.replace('jurisdiction: EU\n', ''));
    const stylish = lint(['--baseline', 'baseline.json'], root);
    assert.strictEqual(stylish.status, 0);
    assert.strictEqual(stylish.stdout, '✔ 3 files checked: no problems.\n1 fixed since the baseline: run --baseline-write to update.\n');
    const json = lint(['--baseline', 'baseline.json', '--format', 'json'], root);
    assert.strictEqual(json.status, 0);
    assert.strictEqual(JSON.parse(json.stdout).summary.warnings, 0);
    assert.strictEqual(json.stderr, '1 fixed since the baseline: run --baseline-write to update.\n');
    const sarif = lint(['--baseline', 'baseline.json', '--format', 'sarif'], root);
    assert.strictEqual(sarif.status, 0);
    const log = JSON.parse(sarif.stdout);
    assert.ok(sarifValidator()(log), 'valid SARIF');
    assert.deepStrictEqual(log.runs[0].results, []);
    assert.strictEqual(sarif.stderr, '1 fixed since the baseline: run --baseline-write to update.\n');
    fs.rmSync(path.join(root, 'resources/old.md'));
    assert.match(
      lint(['--baseline', 'baseline.json'], root).stdout,
      /\n2 fixed since the baseline/,
      "a deleted file's findings are gone too",
    );
  });

  it('--max-warnings counts only the warnings not in the baseline', () => {
    const root = recorded();
    assert.strictEqual(lint(['--baseline', 'baseline.json', '--max-warnings', '0'], root).status, 0);
    edit(root, 'resources/clean.md', (t) => t.replace('---\nBody', 'region: EU\n---\nBody'));
    const r = lint(['--baseline', 'baseline.json', '--max-warnings', '0'], root);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /too many warnings: 1 \(maximum: 0\)/);
  });

  it('the resourceAuthoring.baseline setting is used without --baseline, and --baseline overrides it', () => {
    const root = recorded();
    fs.mkdirSync(path.join(root, '.vscode'));
    fs.writeFileSync(path.join(root, '.vscode/settings.json'), JSON.stringify({ 'resourceAuthoring.baseline': 'baseline.json' }));
    assert.strictEqual(lint([], root).status, 0);
    fs.writeFileSync(path.join(root, 'empty.json'), '{"version": 1, "files": {}}\n');
    assert.strictEqual(lint(['--baseline', 'empty.json'], root).status, 1);
  });

  it('a missing or invalid baseline exits 2 with a clear message, and stdout stays clean', () => {
    const root = ws(legacyLibrary());
    const missing = lint(['--baseline', 'missing.json', '--format', 'json'], root);
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stdout, '');
    assert.strictEqual(
      missing.stderr,
      'resource-lint: Cannot read the baseline missing.json (ENOENT); record one with resource-lint --baseline-write missing.json.\n',
    );
    fs.writeFileSync(path.join(root, 'bad.json'), '{"version": 7, "files": {}}');
    const invalid = lint(['--baseline', 'bad.json'], root);
    assert.strictEqual(invalid.status, 2);
    assert.strictEqual(invalid.stdout, '');
    assert.match(invalid.stderr, /^resource-lint: bad\.json is not a resource-lint baseline \(version 7, expected 1\)/);
  });

  it('--baseline and --baseline-write together, without a file, or --baseline-write with paths or --changed-since, are usage errors', () => {
    const root = ws(legacyLibrary());
    for (const args of [
      ['--baseline', 'a.json', '--baseline-write', 'b.json'],
      ['--baseline='],
      ['--baseline-write='],
      ['--baseline-write', 'b.json', '--changed-since', 'HEAD'],
      // Paths would leave every other file's findings out of the baseline.
      ['--baseline-write', 'b.json', 'resources'],
    ]) {
      const r = lint(args, root);
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^resource-lint: --baseline/);
    }
  });
});
