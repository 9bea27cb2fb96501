import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';
import { sarifValidator } from './sarifSchema';

/** A small library: one clean file, one with an error and a warning, two sharing a link, one page that is no resource. */
function library(): string {
  return workspace({
    'resources/clean.md': resource('https://example.org/clean'),
    'resources/broken.md': resource('https://example.org/broken', 'learnTags: [bias, AI]', 'legacy: 1'),
    'resources/dup/one.md': resource('https://Example.org/same/'),
    'resources/dup/two.md': resource('https://example.org/same'),
    'README.md': '# Not a resource\n',
  });
}

describe('resource-lint (built dist/cli.js, run as a process)', function () {
  this.timeout(20000);
  const roots: string[] = [];
  const ws = (root: string) => (roots.push(root), root);
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  describe('json format', () => {
    it('prints exactly one document in the shape given in the README (Command line), listing every checked file', () => {
      const root = ws(library());
      const r = lint(['--format', 'json'], root);
      assert.strictEqual(r.status, 1, r.stderr);
      assert.strictEqual(r.stderr, '');
      const doc = JSON.parse(r.stdout);
      assert.deepStrictEqual(Object.keys(doc), ['version', 'summary', 'results']);
      assert.strictEqual(doc.version, 1);
      assert.deepStrictEqual(doc.summary, { files: 4, errors: 1, warnings: 3, fixed: 0 });
      assert.deepStrictEqual(
        doc.results.map((x: { file: string }) => x.file),
        ['resources/broken.md', 'resources/clean.md', 'resources/dup/one.md', 'resources/dup/two.md'],
      );
      const broken = doc.results[0];
      assert.deepStrictEqual(Object.keys(broken), ['file', 'diagnostics']);
      for (const d of broken.diagnostics) assert.deepStrictEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'fixable']);
      assert.deepStrictEqual(
        broken.diagnostics.map((d: { code: string; severity: string; range: unknown }) => [d.code, d.severity, d.range]),
        [
          ['invalid-value', 'error', { start: { line: 7, character: 18 }, end: { line: 7, character: 20 } }],
          ['unknown-field', 'warning', { start: { line: 8, character: 0 }, end: { line: 8, character: 6 } }],
        ],
      );
      assert.deepStrictEqual(doc.results[1].diagnostics, []);
    });

    it('duplicate-resource: each file of the pair is warned, naming the other', () => {
      const doc = JSON.parse(lint(['--format', 'json'], ws(library())).stdout);
      const one = doc.results[2].diagnostics;
      const two = doc.results[3].diagnostics;
      assert.deepStrictEqual(
        one.map((d: { code: string }) => d.code),
        ['duplicate-resource'],
      );
      assert.match(one[0].message, /resources\/dup\/two\.md/);
      assert.match(two[0].message, /resources\/dup\/one\.md/);
      assert.deepStrictEqual(one[0].range, { start: { line: 6, character: 6 }, end: { line: 6, character: 31 } });
    });
  });

  describe('sarif format', () => {
    it('validates against the SARIF 2.1.0 schema, with 1-based regions, one rule per code, related locations', () => {
      const r = lint(['--format', 'sarif'], ws(library()));
      assert.strictEqual(r.status, 1);
      const log = JSON.parse(r.stdout);
      const validate = sarifValidator();
      assert.ok(!validate({ version: '2.1.0', runs: [{ results: [] }] }), 'the schema validator rejects a run without a tool');
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
      const run = log.runs[0];
      const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
      assert.strictEqual(new Set(ids).size, ids.length);
      assert.ok(ids.includes('invalid-value') && ids.includes('duplicate-resource'));
      const invalid = run.results.find((x: { ruleId: string }) => x.ruleId === 'invalid-value');
      assert.strictEqual(ids[invalid.ruleIndex], 'invalid-value');
      assert.deepStrictEqual(invalid.locations[0].physicalLocation, {
        artifactLocation: { uri: 'resources/broken.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 8, startColumn: 19, endLine: 8, endColumn: 21 },
      });
      const dup = run.results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-resource');
      assert.strictEqual(dup.relatedLocations[0].physicalLocation.artifactLocation.uri, 'resources/dup/two.md');
    });

    it('an empty run is valid SARIF too', () => {
      const r = lint(['--format', 'sarif'], ws(workspace({ 'resources/a.md': resource('https://example.org/a') })));
      assert.strictEqual(r.status, 0);
      assert.ok(sarifValidator()(JSON.parse(r.stdout)));
    });
  });

  describe('stylish format', () => {
    it('groups by file with line:col, severity, message and code, then a summary; no colour in a pipe', () => {
      const r = lint([], ws(library()));
      assert.strictEqual(r.status, 1);
      const lines = r.stdout.split('\n');
      const at = lines.indexOf(path.join('resources', 'broken.md'));
      assert.ok(at >= 0, r.stdout);
      assert.match(lines[at + 1], /^ {2}8:19 {2}error {4}'AI' is not a learn tag.* {2}invalid-value$/);
      assert.match(lines[at + 2], /^ {2}9:1 {3}warning {2}'legacy' is not a resource field.* {2}unknown-field$/);
      assert.ok(!r.stdout.includes(path.join('resources', 'clean.md')));
      assert.match(r.stdout, /✖ 4 problems \(1 error, 3 warnings\) in 4 files checked/);
      assert.ok(!r.stdout.includes('\x1b['));
    });

    it('says how many files it checked when all is well', () => {
      const r = lint([], ws(workspace({ 'resources/a.md': resource('https://example.org/a') })));
      assert.strictEqual(r.status, 0);
      assert.match(r.stdout, /1 file checked: no problems/);
      assert.strictEqual(r.stderr, '');
    });
  });

  describe('exit status and thresholds', () => {
    it('0 with warnings only; 1 when they exceed --max-warnings', () => {
      const root = ws(workspace({ 'resources/a.md': resource('https://example.org/a', 'legacy: 1') }));
      assert.strictEqual(lint([], root).status, 0);
      assert.strictEqual(lint(['--max-warnings', '1'], root).status, 0);
      const over = lint(['--max-warnings', '0'], root);
      assert.strictEqual(over.status, 1);
      assert.match(over.stdout, /too many warnings/);
    });

    it('--quiet reports errors only', () => {
      const doc = JSON.parse(lint(['--format', 'json', '--quiet'], ws(library())).stdout);
      assert.deepStrictEqual(doc.summary, { files: 4, errors: 1, warnings: 0, fixed: 0 });
      assert.deepStrictEqual(
        doc.results.flatMap((x: { diagnostics: { code: string }[] }) => x.diagnostics.map((d) => d.code)),
        ['invalid-value'],
      );
    });

    it('2 for usage errors: an unknown flag, format or threshold, a missing root or path', () => {
      const root = ws(library());
      for (const args of [
        ['--frmat', 'json'],
        ['--format', 'xml'],
        ['--max-warnings', 'many'],
        ['--root', 'nowhere'],
        ['resources/missing.md'],
        ['nothing/**/*.md'],
      ]) {
        const r = lint(args, root);
        assert.strictEqual(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
        assert.match(r.stderr, /^resource-lint: /);
        assert.strictEqual(r.stdout, '');
      }
    });

    it('2 for configuration errors: an unreadable report, an invalid schema, a broken settings.json', () => {
      const root = ws(library());
      assert.match(lint(['--report', 'reports/none.md'], root).stderr, /Cannot read the report reports\/none\.md/);
      assert.strictEqual(lint(['--report', 'reports/none.md'], root).status, 2);
      fs.mkdirSync(path.join(root, '.vscode'));
      fs.writeFileSync(path.join(root, 'schema.json'), JSON.stringify({ type: 'object', properties: { title: { type: 'nonsense' } } }));
      fs.writeFileSync(path.join(root, '.vscode/settings.json'), JSON.stringify({ 'resourceAuthoring.schema': 'schema.json' }));
      const bad = lint([], root);
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /schema/);
      fs.writeFileSync(path.join(root, '.vscode/settings.json'), '{ "resourceAuthoring.severity": ');
      const broken = lint([], root);
      assert.strictEqual(broken.status, 2);
      assert.match(broken.stderr, /settings\.json is not valid JSON/);
    });
  });

  describe('what gets checked', () => {
    it('reads resourceAuthoring.* from <root>/.vscode/settings.json (comments allowed), given with --root', () => {
      const root = ws(
        workspace({
          '.vscode/settings.json':
            '{\n  // the site keeps resources elsewhere\n  "resourceAuthoring.resourceGlobs": ["content/**/*.md"],\n  "resourceAuthoring.severity": { "unknown-field": "error", "duplicate-resource": "off" },\n}\n',
          'content/a.md': resource('https://example.org/a', 'legacy: 1'),
          'content/b.md': resource('https://example.org/a'),
          'resources/ignored.md': 'no frontmatter',
        }),
      );
      const r = lint(['--root', root, '--format', 'json'], path.dirname(root));
      const doc = JSON.parse(r.stdout);
      assert.deepStrictEqual(
        doc.results.map((x: { file: string }) => x.file),
        ['content/a.md', 'content/b.md'],
      );
      assert.deepStrictEqual(
        doc.results[0].diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]),
        [['unknown-field', 'error']],
      );
      assert.deepStrictEqual(doc.results[1].diagnostics, []);
      assert.strictEqual(r.status, 1);
    });

    it('uses the workspace vocabularies, as the editor does', () => {
      const root = ws(
        workspace({
          'src/_data/resourceTags.json': JSON.stringify({ resourceTags: [{ value: 'house', label: 'Our own tag' }] }),
          'resources/a.md': resource('https://example.org/a', 'learnTags: [house]'),
        }),
      );
      assert.strictEqual(lint([], root).status, 0);
    });

    it('checks the files and globs named, relative to the working folder', () => {
      const root = ws(library());
      const one = JSON.parse(lint(['--format', 'json', 'resources/broken.md'], root).stdout);
      assert.deepStrictEqual(
        one.results.map((x: { file: string }) => x.file),
        ['resources/broken.md'],
      );
      const glob = JSON.parse(lint(['--format', 'json', 'resources/dup/*.md'], root).stdout);
      assert.deepStrictEqual(
        glob.results.map((x: { file: string }) => x.file),
        ['resources/dup/one.md', 'resources/dup/two.md'],
      );
      const folder = JSON.parse(lint(['--format', 'json', 'resources/dup'], root).stdout);
      assert.strictEqual(folder.summary.files, 2);
    });

    it('checks as resources every file a glob matches and the resources of a folder outside the root, none passed unchecked', () => {
      const root = ws(library());
      fs.mkdirSync(path.join(root, 'docs'));
      fs.writeFileSync(path.join(root, 'docs/page.md'), resource('https://example.org/page', 'legacy: 1'));
      const glob = lint(['--format', 'json', 'docs/*.md'], root);
      assert.deepStrictEqual(
        JSON.parse(glob.stdout).results.map((x: { file: string; diagnostics: { code: string }[] }) => [
          x.file,
          x.diagnostics.map((d) => d.code),
        ]),
        [['docs/page.md', ['unknown-field']]],
      );
      const outside = ws(workspace({ 'resources/there.md': resource('https://example.org/there', 'learnTags: [nope]') }));
      const r = lint(['--format', 'json', outside], root);
      assert.strictEqual(r.status, 1, r.stderr);
      assert.deepStrictEqual(
        JSON.parse(r.stdout).results.flatMap((x: { diagnostics: { code: string }[] }) => x.diagnostics.map((d) => d.code)),
        ['invalid-value'],
      );
    });

    it('skips node_modules and .git', () => {
      const root = ws(
        workspace({
          'resources/a.md': resource('https://example.org/a'),
          'node_modules/pkg/resources/x.md': 'broken',
          '.git/resources/y.md': 'broken',
        }),
      );
      const doc = JSON.parse(lint(['--format', 'json'], root).stdout);
      assert.deepStrictEqual(
        doc.results.map((x: { file: string }) => x.file),
        ['resources/a.md'],
      );
    });
  });

  describe('section references (the same verdict as the editor)', () => {
    const REPORT = ['# 4 Technology', '## 4.3 Adaptation', 'Adapting models.', '## 4.7 Security and privacy', 'Threats.', ''].join('\n');
    const citing = (ref: string) =>
      resource(`https://example.org/${encodeURIComponent(ref)}`).replace('Body.', `As the report says (${ref}).`);
    const codes = (r: { stdout: string }) =>
      JSON.parse(r.stdout).results.flatMap((x: { diagnostics: { code: string }[] }) => x.diagnostics.map((d) => d.code));

    it('checks references against the reports the settings find, even in files with a clean frontmatter', () => {
      const root = ws(
        workspace({ 'reports/report.md': REPORT, 'resources/good.md': citing('§4.3: Adaptation'), 'resources/bad.md': citing('§9.9') }),
      );
      const r = lint(['--format', 'json'], root);
      assert.strictEqual(r.status, 1, r.stderr);
      const doc = JSON.parse(r.stdout);
      // The report is checked too (its own references), as the editor checks it.
      assert.deepStrictEqual(
        doc.results.map((x: { file: string; diagnostics: { code: string }[] }) => [x.file, x.diagnostics.map((d) => d.code)]),
        [
          ['reports/report.md', []],
          ['resources/bad.md', ['unknown-section']],
          ['resources/good.md', []],
        ],
      );
    });

    it('--report names the report (relative to the working folder); without any report, references get no-report', () => {
      const root = ws(workspace({ 'docs/the-report.md': REPORT, 'resources/a.md': citing('§4.3: Adaptation') }));
      assert.deepStrictEqual(codes(lint(['--format', 'json'], root)), ['no-report']);
      assert.deepStrictEqual(codes(lint(['--format', 'json', '--report', 'docs/the-report.md'], root)), []);
      assert.deepStrictEqual(codes(lint(['--format', 'json', '--root', '..', '--report', 'the-report.md'], path.join(root, 'docs'))), []);
      assert.strictEqual(lint(['--report', 'docs/missing.md'], root).status, 2);
    });
  });
});
