import * as assert from 'assert';
import { lint, resource, workspace } from './helpers';

/** A resource of the legacy batch: no readability, an undeclared jurisdiction. */
const legacy = (link: string) =>
  ['---', 'title: "Legacy"', 'focus: Bias', 'source: CRFM', 'type: PDF Article', `link: ${link}`, 'jurisdiction: EU', '---', ''].join('\n');

interface JsonReport {
  results: { file: string; diagnostics: { code: string; severity: string }[] }[];
}

/** Each file's problems as `code:severity`, from `--format json`. */
function shown(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as JsonReport;
  return Object.fromEntries(report.results.map((f) => [f.file, f.diagnostics.map((d) => `${d.code}:${d.severity}`)]));
}

const LIBRARY = {
  'resources/eds-1.md': legacy('https://example.org/eds-1'),
  'resources/eds-2.md': legacy('https://example.org/eds-2'),
  'resources/other.md': resource('https://example.org/other', 'jurisdiction: EU'),
};

const OVERRIDES = [
  { files: ['resources/eds-*.md'], severity: { required: 'warning' }, allowFields: ['jurisdiction'] },
  { files: ['resources/eds-2.md'], severity: { required: 'off' } },
];

describe('resource-lint: overrides and the checked-in configuration file', () => {
  it('overrides from .vscode/settings.json: later entries win, allowed fields pass, warnings only exit 0', () => {
    const root = workspace({
      ...LIBRARY,
      '.vscode/settings.json': JSON.stringify({
        'resourceAuthoring.overrides': OVERRIDES,
        'resourceAuthoring.severity': { 'unknown-field': 'information' },
      }),
    });
    const r = lint(['--format', 'json'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(shown(r.stdout), {
      'resources/eds-1.md': ['required:warning'],
      'resources/eds-2.md': [],
      'resources/other.md': ['unknown-field:information'],
    });
  });

  it('the same from .resource-lint.json (JSONC), with .vscode/settings.json winning key by key', () => {
    const file = [
      '{',
      '  // checked in, for CI',
      `  "overrides": ${JSON.stringify(OVERRIDES)},`,
      '  "severity": { "unknown-field": "error" },',
      '}',
      '',
    ].join('\n');
    const alone = lint(['--format', 'json'], workspace({ ...LIBRARY, '.resource-lint.json': file }));
    assert.strictEqual(alone.status, 1, alone.stderr);
    assert.deepStrictEqual(shown(alone.stdout), {
      'resources/eds-1.md': ['required:warning'],
      'resources/eds-2.md': [],
      'resources/other.md': ['unknown-field:error'],
    });
    const root = workspace({
      ...LIBRARY,
      '.resource-lint.json': file,
      '.vscode/settings.json': JSON.stringify({ 'resourceAuthoring.severity': { 'unknown-field': 'hint' } }),
    });
    const both = lint(['--format', 'json'], root);
    assert.strictEqual(both.status, 0, both.stderr);
    assert.deepStrictEqual(shown(both.stdout)['resources/other.md'], ['unknown-field:hint']);
    assert.deepStrictEqual(shown(both.stdout)['resources/eds-1.md'], ['required:warning'], "the file's overrides still apply");
  });

  it("package.json's resourceAuthoring key", () => {
    const root = workspace({
      'package.json': JSON.stringify(
        { name: 'site', private: true, resourceAuthoring: { resourceGlobs: ['content/**/*.md'], overrides: OVERRIDES } },
        null,
        2,
      ),
      'content/resources/eds-1.md': legacy('https://example.org/eds-1'),
      'resources/not-checked.md': legacy('https://example.org/x'),
    });
    const r = lint(['--format', 'json'], root);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.deepStrictEqual(
      shown(r.stdout),
      { 'content/resources/eds-1.md': ['required:error', 'unknown-field:warning'] },
      'globs are relative to the folder',
    );
  });

  it('a bad file exits 2, naming the file and the line', () => {
    const bad = lint([], workspace({ ...LIBRARY, '.resource-lint.json': '{\n  "severity": {\n    "unknown-feld": "off"\n  }\n}\n' }));
    assert.strictEqual(bad.status, 2);
    assert.strictEqual(bad.stdout, '');
    assert.match(
      bad.stderr,
      /^resource-lint: \.resource-lint\.json line 3: severity\.unknown-feld: 'unknown-feld' is not a diagnostic code/,
    );
    const broken = lint([], workspace({ ...LIBRARY, '.resource-lint.json': '{\n  "severity": {}\n  "reports": []\n}\n' }));
    assert.strictEqual(broken.status, 2);
    assert.match(broken.stderr, /^resource-lint: \.resource-lint\.json line 3: is not valid JSON \(CommaExpected\)\.\n$/);
    const overrides = lint(
      [],
      workspace({ ...LIBRARY, '.vscode/settings.json': JSON.stringify({ 'resourceAuthoring.overrides': [{ files: 'resources/*.md' }] }) }),
    );
    assert.strictEqual(overrides.status, 2);
    assert.match(overrides.stderr, /resourceAuthoring\.overrides\[0\]\.files: should be a non-empty list of glob patterns/);
  });
});
