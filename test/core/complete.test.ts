import * as assert from 'assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { complete } from '../../server/src/core/complete';
import { applyTextEdits } from '../../server/src/core/edits';
import { analyzeText } from '../../server/src/core/service';
import { config } from './helpers';

const cfg = config();

/** Completions at the `|` of a text. */
function at(src: string): { items: CompletionItem[]; text: string } {
  const offset = src.indexOf('|');
  const text = src.replace('|', '');
  return { items: complete(analyzeText(text, cfg), cfg, offset).items, text };
}

const labels = (src: string) => at(src).items.map((i) => i.label);

/** The text after accepting the completion labelled `label`. */
function accept(src: string, label: string): string {
  const { items, text } = at(src);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no ${label} among ${items.map((i) => i.label).join(', ')}`);
  return applyTextEdits(text, [item.textEdit as TextEdit]);
}

const fm = (...lines: string[]) => ['---', 'title: "A"', ...lines, '---', 'Body', ''].join('\n');

describe('completion', () => {
  describe('keys', () => {
    it('offers the fields not yet present, in schema order, with their description', () => {
      const { items } = at(fm('|'));
      assert.deepStrictEqual(
        items.map((i) => i.label),
        ['focus', 'source', 'readability', 'type', 'openSource', 'link', 'keywords', 'learnTags', 'summary'],
      );
      assert.strictEqual(items[0].detail, 'required');
      assert.match(JSON.stringify(items[0].documentation), /focus/);
    });
    it('inserts key and a value of the right shape: [] for lists, choices for enums, false for booleans', () => {
      const { items } = at(fm('|'));
      const snippet = (l: string) => (items.find((i) => i.label === l)!.textEdit as TextEdit).newText;
      assert.strictEqual(snippet('readability'), 'readability: [$1]$0');
      assert.strictEqual(snippet('openSource'), 'openSource: ${1|false,true|}');
      assert.match(snippet('focus'), /^focus: \$\{1\|AI Ethics\/Policy,.*,Tool\|\}$/);
      assert.strictEqual(snippet('source'), 'source: $0');
    });
    it('replaces the partly typed key', () => {
      assert.strictEqual(accept(fm('lea|'), 'learnTags'), fm('learnTags: [$1]$0'));
    });
  });

  describe('values', () => {
    it('all tags after [ with their labels', () => {
      const { items } = at(fm('learnTags: [|'));
      assert.strictEqual(items.length, cfg.vocabularies.learnTags.terms.length);
      assert.strictEqual(items.find((i) => i.label === 'machineLearning')?.detail, 'AI and Machine Learning');
    });
    it('matches on labels: Mach and ai both find machineLearning', () => {
      assert.deepStrictEqual(labels(fm('learnTags: [Mach|')), ['machineLearning']);
      assert.ok(labels(fm('learnTags: [bias, ai|]')).includes('machineLearning'));
    });
    it('does not offer values already in the list, in flow and block style', () => {
      assert.ok(!labels(fm('learnTags: ["bias", |]')).includes('bias'));
      assert.deepStrictEqual(labels(fm('readability: [Expert, |]')), ['Beginner', 'Intermediate']);
      assert.deepStrictEqual(labels(fm('readability:', '  - Expert', '  - |', '  - Beginner')), ['Intermediate']);
    });
    it('reads a block list the same with CRLF line endings', () => {
      const crlf = (src: string) => src.replace(/\n/g, '\r\n');
      assert.deepStrictEqual(labels(crlf(fm('readability:', '  - Expert', '  - |', '  - Beginner'))), ['Intermediate']);
      assert.deepStrictEqual(labels(crlf(fm('readability:', '  - Expert', '  - Beginner', '  - |'))), ['Intermediate']);
      assert.strictEqual(accept(crlf(fm('learnTags:', '  - bias', '  -|')), 'ethics'), crlf(fm('learnTags:', '  - bias', '  - ethics')));
    });
    it('respects the quote being typed: never ""value""', () => {
      assert.strictEqual(accept(fm('readability: ["Beginner", "Ex|"]'), 'Expert'), fm('readability: ["Beginner", "Expert"]'));
      assert.strictEqual(accept(fm('readability: ["Beginner", "|'), 'Expert'), fm('readability: ["Beginner", "Expert"'));
      assert.strictEqual(accept(fm("focus: 'Bi|'"), 'Bias'), fm("focus: 'Bias'"));
    });
    it('without quotes, quotes only what needs them', () => {
      assert.strictEqual(accept(fm('type: |'), 'PDF Article'), fm('type: PDF Article'));
      assert.strictEqual(accept(fm('type:|'), 'Blog'), fm('type: Blog'));
      assert.strictEqual(accept(fm('learnTags:', '  -|'), 'bias'), fm('learnTags:', '  - bias'));
    });
    it('focus shows the category it belongs to', () => {
      const bias = at(fm('focus: |')).items.find((i) => i.label === 'Bias');
      assert.strictEqual(bias?.labelDetails?.description, 'AI ethics and policy');
    });
    it('booleans after openSource:', () => {
      assert.strictEqual(accept(fm('openSource: |'), 'false'), fm('openSource: false'));
    });
    it('a list field with nothing yet gets a one-item list', () => {
      assert.strictEqual(accept(fm('readability: |'), 'Expert'), fm('readability: [Expert]'));
    });
  });

  it('offers nothing in the body or for fields without a closed set', () => {
    assert.deepStrictEqual(labels(fm('link: x') + 'focus: |'), []);
    assert.deepStrictEqual(labels(fm('source: |')), []);
    assert.deepStrictEqual(labels('no frontmatter focus: |'), []);
  });
});
