import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';

/** Frontmatter lines → a resource text (with `eol`), then `body` after the closing `---`. */
function text(lines: string[], body: string, eol = '\n'): string {
  return ['---', ...lines, '---', body].join(eol);
}

/** Four fixable problems: a case slip, a case slip that makes a repeat (removed), a typo and a tag written as its label. */
const BROKEN = [
  'title: "A resource"',
  'focus: bias',
  'source: CRFM',
  'readability: [expert, Expert]',
  'type: PDF Artcle',
  'link: https://example.org/a',
  'learnTags: ["AI and Machine Learning"]',
];
const FIXED = [
  'title: "A resource"',
  'focus: Bias',
  'source: CRFM',
  'readability: [Expert]',
  'type: PDF Article',
  'link: https://example.org/a',
  'learnTags: ["machineLearning"]',
];
/** Not fixable by --fix: the only fix for an unknown key that collides with an existing one deletes it. */
const UNFIXABLE = 'titel: draft';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** A body that is not valid UTF-8 (a Latin-1 "café"): --fix must copy it byte for byte. */
const LATIN1_BODY = Buffer.from('Caf\xe9 au lait.\r\n', 'latin1');

const OLD = new Date('2020-01-02T03:04:05Z');

describe('resource-lint --fix (built dist/cli.js, run as a process)', function () {
  this.timeout(20000);
  const roots: string[] = [];
  const ws = (files: Record<string, string | Buffer>) => {
    const root = workspace(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('applies every preferred fix, changing only the bytes that are fixed, and says how many', () => {
    const root = ws({ 'resources/a.md': text([...BROKEN, UNFIXABLE], '# Body\n\nKept *as is*.\n') });
    const r = lint(['--fix'], root);
    assert.strictEqual(
      fs.readFileSync(path.join(root, 'resources/a.md'), 'utf8'),
      text([...FIXED, UNFIXABLE], '# Body\n\nKept *as is*.\n'),
    );
    assert.strictEqual(r.status, 0, r.stdout + r.stderr); // only the unknown-field warning is left
    assert.match(r.stdout, /unknown-field/);
    assert.doesNotMatch(r.stdout, /invalid-value|duplicate-value/);
    assert.match(r.stdout, /Fixed 4 problems in 1 file\./);
  });

  it('keeps CRLF line endings, the BOM and a body that is not even valid UTF-8', () => {
    const before = Buffer.concat([BOM, Buffer.from(text(BROKEN, '', '\r\n')), LATIN1_BODY]);
    const after = Buffer.concat([BOM, Buffer.from(text(FIXED, '', '\r\n')), LATIN1_BODY]);
    const root = ws({ 'resources/crlf.md': before });
    const r = lint(['--fix'], root);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    assert.deepStrictEqual(fs.readFileSync(path.join(root, 'resources/crlf.md')), after);
  });

  it("positions are the editor's: a BOM does not shift the first line", () => {
    const root = ws({ 'resources/bom.md': Buffer.concat([BOM, Buffer.from('---\ntitle: x\n')]) });
    const doc = JSON.parse(lint(['--format', 'json'], root).stdout);
    assert.deepStrictEqual(doc.results[0].diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  it('never writes a file it does not change: clean and unfixable files keep their bytes and mtime', () => {
    const clean = resource('https://example.org/clean');
    const unfixable = resource('https://example.org/unfixable', UNFIXABLE);
    const root = ws({ 'resources/clean.md': clean, 'resources/unfixable.md': unfixable, 'resources/broken.md': text(BROKEN, '') });
    for (const f of ['clean.md', 'unfixable.md']) fs.utimesSync(path.join(root, 'resources', f), OLD, OLD);
    const r = lint(['--fix'], root);
    assert.match(r.stdout, /Fixed 4 problems in 1 file\./);
    for (const [f, content] of [
      ['clean.md', clean],
      ['unfixable.md', unfixable],
    ]) {
      const file = path.join(root, 'resources', f);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), content);
      assert.strictEqual(fs.statSync(file).mtime.getTime(), OLD.getTime(), `${f} was rewritten`);
    }
  });

  it('writes atomically: no temporary file is left behind, and the file keeps its permissions', () => {
    const root = ws({ 'resources/a.md': text(BROKEN, '') });
    const file = path.join(root, 'resources/a.md');
    fs.chmodSync(file, 0o640);
    lint(['--fix'], root);
    assert.deepStrictEqual(fs.readdirSync(path.join(root, 'resources')), ['a.md']);
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), text(FIXED, ''));
  });

  it('json: stdout holds only the document (with summary.fixed); the count goes to stderr', () => {
    const root = ws({
      'resources/a.md': text(BROKEN, ''),
      'resources/b.md': text(
        BROKEN.map((l) => l.replace('/a', '/b')),
        '',
      ),
    });
    const r = lint(['--fix', '--format', 'json'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.deepStrictEqual(doc.summary, { files: 2, errors: 0, warnings: 0, fixed: 8 });
    assert.strictEqual(r.stderr, 'Fixed 8 problems in 2 files.\n');
  });

  it('without --fix, json marks which problems --fix would repair and changes nothing', () => {
    const root = ws({ 'resources/a.md': text([...BROKEN, UNFIXABLE], '') });
    const r = lint(['--format', 'json'], root);
    const fixable = JSON.parse(r.stdout).results[0].diagnostics.map((d: { code: string; fixable: boolean }) => `${d.code}:${d.fixable}`);
    assert.deepStrictEqual(fixable, [
      'invalid-value:true',
      'invalid-value:true',
      'invalid-value:true',
      'invalid-value:true',
      'unknown-field:false',
    ]);
    assert.strictEqual(fs.readFileSync(path.join(root, 'resources/a.md'), 'utf8'), text([...BROKEN, UNFIXABLE], ''));
  });

  it('repairs section references too: the misspelt label, and the number its label names', () => {
    const report = ['# 4 Technology', '## 4.3 Adaptation', 'Adapting models.', '## 4.8 Robustness', 'Holding up.', ''].join('\n');
    const body = 'See §4.3: adaptaton and §4.9: robustness; §4.3: robustness stays (label or number?).\n';
    const root = ws({ 'reports/report.md': report, 'resources/a.md': text(FIXED, body) });
    const before = JSON.parse(lint(['--format', 'json'], root).stdout).results.find((x: { file: string }) => x.file === 'resources/a.md');
    assert.deepStrictEqual(
      before.diagnostics.map((d: { code: string; fixable: boolean }) => `${d.code}:${d.fixable}`),
      ['section-label-mismatch:true', 'unknown-section:true', 'section-label-mismatch:false'],
    );
    const r = lint(['--fix'], root);
    assert.strictEqual(
      fs.readFileSync(path.join(root, 'resources/a.md'), 'utf8'),
      text(FIXED, 'See §4.3: Adaptation and §4.8: robustness; §4.3: robustness stays (label or number?).\n'),
    );
    assert.match(r.stdout, /Fixed 2 problems in 1 file\./);
  });
});
