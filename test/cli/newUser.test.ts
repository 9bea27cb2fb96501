import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';

const REPORT = ['# 4 Technology', '## 4.3 Adaptation', 'See §4.9 below.', ''].join('\n');
const codes = (stdout: string) =>
  JSON.parse(stdout).results.map((x: { file: string; diagnostics: { code: string }[] }) => [x.file, x.diagnostics.map((d) => d.code)]);

/** What a new user meets first: the CLI in CI and lint-staged, and a configuration with a typo. */
describe('resource-lint on a real library (built dist/cli.js)', function () {
  this.timeout(20000);
  const roots: string[] = [];
  const ws = (files: Record<string, string>) => {
    const root = workspace(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  describe('files named on the command line', () => {
    it('a named file that is not a resource is skipped with one warning each, exit status unaffected', () => {
      const root = ws({
        'resources/a.md': resource('https://example.org/a'),
        'README.md': '# Site\n',
        'src/_data/resourceTags.json': fs.readFileSync(path.resolve(__dirname, '../../data/vocabularies/resourceTags.json'), 'utf8'),
      });
      const r = lint(['--format', 'json', 'README.md', 'src/_data/resourceTags.json', 'resources/a.md'], root);
      assert.strictEqual(r.status, 0, r.stdout + r.stderr);
      assert.deepStrictEqual(codes(r.stdout), [['resources/a.md', []]]);
      assert.strictEqual(
        r.stderr,
        [
          'resource-lint: warning: README.md: not a resource file: it does not match resourceAuthoring.resourceGlobs (relative to --root); skipped.',
          'resource-lint: warning: src/_data/resourceTags.json: not a resource file: it does not match resourceAuthoring.resourceGlobs (relative to --root); skipped.',
          '',
        ].join('\n'),
      );
      // Only non-resources named (a commit touching the README only): nothing to check, and that passes.
      const only = lint(['README.md'], root);
      assert.strictEqual(only.status, 0, only.stdout + only.stderr);
      assert.match(only.stderr, /README\.md: not a resource file/);
    });

    it('a report named explicitly is checked as a report (its own section references, no frontmatter)', () => {
      const root = ws({ 'reports/report.md': REPORT, 'docs/other-report.md': REPORT });
      const r = lint(['--format', 'json', 'reports/report.md'], root);
      assert.strictEqual(r.status, 1, r.stderr);
      assert.deepStrictEqual(codes(r.stdout), [['reports/report.md', ['unknown-section']]]);
      // Named with --report too (outside the settings' report globs).
      const named = lint(['--format', 'json', '--report', 'docs/other-report.md', 'docs/other-report.md'], root);
      assert.deepStrictEqual(codes(named.stdout), [['docs/other-report.md', ['unknown-section']]]);
      assert.strictEqual(named.stderr, '');
    });
  });

  describe('configuration errors exit 2 and say which setting', () => {
    it('resource globs that match no file', () => {
      const root = ws({
        '.vscode/settings.json': '{ "resourceAuthoring.resourceGlobs": ["content/**/*.md"] }',
        'resources/a.md': resource('https://example.org/a'),
      });
      const r = lint([], root);
      assert.strictEqual(r.status, 2, r.stdout);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(
        r.stderr,
        `resource-lint: No files match resourceAuthoring.resourceGlobs (content/**/*.md) under ${fs.realpathSync(root)}.\n`,
      );
    });

    it('an unknown severity value and an unknown code in resourceAuthoring.severity', () => {
      const root = ws({
        '.vscode/settings.json': '{ "resourceAuthoring.severity": { "unknown-field": "fatal", "no-such-code": "off" } }',
        'resources/a.md': resource('https://example.org/a', 'legacy: 1'),
      });
      const r = lint([], root);
      assert.strictEqual(r.status, 2, r.stdout);
      assert.strictEqual(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.strictEqual(lines.length, 2, r.stderr);
      assert.match(
        lines[0],
        /^resource-lint: .*settings\.json: resourceAuthoring\.severity\.unknown-field: "fatal" is not a severity \(use error, warning, information, hint or off\)\.$/,
      );
      assert.match(lines[1], /settings\.json: resourceAuthoring\.severity\.no-such-code: 'no-such-code' is not a diagnostic code/);
    });

    it('a vocabulary file that cannot be read: the message names the setting and promises no fallback', () => {
      const root = ws({
        '.vscode/settings.json': '{ "resourceAuthoring.vocabularies.learnTags": "data/tags.json" }',
        'resources/a.md': resource('https://example.org/a'),
      });
      const r = lint([], root);
      assert.strictEqual(r.status, 2);
      assert.strictEqual(
        r.stderr,
        'resource-lint: Cannot read data/tags.json (ENOENT), named by resourceAuthoring.vocabularies.learnTags.\n',
      );
      fs.mkdirSync(path.join(root, 'data'));
      fs.writeFileSync(path.join(root, 'data/tags.json'), '{ not json');
      const bad = lint([], root);
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /^resource-lint: data\/tags\.json is not valid JSON/);
      assert.doesNotMatch(bad.stderr, /meanwhile|using the bundled/i);
    });
  });

  describe('wording that agrees with the exit status', () => {
    const warned = () => ws({ 'resources/a.md': resource('https://example.org/a', 'legacy: 1', 'other: 2') });

    it('--quiet --max-warnings 0: no "no problems" before failing for the hidden warnings', () => {
      const r = lint(['--quiet', '--max-warnings', '0'], warned());
      assert.strictEqual(r.status, 1);
      assert.strictEqual(
        r.stdout,
        '1 file checked: no errors; 2 warnings not shown (--quiet).\n✖ resource-lint found too many warnings: 2 (maximum: 0).\n',
      );
      const json = lint(['--quiet', '--max-warnings', '0', '--format', 'json'], warned());
      assert.strictEqual(json.status, 1);
      assert.strictEqual(json.stderr, '✖ resource-lint found too many warnings: 2 (maximum: 0).\n');
      assert.doesNotThrow(() => JSON.parse(json.stdout));
    });

    it('--max-warnings -1 means no limit, as in ESLint; other negative numbers are usage errors', () => {
      const root = warned();
      assert.strictEqual(lint(['--max-warnings', '-1'], root).status, 0);
      assert.strictEqual(lint(['--max-warnings=-1'], root).status, 0);
      const bad = lint(['--max-warnings', '-2'], root);
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /^resource-lint: --max-warnings needs a whole number of 0 or more \(or -1 for no limit\), not '-2'\./);
    });

    it('sections: errors carry the resource-lint: prefix, and its usage is the line --help shows', () => {
      const root = ws({ 'reports/report.md': REPORT });
      const help = lint(['--help'], root).stdout;
      const usage = lint(['sections', '--help'], root);
      assert.strictEqual(usage.status, 0);
      const synopsis = usage.stdout.split('\n')[0].replace(/^Usage: /, '');
      assert.ok(
        help.split('\n').some((l) => l.trim() === synopsis),
        `${synopsis}\n---\n${help}`,
      );
      for (const args of [
        ['sections'],
        ['sections', '--report'],
        ['sections', '--report', 'reports/report.md', '--format', 'xml'],
        ['sections', '--bogus'],
        ['sections', '--report', 'reports/none.md'],
      ]) {
        const r = lint(args, root);
        assert.strictEqual(r.status, 2, args.join(' '));
        assert.strictEqual(r.stdout, '');
        assert.match(r.stderr, /^resource-lint: /, args.join(' '));
      }
      assert.ok(lint(['sections'], root).stderr.includes(`\nUsage: ${synopsis}\n`));
    });
  });
});
