import * as assert from 'assert';
import * as fs from 'fs';
import { lint, resource, workspace } from './helpers';

interface Result {
  file: string;
  diagnostics: { code: string; severity: string; range: { start: { line: number } } }[];
}

describe('resource-lint: suppression comments (built dist/cli.js)', function () {
  this.timeout(20000);
  const roots: string[] = [];
  const ws = (files: Record<string, string>) => {
    const root = workspace(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('a suppressed finding does not fail CI, nor count as a warning', () => {
    const root = ws({
      'resources/legacy.md': resource(
        'https://example.org/legacy',
        '# resource-lint-disable-next-line invalid-value -- imported in 2021',
        'learnTags: [nottag]',
        'jurisdiction: EU # resource-lint-disable-line unknown-field',
      ),
      'resources/crlf.md': `\ufeff${resource('https://example.org/crlf', '# resource-lint-disable-file unknown-field', 'old: 1')}`.replace(
        /\n/g,
        '\r\n',
      ),
      'resources/dup-a.md': resource('https://example.org/same', '# resource-lint-disable-file duplicate-resource'),
      'resources/dup-b.md': resource('https://example.org/same'),
    });
    const r = lint(['--format', 'json', '--max-warnings', '1'], root);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    const doc = JSON.parse(r.stdout) as { summary: unknown; results: Result[] };
    assert.deepStrictEqual(doc.summary, { files: 4, errors: 0, warnings: 1, fixed: 0 });
    assert.deepStrictEqual(
      doc.results.map((x) => [x.file, x.diagnostics.map((d) => d.code)]),
      [
        ['resources/crlf.md', []],
        ['resources/dup-a.md', []],
        ['resources/dup-b.md', ['duplicate-resource']],
        ['resources/legacy.md', []],
      ],
    );
  });

  it('an unused directive is reported (and fails with --max-warnings 0); a directive without codes is an error', () => {
    const root = ws({
      'resources/a.md': resource('https://example.org/a', '# resource-lint-disable-next-line invalid-value', 'learnTags: [bias]'),
      'resources/b.md': resource('https://example.org/b', '# resource-lint-disable-next-line', 'old: 1'),
    });
    const unused = lint(['--format', 'json', '--max-warnings', '0'], root);
    assert.strictEqual(unused.status, 1);
    const doc = JSON.parse(unused.stdout) as { results: Result[] };
    assert.deepStrictEqual(
      doc.results.map((x) => x.diagnostics.map((d) => [d.code, d.severity, d.range.start.line])),
      [
        [['unused-suppression', 'warning', 7]],
        [
          ['invalid-suppression', 'error', 7],
          ['unknown-field', 'warning', 8],
        ],
      ],
    );
    const stylish = lint([], root);
    assert.match(stylish.stdout, /Unused resource-lint-disable-next-line for 'invalid-value'.*unused-suppression/);
  });

  it('--fix leaves the directives alone', () => {
    const text = resource('https://example.org/a', '# resource-lint-disable-next-line invalid-url', 'focus2: x', 'learnTags: [Bias]');
    const root = ws({ 'resources/a.md': text });
    lint(['--fix'], root);
    const after = fs.readFileSync(`${root}/resources/a.md`, 'utf8');
    assert.ok(after.includes('# resource-lint-disable-next-line invalid-url\nfocus2: x\n'), after);
  });
});
