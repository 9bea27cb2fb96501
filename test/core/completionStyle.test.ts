import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { complete, type CompletionOptions } from '../../server/src/core/complete';
import { decideStyle, noVotes, sourceVotes } from '../../server/src/core/completionStyle';
import { applyTextEdits } from '../../server/src/core/edits';
import { analyzeText } from '../../server/src/core/service';
import { config } from './helpers';

const cfg = config();
const fm = (...lines: string[]) => ['---', ...lines, '---', 'Body', ''].join('\n');

function accept(src: string, label: string, options: CompletionOptions = {}): string {
  const offset = src.indexOf('|');
  const text = src.replace('|', '');
  const item = complete(analyzeText(text, cfg), cfg, offset, options).items.find((i) => i.label === label);
  assert.ok(item, `no ${label}`);
  return applyTextEdits(text, [item.textEdit as TextEdit]);
}

const LIBRARY_BLOCK_DOUBLE = { ...noVotes(), double: 40, plain: 3, block: 20, flow: 1 };

describe("completion writes values in the file's style", () => {
  it('quotes a scalar value where the file quotes its values, in its kind of quotes', () => {
    assert.strictEqual(accept(fm('focus: "Bias"', 'type: |'), 'Blog'), fm('focus: "Bias"', 'type: "Blog"'));
    assert.strictEqual(accept(fm("focus: 'Bias'", 'type: |'), 'Blog'), fm("focus: 'Bias'", "type: 'Blog'"));
    assert.strictEqual(accept(fm('focus: Bias', 'type: |'), 'PDF Article'), fm('focus: Bias', 'type: PDF Article'));
  });

  it('free text such as a title does not decide: it is often quoted because it must be', () => {
    assert.strictEqual(accept(fm('title: "A: B"', 'type: |'), 'Blog'), fm('title: "A: B"', 'type: Blog'));
  });

  it("an item added to a list is quoted as its siblings are, before the file's majority", () => {
    assert.strictEqual(
      accept(fm('focus: Bias', 'type: Blog', 'learnTags: ["bias", |]'), 'ethics'),
      fm('focus: Bias', 'type: Blog', 'learnTags: ["bias", "ethics"]'),
    );
    assert.strictEqual(
      accept(fm('focus: "Bias"', 'learnTags:', '  - bias', '  - |'), 'ethics'),
      fm('focus: "Bias"', 'learnTags:', '  - bias', '  - ethics'),
    );
    assert.strictEqual(accept(fm('focus: "Bias"', 'learnTags:', '  - |'), 'ethics'), fm('focus: "Bias"', 'learnTags:', '  - "ethics"'));
  });

  it("a new list is a block list where the file's lists are, indented as they are", () => {
    assert.strictEqual(
      accept(fm('readability:', '    - Expert', 'learnTags: |'), 'bias'),
      fm('readability:', '    - Expert', 'learnTags:', '    - bias'),
    );
    assert.strictEqual(accept(fm('readability: [Expert]', 'learnTags: |'), 'bias'), fm('readability: [Expert]', 'learnTags: [bias]'));
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    assert.strictEqual(
      accept(crlf(fm('readability:', '  - Expert', 'learnTags:|')), 'bias'),
      crlf(fm('readability:', '  - Expert', 'learnTags:', '  - bias')),
    );
  });

  it("a new file without a style of its own takes the library's", () => {
    const library = { library: LIBRARY_BLOCK_DOUBLE };
    assert.strictEqual(accept(fm('title: New', 'type: |'), 'Blog', library), fm('title: New', 'type: "Blog"'));
    assert.strictEqual(accept(fm('title: New', 'learnTags: |'), 'bias', library), fm('title: New', 'learnTags:', '  - "bias"'));
    // The file's own style wins over the library's.
    assert.strictEqual(
      accept(fm('focus: Bias', 'readability: [Expert]', 'learnTags: |'), 'bias', library),
      fm('focus: Bias', 'readability: [Expert]', 'learnTags: [bias]'),
    );
  });

  it('a new field from key completion: its list and its choices in the style', () => {
    const snippet = (src: string, label: string, options: CompletionOptions = {}) => {
      const offset = src.indexOf('|');
      const text = src.replace('|', '');
      return (complete(analyzeText(text, cfg), cfg, offset, options).items.find((i) => i.label === label)!.textEdit as TextEdit).newText;
    };
    assert.strictEqual(snippet(fm('readability:', '  - Expert', '|'), 'learnTags'), 'learnTags:\n  - $1$0');
    assert.match(snippet(fm('focus: "Bias"', '|'), 'type'), /^type: "\$\{1\|.*\|\}"$/);
    assert.strictEqual(snippet(fm('title: New', '|'), 'readability', { library: LIBRARY_BLOCK_DOUBLE }), 'readability:\n  - $1$0');
  });
});

describe('completion style votes', () => {
  it('read from the raw lines of a file for the workspace scan: quoting and list style of the closed-set fields', () => {
    const text = fm(
      'title: "T"',
      'focus: "Bias"',
      'type: Blog',
      'readability: ["Expert"]',
      'learnTags:',
      "  - 'bias'",
      'openSource: false',
    );
    assert.deepStrictEqual(sourceVotes(text, cfg), { plain: 1, double: 2, single: 1, flow: 1, block: 1 });
    assert.deepStrictEqual(sourceVotes('no frontmatter', cfg), noVotes());
  });

  it('decide: the first source with votes, quoting and lists separately; plain flow without any', () => {
    assert.deepStrictEqual(decideStyle(noVotes(), undefined), { quote: 'plain', list: 'flow' });
    assert.deepStrictEqual(decideStyle({ ...noVotes(), plain: 1 }, LIBRARY_BLOCK_DOUBLE), { quote: 'plain', list: 'block' });
    assert.deepStrictEqual(decideStyle({ ...noVotes(), flow: 1 }, LIBRARY_BLOCK_DOUBLE), { quote: 'double', list: 'flow' });
  });
});
