import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { quickCheck } from '../../server/src/core/quick';
import { analyzeText } from '../../server/src/core/service';
import { config, resource, VALID, withFields } from './helpers';

const seed = fs.readFileSync(path.join(__dirname, 'fixtures/seed-resource.md'), 'utf8');
const cfg = config();

/** The fast path may only vouch for a text the full analysis finds nothing wrong with. */
function assertAgrees(text: string): void {
  const quick = quickCheck(text, cfg);
  const full = analyzeText(text, cfg).findings;
  if (quick.clean)
    assert.deepStrictEqual(
      full.map((f) => f.code),
      [],
      `fast path called clean:\n${text}`,
    );
  if (text.includes('\n') && !text.includes('\r')) assertAgrees(text.replace(/\n/g, '\r\n'));
}

/** Values a field may be written with: every YAML scalar style, the ambiguous edges of both parsers. */
const SCALARS = [
  'Bias',
  '"Bias"',
  "'Bias'",
  'bias',
  '',
  '""',
  "''",
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'yes',
  'no',
  'on',
  'off',
  '1',
  '+1',
  '-1',
  '1.',
  '.5',
  '+.5',
  '-.5',
  '1e3',
  '1E3',
  '1e+3',
  '1_000',
  '0o17',
  '017',
  '0x1F',
  '0b101',
  '.inf',
  '-.Inf',
  '.nan',
  '.NaN',
  '2020-01-01',
  '2020-01-01T10:00:00Z',
  '12:30',
  '"12:30"',
  '[Bias]',
  '[]',
  '{}',
  '{a: 1}',
  '[a, a]',
  '>\n  Bias',
  '|\n  Bias',
  '>-\n  Bias',
  '"Bi\\u0061s"',
  '"Bias\\n"',
  '!!str 1',
  '!!int "1"',
  '!custom x',
  '&a Bias',
  '*a',
  'Bias # comment',
  'Bias#x',
  'a: b',
  '"a" b',
  '- Bias',
  'Methods or\n  Design',
  '"Methods or\n  Design"',
  'https://example.org/a',
  'http://Example.ORG/a/',
  'ftp://example.org',
  'example.org',
  '<< : {a: 1}',
];

describe('fast path (js-yaml + compiled schema) agrees with the full analysis', () => {
  it('vouches for ordinary valid resources, so it actually saves time', () => {
    for (const text of [
      seed,
      withFields({}),
      withFields({ readability: 'readability:\n  - Beginner\n  - Expert' }, ['learnTags:', '  - bias', '  - ethics']),
      withFields({}, ['summary: >', '  A folded summary', '  over two lines.', 'keywords: [a, "b", \'c\']', 'openSource: true']),
      '\uFEFF' + withFields({}, [], '\r\n').replace(/\r?\n/g, '\r\n'),
      withFields({ readability: 'readability:\n- Beginner\n- "Expert" # best' }, ['learnTags:', '- bias']).replace(/\n/g, '\r\n'),
    ]) {
      assert.strictEqual(quickCheck(text, cfg).clean, true, text);
      assert.deepStrictEqual(analyzeText(text, cfg).findings, []);
    }
  });

  it('never calls clean what the full analysis reports: every scalar in every field', () => {
    for (const field of [...Object.keys(VALID), 'openSource', 'keywords', 'learnTags', 'summary']) {
      for (const value of SCALARS) {
        const [first, ...rest] = value.split('\n');
        assertAgrees(withFields({ [field]: [`${field}: ${first}`, ...rest].join('\n') }));
        assertAgrees(withFields({ [field]: `${field}: [${first}]` }));
        assertAgrees(withFields({ [field]: [`${field}:`, `  - ${first}`, ...rest.map((l) => `  ${l}`)].join('\n') }));
      }
    }
  });

  it('never calls clean a text with a broken or odd block', () => {
    const texts = [
      'no frontmatter',
      '---\ntitle: x\n',
      '---\n---\n',
      '---\n...\n',
      resource(['[a, b]']),
      resource(['- a']),
      resource(['"just a string"']),
      resource([...Object.values(VALID), 'title: again']),
      resource([...Object.values(VALID), 'learnTags: [a,', 'b]']),
      resource([...Object.values(VALID), 'learnTags: [bias,', '  ethics]']),
      resource([...Object.values(VALID), '\tsummary: x']),
      resource([...Object.values(VALID), 'summary: x', '  y: z']),
      resource([...Object.values(VALID), 'x: ' + '['.repeat(80) + ']'.repeat(80)]),
      resource(['%YAML 1.2', ...Object.values(VALID)]),
      resource([...Object.values(VALID), '--- x']),
      resource([...Object.values(VALID), '? summary', ': x']),
      resource([...Object.values(VALID), 'summary: |', '  line', ' bad indent']),
      resource([...Object.values(VALID), 'summary: "a', 'b"']),
      resource([...Object.values(VALID), "summary: 'a", "b'"]),
      resource([...Object.values(VALID), 'summary: "a', 'b: c"']),
      resource([...Object.values(VALID), 'keywords: [a,', 'b: c]']),
      resource([...Object.values(VALID), 'keywords: [a,', '- b]']),
      resource([...Object.values(VALID), 'keywords:', '- "a', 'b"']),
      resource([...Object.values(VALID), 'summary: {', '}']),
    ];
    for (const text of texts) assertAgrees(text);
  });
});
