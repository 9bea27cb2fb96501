import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';

const TAGS = 'src/_data/resourceTags.json';
const TAG_FILE = `{
  "resourceTags": [
    { "value": "machineLearning", "label": "AI and Machine Learning" },
    { "value": "bias", "label": "Bias" },
    { "value": "unused", "label": "Unused" }
  ]
}
`;
const FOCUSES = 'src/_data/resourceFocuses.json';
const FOCUS_FILE = '{ "resourceFocuses": [{ "value": "Bias" }, { "value": "Employment" }] }\n';

function library(): string {
  return workspace({
    [TAGS]: TAG_FILE,
    [FOCUSES]: FOCUS_FILE,
    'resources/a.md': resource('https://example.org/a', 'learnTags: ["machineLearning", "bias"]'),
    'resources/b.md': resource('https://example.org/b', 'learnTags:', '  - machineLearning').replace(/\n/g, '\r\n'),
  });
}
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('resource-lint vocab', () => {
  it('usage: every term, its label and its count, as JSON', () => {
    const root = library();
    const r = lint(['vocab', 'usage', '--format', 'json', '--root', root], root);
    assert.strictEqual(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      terms: { vocabulary: string; value: string; label: string | null; resources: number }[];
      unused: unknown[];
    };
    assert.deepStrictEqual(
      out.terms.filter((t) => t.vocabulary === 'learnTags'),
      [
        { vocabulary: 'learnTags', value: 'machineLearning', label: 'AI and Machine Learning', resources: 2 },
        { vocabulary: 'learnTags', value: 'bias', label: 'Bias', resources: 1 },
        { vocabulary: 'learnTags', value: 'unused', label: 'Unused', resources: 0 },
      ],
    );
    // The type vocabulary is the bundled one here: most of its terms are unused.
    assert.deepStrictEqual(
      out.unused.filter((u) => (u as { vocabulary: string }).vocabulary !== 'type'),
      [
        { vocabulary: 'learnTags', value: 'unused' },
        { vocabulary: 'focus', value: 'Employment' },
      ],
    );
  });

  it('rename: --dry-run writes nothing; then the data file and every resource change, CRLF kept', () => {
    const root = library();
    const dry = lint(['vocab', 'rename', 'learnTags', 'machineLearning', 'deepLearning', '--dry-run'], root);
    assert.strictEqual(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^Would have renamed 'machineLearning' to 'deepLearning': 3 files \(2 resources\):/);
    assert.strictEqual(read(root, TAGS), TAG_FILE);
    const r = lint(['vocab', 'rename', 'learnTags', 'machineLearning', 'deepLearning'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(read(root, TAGS), TAG_FILE.replace('"machineLearning"', '"deepLearning"'));
    assert.strictEqual(
      read(root, 'resources/b.md'),
      resource('https://example.org/b', 'learnTags:', '  - deepLearning').replace(/\n/g, '\r\n'),
    );
    const merge = lint(['vocab', 'rename', 'learnTags', 'bias', 'deepLearning'], root);
    assert.match(merge.stdout, /^Merged 'bias' into 'deepLearning'/);
    assert.strictEqual(read(root, 'resources/a.md'), resource('https://example.org/a', 'learnTags: ["deepLearning"]'));
  });

  it('retire: a tag goes from every list; a focus in use needs --replace-with', () => {
    const root = library();
    const r = lint(['vocab', 'retire', 'learnTags', 'machineLearning'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(read(root, 'resources/a.md'), resource('https://example.org/a', 'learnTags: ["bias"]'));
    assert.strictEqual(read(root, 'resources/b.md'), resource('https://example.org/b', 'learnTags: []').replace(/\n/g, '\r\n'));
    const refused = lint(['vocab', 'retire', 'focus', 'Bias'], root);
    assert.strictEqual(refused.status, 2);
    assert.match(refused.stderr, /'Bias' is the focus of 2 resources, which cannot be left without one/);
    const replaced = lint(['vocab', 'retire', 'focus', 'Bias', '--replace-with', 'Employment'], root);
    assert.strictEqual(replaced.status, 0, replaced.stderr);
    assert.match(read(root, 'resources/a.md'), /^focus: Employment$/m);
    assert.strictEqual(read(root, FOCUSES), '{ "resourceFocuses": [{ "value": "Employment" }] }\n');
    assert.strictEqual(lint(['vocab', 'rename', 'colours', 'a', 'b'], root).status, 2);
  });

  it('retire: a focus a category repeats goes from its list entirely, the file still JSON', () => {
    const categories = 'src/_data/resourceCategories.json';
    const root = workspace({
      [FOCUSES]: FOCUS_FILE,
      [categories]: '{ "resourceCategories": [{ "categoryId": "work", "focuses": ["Employment", "Employment", "Bias"] }] }\n',
      'resources/a.md': resource('https://example.org/a'),
    });
    const r = lint(['vocab', 'retire', 'focus', 'Employment'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(read(root, categories), '{ "resourceCategories": [{ "categoryId": "work", "focuses": ["Bias"] }] }\n');
    assert.strictEqual(read(root, FOCUSES), '{ "resourceFocuses": [{ "value": "Bias" }] }\n');
  });
});
