import * as assert from 'assert';
import { createConfiguration } from '../../server/src/core/configuration';
import { analyzeText, toDiagnostics } from '../../server/src/core/service';
import { normaliseSettings, settingsFromSettingsJson } from '../../server/src/core/settings';
import { bundledVocabularies, parseVocabulary } from '../../server/src/core/vocabulary';
import { check, withFields } from './helpers';

describe('settings', () => {
  it('fills defaults and ignores malformed values', () => {
    const s = normaliseSettings({ resourceGlobs: 'nope', severity: { 'unknown-field': 'error', bogus: 'error', required: 'loud' } });
    assert.deepStrictEqual(s.resourceGlobs, ['**/resources/**/*.md']);
    assert.deepStrictEqual(s.severity, { 'unknown-field': 'error' });
  });
  it('reads dotted keys from a settings.json', () => {
    const s = settingsFromSettingsJson({
      'resourceAuthoring.resourceGlobs': ['content/**/*.md'],
      'resourceAuthoring.vocabularies.focus': 'data/f.json',
      'editor.tabSize': 2,
    });
    assert.deepStrictEqual(s.resourceGlobs, ['content/**/*.md']);
    assert.strictEqual(s.vocabularies.focus, 'data/f.json');
  });
  it('severity overrides apply and "off" drops the code', () => {
    const text = withFields({}, ['legacy: 1', 'learnTags: [bias, bias]']);
    const config = createConfiguration({
      settings: normaliseSettings({ severity: { 'unknown-field': 'error', 'duplicate-value': 'off' } }),
    });
    const diags = toDiagnostics(analyzeText(text, config), config);
    assert.deepStrictEqual(
      diags.map((d) => [d.code, d.severity, d.source]),
      [['unknown-field', 1, 'resources']],
    );
  });
  it('resource globs decide what is a resource', () => {
    const config = createConfiguration();
    assert.ok(config.isResource('src/collections/resources/a.md'));
    assert.ok(config.isResource('resources/a.md'));
    assert.ok(!config.isResource('docs/readme.md'));
    assert.ok(config.isReport('reports/fm.txt'));
  });
});

describe('vocabularies', () => {
  it('the bundled defaults are the reference site data files', () => {
    const v = bundledVocabularies();
    assert.ok(v.learnTags.values.has('machineLearning'));
    assert.strictEqual(v.learnTags.terms.find((t) => t.value === 'machineLearning')?.label, 'AI and Machine Learning');
    assert.ok(v.focus.values.has('Methods or Design'));
    assert.ok(v.type.values.has('PDF Article'));
    assert.ok(v.categories.length > 0);
  });
  it('a workspace vocabulary replaces the bundled one, and messages name its file', () => {
    const parsed = parseVocabulary('focus', '{"resourceFocuses":[{"value":"ICT Standards"}]}', 'src/_data/resourceFocuses.json');
    assert.ok(parsed.ok);
    const vocabularies = { ...bundledVocabularies(), focus: parsed.value };
    const config = createConfiguration({ vocabularies });
    assert.deepStrictEqual(check(withFields({ focus: 'focus: ICT Standards' }), config), []);
    const seen = check(withFields({ focus: 'focus: Bias' }), config);
    assert.strictEqual(seen[0].message, "'Bias' is not a focus in src/_data/resourceFocuses.json. Use one of: ICT Standards.");
  });
  it('malformed vocabulary files get one clear sentence', () => {
    const bad = parseVocabulary('learnTags', '{"resourceTags": [', 'src/_data/resourceTags.json');
    assert.ok(!bad.ok && /src\/_data\/resourceTags\.json is not valid JSON/.test(bad.error));
    const wrong = parseVocabulary('learnTags', '{"resourceTags": [{"label": "x"}]}', 'tags.json');
    assert.ok(!wrong.ok && /entry 1 has no string "value"/.test(wrong.error));
  });
});

describe('replacement schema', () => {
  it('an anyOf of several branches comes out as one diagnostic', () => {
    const schema = {
      type: 'object',
      properties: { title: { anyOf: [{ type: 'string', minLength: 3 }, { type: 'number' }] }, level: { enum: ['a', 'b'] } },
    };
    const config = createConfiguration({ schema });
    const seen = check('---\ntitle: [x]\nlevel: c\n---\n', config);
    assert.deepStrictEqual(
      seen.map((s) => [s.code, s.text]),
      [
        ['invalid-type', '[x]'],
        ['invalid-value', 'c'],
      ],
    );
  });
  it('an invalid replacement schema falls back to the bundled one with a problem', () => {
    const config = createConfiguration({ schema: { type: 'object', properties: { title: { type: 'strin' } } } });
    assert.strictEqual(config.problems.length, 1);
    assert.deepStrictEqual(check(withFields({}), config), []);
  });
});
