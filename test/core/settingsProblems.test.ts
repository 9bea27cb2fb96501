import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DIAGNOSTIC_CODES } from '../../server/src/core/codes';
import { normaliseSettings, settingsJsonProblems, settingsProblems } from '../../server/src/core/settings';

const keys = (problems: { key: string }[]) => problems.map((p) => p.key);

describe('settings problems (what normaliseSettings would ignore)', () => {
  it('none for the defaults VS Code hands over, nor for valid overrides', () => {
    assert.deepStrictEqual(settingsProblems({}), []);
    assert.deepStrictEqual(
      settingsProblems({
        resourceGlobs: ['content/**/*.md'],
        reports: ['reports/*.md'],
        vocabularies: { learnTags: '', focus: 'f.json', type: '' },
        schema: '',
        severity: { 'unknown-field': 'error', 'no-report': 'off' },
        workspaceDiagnostics: false,
        preview: { openAutomatically: true },
      }),
      [],
    );
  });

  it('overrides: wrong shapes, keys, codes and levels, each named by its place in the list; the valid entries kept', () => {
    const raw = {
      overrides: [
        { files: ['legacy/*.md'], severity: { 'unknown-field': 'off' }, allowFields: ['jurisdiction'] },
        { files: [], severity: { 'no-such-code': 'off', required: 'loud' } },
        { files: ['a.md'], allowFields: 'jurisdiction', severity: [], glob: 'x' },
        'legacy/*.md',
      ],
    };
    assert.deepStrictEqual(keys(settingsProblems(raw)), [
      'resourceAuthoring.overrides[1].files',
      'resourceAuthoring.overrides[1].severity.no-such-code',
      'resourceAuthoring.overrides[1].severity.required',
      'resourceAuthoring.overrides[2].glob',
      'resourceAuthoring.overrides[2].severity',
      'resourceAuthoring.overrides[2].allowFields',
      'resourceAuthoring.overrides[3]',
    ]);
    assert.deepStrictEqual(keys(settingsProblems({ overrides: { files: ['a.md'] } })), ['resourceAuthoring.overrides']);
    assert.deepStrictEqual(normaliseSettings(raw).overrides, [
      { files: ['legacy/*.md'], severity: { 'unknown-field': 'off' }, allowFields: ['jurisdiction'] },
      { files: ['a.md'], severity: {}, allowFields: [] },
    ]);
    assert.deepStrictEqual(settingsProblems({ overrides: [raw.overrides[0]] }), []);
  });

  it('an unknown severity value and an unknown code, each named by its key', () => {
    const problems = settingsProblems({ severity: { 'unknown-field': 'fatal', 'no-such-code': 'off', required: 'warning' } });
    assert.deepStrictEqual(keys(problems), ['resourceAuthoring.severity.unknown-field', 'resourceAuthoring.severity.no-such-code']);
    assert.match(
      problems[0].message,
      /^resourceAuthoring\.severity\.unknown-field: "fatal" is not a severity \(use error, warning, information, hint or off\)\.$/,
    );
    assert.match(
      problems[1].message,
      /'no-such-code' is not a diagnostic code \(the codes: frontmatter-missing, .*no-report, unused-suppression, invalid-suppression, unused-term, duplicate-label, file-too-large\)/,
    );
    // The valid entry still applies; the wrong ones are what the problems report.
    assert.deepStrictEqual(
      normaliseSettings({ severity: { 'unknown-field': 'fatal', 'no-such-code': 'off', required: 'warning' } }).severity,
      { required: 'warning' },
    );
  });

  it('values of the wrong shape: globs, paths, the severity object, workspaceDiagnostics', () => {
    assert.deepStrictEqual(
      keys(
        settingsProblems({
          resourceGlobs: 'content/*.md',
          reports: ['ok/*.md', 3],
          schema: 1,
          vocabularies: { focus: [] },
          severity: 'error',
          workspaceDiagnostics: 'yes',
        }),
      ),
      [
        'resourceAuthoring.resourceGlobs',
        'resourceAuthoring.reports',
        'resourceAuthoring.vocabularies.focus',
        'resourceAuthoring.schema',
        'resourceAuthoring.workspaceDiagnostics',
        'resourceAuthoring.severity',
      ],
    );
  });

  it("reads the flat keys of a settings.json, ignoring other extensions' settings", () => {
    assert.deepStrictEqual(keys(settingsJsonProblems({ 'editor.tabSize': 'x', 'resourceAuthoring.severity': { bogus: 'error' } })), [
      'resourceAuthoring.severity.bogus',
    ]);
  });

  it('package.json describes resourceAuthoring.severity by code, so the settings editor completes and checks them', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    const schema = pkg.contributes.configuration.properties['resourceAuthoring.severity'];
    assert.deepStrictEqual(Object.keys(schema.properties), Object.keys(DIAGNOSTIC_CODES));
    for (const code of Object.keys(DIAGNOSTIC_CODES))
      assert.deepStrictEqual(schema.properties[code].enum, ['error', 'warning', 'information', 'hint', 'off'], code);
    assert.strictEqual(schema.additionalProperties, false);
  });
});
