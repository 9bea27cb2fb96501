import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/service';
import { check, config, resource, withFields } from './helpers';

const seed = fs.readFileSync(path.join(__dirname, 'fixtures/seed-resource.md'), 'utf8');

describe('validation', () => {
  it('finds nothing wrong in the real seed resource', () => {
    assert.deepStrictEqual(check(seed), []);
  });

  it('finds nothing wrong in the minimal valid resource', () => {
    assert.deepStrictEqual(check(withFields({})), []);
  });

  describe('frontmatter block', () => {
    it('frontmatter-missing on a file without a block, on its first line', () => {
      const seen = check('# Just a page\n\ntext\n');
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['frontmatter-missing', '# Just a page']],
      );
    });
    it('frontmatter-unclosed on the opening ---', () => {
      const seen = check('---\ntitle: x\nbody without end\n');
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['frontmatter-unclosed', '---']],
      );
    });
    it('accepts a BOM and CRLF line endings', () => {
      const text =
        '\uFEFF' +
        withFields({}, [], '\r\n')
          .replace(/\n/g, '\r\n')
          .replace(/\r\r\n/g, '\r\n');
      assert.deepStrictEqual(check(text), []);
    });
    it('yaml-syntax: one diagnostic per YAML error, at its position', () => {
      const text = resource(['title: "unterminated', 'focus: Bias']);
      const seen = check(text);
      assert.ok(seen.length >= 1);
      assert.ok(seen.every((s) => s.code === 'yaml-syntax'));
      const twoErrors = check(resource(['title: a', 'title: b', 'focus: [Bias', 'x: y']));
      assert.ok(twoErrors.filter((s) => s.code === 'yaml-syntax').length >= 2, JSON.stringify(twoErrors));
      const dup = check(resource(['title: a', 'title: b']));
      assert.strictEqual(dup[0].code, 'yaml-syntax');
      assert.strictEqual(dup[0].text, 'title');
    });
  });

  describe('required and empty-value', () => {
    it('required: on the opening --- line, one per missing field', () => {
      const seen = check(withFields({ link: null, source: null }));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [
          ['required', '---'],
          ['required', '---'],
        ],
      );
      assert.match(seen.map((s) => s.message).join('\n'), /The required field 'link' is missing/);
    });
    it('empty frontmatter: every required field', () => {
      const seen = check('---\n---\nbody\n');
      assert.strictEqual(seen.filter((s) => s.code === 'required').length, 6);
    });
    for (const [label, value, span] of [
      ['nothing', 'link:', 'link'],
      ['null', 'link: null', 'null'],
      ['empty string', 'link: ""', '""'],
      ['empty flow list', 'readability: []', '[]'],
    ] as const) {
      it(`empty-value for ${label}`, () => {
        const field = value.split(':')[0];
        const seen = check(withFields({ [field]: value }));
        assert.deepStrictEqual(
          seen.map((s) => [s.code, s.text]),
          [['empty-value', span]],
        );
      });
    }
    it('an optional field left empty is fine', () => {
      assert.deepStrictEqual(check(withFields({}, ['keywords:', 'learnTags: []', 'summary:'])), []);
    });
  });

  describe('invalid-value', () => {
    it('readability, flow list, quoted: the item, with an author message', () => {
      const seen = check(withFields({ readability: 'readability: ["E"]' }));
      assert.deepStrictEqual(seen, [
        {
          code: 'invalid-value',
          text: '"E"',
          message: "'E' is not a readability level. Did you mean 'Expert'? Use one of: Beginner, Intermediate, Expert.",
        },
      ]);
    });
    it('readability, block list, plain', () => {
      const seen = check(withFields({ readability: 'readability:\n  - Beginner\n  - Expertt' }));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['invalid-value', 'Expertt']],
      );
    });
    it('focus names the vocabulary file', () => {
      const seen = check(withFields({ focus: "focus: 'ICT Standards'" }));
      assert.strictEqual(seen[0].code, 'invalid-value');
      assert.strictEqual(seen[0].text, "'ICT Standards'");
      assert.match(seen[0].message, /^'ICT Standards' is not a focus in the bundled resourceFocuses\.json\./);
    });
    it('type, plain scalar', () => {
      const seen = check(withFields({ type: 'type: Book' }));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['invalid-value', 'Book']],
      );
    });
    it('learnTags in both list styles', () => {
      const flow = check(withFields({}, ['learnTags: ["bias", "AI"]']));
      assert.deepStrictEqual(
        flow.map((s) => [s.code, s.text]),
        [['invalid-value', '"AI"']],
      );
      const block = check(withFields({}, ['learnTags:', '  - bias', '  - AI']));
      assert.deepStrictEqual(
        block.map((s) => [s.code, s.text]),
        [['invalid-value', 'AI']],
      );
      assert.match(block[0].message, /'AI' is not a learn tag in the bundled resourceTags\.json/);
    });
  });

  describe('invalid-type', () => {
    it('a quoted string for a boolean', () => {
      const seen = check(withFields({}, ['openSource: "no"']));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['invalid-type', '"no"']],
      );
      assert.match(seen[0].message, /true or false/);
    });
    it('a boolean followed by stray continuation lines reads as one string', () => {
      const seen = check(withFields({}, ['openSource: false', '   https://example.org/leftover']));
      assert.deepStrictEqual(
        seen.map((s) => s.code),
        ['invalid-type'],
      );
      assert.strictEqual(seen[0].text, 'false\n   https://example.org/leftover');
    });
    it('a scalar where a list is expected', () => {
      const seen = check(withFields({ readability: 'readability: Expert' }));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['invalid-type', 'Expert']],
      );
      assert.match(seen[0].message, /must be a list/);
    });
    it('a number where text is expected', () => {
      const seen = check(withFields({ title: 'title: 1984' }));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['invalid-type', '1984']],
      );
    });
    it('frontmatter that is not a map', () => {
      const seen = check('---\n- a\n- b\n---\n');
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['invalid-type', '---']],
      );
    });
  });

  describe('duplicate-value', () => {
    it('each repeat in a flow list', () => {
      const seen = check(withFields({}, ['learnTags: ["bias","ethics","bias","bias"]']));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [
          ['duplicate-value', '"bias"'],
          ['duplicate-value', '"bias"'],
        ],
      );
    });
    it('in a block list', () => {
      const seen = check(withFields({ readability: 'readability:\n  - Expert\n  - Expert' }));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['duplicate-value', 'Expert']],
      );
    });
  });

  describe('unknown-field and invalid-url', () => {
    it('unknown-field on the key', () => {
      const seen = check(withFields({}, ['sharePointUrl: https://x.sharepoint.com/a']));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [['unknown-field', 'sharePointUrl']],
      );
    });
    for (const link of ['example.org/x', 'ftp://example.org/x', 'see https://example.org', 'https://']) {
      it(`invalid-url for ${link}`, () => {
        const seen = check(withFields({ link: `link: "${link}"` }));
        assert.deepStrictEqual(
          seen.map((s) => [s.code, s.text]),
          [['invalid-url', `"${link}"`]],
        );
      });
    }
    it('accepts http and https links, any case of scheme', () => {
      assert.deepStrictEqual(check(withFields({ link: 'link: HTTP://Example.org/a?b=c#d' })), []);
    });
  });

  describe('scalars of every style', () => {
    it('folded multi-line summary, single quotes, plain', () => {
      const text = withFields({ title: "title: 'It''s fine'", source: 'source: plain text' }, [
        'summary: >-',
        '  A folded summary that',
        '  runs over lines.',
      ]);
      assert.deepStrictEqual(check(text), []);
    });
    it('positions after a multi-line value stay exact', () => {
      const text = withFields({}, ['summary: >', '  line one', '  line two', 'learnTags: [bias, Ethic]']);
      assert.deepStrictEqual(
        check(text).map((s) => [s.code, s.text]),
        [['invalid-value', 'Ethic']],
      );
    });
  });

  it('the "done when" resource: exactly six problems, on the right characters', () => {
    const text = resource([
      'title: "A resource"',
      'focus: Bias',
      'source: CRFM',
      'readability: ["E"]',
      'type: Blog',
      'openSource: "no"',
      'learnTags: ["bias","bias","AI"]',
      'sharePointUrl: https://x.sharepoint.com/a',
    ]);
    const seen = check(text).map((s) => [s.code, s.text]);
    assert.deepStrictEqual(seen, [
      ['required', '---'],
      ['invalid-value', '"E"'],
      ['invalid-type', '"no"'],
      ['duplicate-value', '"bias"'],
      ['invalid-value', '"AI"'],
      ['unknown-field', 'sharePointUrl'],
    ]);
  });

  it('CRLF and BOM keep exact spans', () => {
    const text = '\uFEFF' + withFields({ readability: 'readability: ["E"]' }).replace(/\n/g, '\r\n');
    assert.deepStrictEqual(
      check(text).map((s) => [s.code, s.text]),
      [['invalid-value', '"E"']],
    );
  });

  it('LSP ranges are 0-based UTF-16 positions', () => {
    const text = withFields({ title: 'title: "😀 emoji"', type: 'type: "Bóok"' });
    const analysis = analyzeText(text, config());
    const f = analysis.findings[0];
    assert.deepStrictEqual(analysis.lines.range(f.start, f.end), { start: { line: 5, character: 6 }, end: { line: 5, character: 12 } });
  });
});
