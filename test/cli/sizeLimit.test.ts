import * as assert from 'assert';
import * as fs from 'fs';
import { lint, resource, workspace } from './helpers';

describe('resource-lint: files past the size limits', function () {
  this.timeout(20000);
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('one file-too-large information per such file, nothing else of it; the limits come from .resource-lint.json', () => {
    const giant = resource('https://example.org/giant', 'junk: 1', `summary: "${'x'.repeat(1_000_000)}"`);
    const root = workspace({
      'resources/giant.md': giant,
      'resources/small.md': resource('https://example.org/small', 'junk: 1'),
    });
    roots.push(root);
    const r = lint(['--format', 'json'], root);
    assert.strictEqual(r.stderr, '');
    const doc = JSON.parse(r.stdout) as { results: { file: string; diagnostics: { code: string; severity: string; message: string }[] }[] };
    const byFile = Object.fromEntries(doc.results.map((x) => [x.file, x.diagnostics]));
    assert.deepStrictEqual(
      byFile['resources/giant.md'].map((d) => [d.code, d.severity]),
      [['file-too-large', 'information']],
    );
    assert.match(byFile['resources/giant.md'][0].message, /more than resourceAuthoring\.limits\.frontmatterSize \(1,000,000\)/);
    assert.deepStrictEqual(
      byFile['resources/small.md'].map((d) => d.code),
      ['unknown-field'],
    );

    // A limit set in the configuration file applies, to the whole file too; --fix leaves such a file alone.
    fs.writeFileSync(`${root}/.resource-lint.json`, JSON.stringify({ limits: { fileSize: 100 } }));
    const small = lint(['--format', 'json', '--fix'], root);
    const after = JSON.parse(small.stdout) as typeof doc;
    assert.deepStrictEqual(
      after.results.map((x) => [x.file, x.diagnostics.map((d) => d.code)]),
      [
        ['resources/giant.md', ['file-too-large']],
        ['resources/small.md', ['file-too-large']],
      ],
    );
    assert.match(
      after.results[1].diagnostics[0].message,
      /This file is \d+ characters long, more than resourceAuthoring\.limits\.fileSize \(100\)/,
    );
    assert.strictEqual(fs.readFileSync(`${root}/resources/giant.md`, 'utf8'), giant);
  });

  it('a limit that is not a positive whole number is a settings problem (exit 2)', () => {
    const root = workspace({
      'resources/a.md': resource('https://example.org/a'),
      '.resource-lint.json': '{"limits": {"fileSize": "10MB"}}',
    });
    roots.push(root);
    const r = lint([], root);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /limits\.fileSize: should be a whole number of characters greater than 0, not "10MB"/);
  });
});
