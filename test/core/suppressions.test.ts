import * as assert from 'assert';
import { cardProblems } from '../../server/src/core/card/problems';
import { applyOffsetEdits } from '../../server/src/core/edits';
import { codeActionsFor, disableFixes, fixesForFinding } from '../../server/src/core/fixes';
import { fixAllOffsetEdits } from '../../server/src/core/fixes/fixAll';
import { quickCheck } from '../../server/src/core/quick';
import { checkResourceText } from '../../server/src/core/lint';
import { analyzeText, toDiagnostics } from '../../server/src/core/service';
import { check, config, withFields } from './helpers';

const codes = (text: string) => check(text).map((s) => `${s.code}:${s.text}`);

describe('suppression comments', () => {
  const cfg = config();

  describe('each directive form', () => {
    it('a file without a directive reports as before', () => {
      assert.deepStrictEqual(codes(withFields({}, ['jurisdiction: EU'])), ['unknown-field:jurisdiction']);
    });

    it('disable-next-line: the next line holding YAML content, past blank and comment lines', () => {
      const text = withFields({}, [
        '# resource-lint-disable-next-line unknown-field -- legacy import',
        '',
        '# a note',
        'jurisdiction: EU',
        'other: 1',
      ]);
      assert.deepStrictEqual(codes(text), ['unknown-field:other']);
    });

    it('disable-next-line with several codes, by spaces or commas', () => {
      const text = withFields({ focus: 'focus: Biass' }, []).replace(
        'focus: Biass',
        '# resource-lint-disable-next-line invalid-value, unknown-field\nfocus: Biass',
      );
      const out = codes(text);
      assert.deepStrictEqual(out, ['unused-suppression:unknown-field']);
    });

    it('disable-line: a trailing comment on the line itself', () => {
      const text = withFields({}, ['jurisdiction: EU # resource-lint-disable-line unknown-field', 'other: 1']);
      assert.deepStrictEqual(codes(text), ['unknown-field:other']);
    });

    it('disable … enable: a range, and without enable to the end', () => {
      const text = withFields({}, [
        '# resource-lint-disable unknown-field',
        'a: 1',
        'b: 2',
        '# resource-lint-enable unknown-field',
        'c: 3',
      ]);
      assert.deepStrictEqual(codes(text), ['unknown-field:c']);
      const open = withFields({}, ['# resource-lint-disable unknown-field', 'a: 1', 'b: 2']);
      assert.deepStrictEqual(codes(open), []);
    });

    it('enable without codes ends every range; an enable that ends nothing is unused', () => {
      const text = withFields({}, [
        '# resource-lint-disable unknown-field',
        'a: 1',
        '# resource-lint-enable',
        'c: 3',
        '# resource-lint-enable',
      ]);
      assert.deepStrictEqual(codes(text), ['unknown-field:c', 'unused-suppression:resource-lint-enable']);
    });

    it('disable-file: the whole file, e.g. required on the opening ---', () => {
      const text = withFields({ readability: null, type: null }, ['# resource-lint-disable-file required']);
      assert.deepStrictEqual(codes(text), []);
    });

    it('block lists: above an item, at the item', () => {
      const text = withFields({}, [
        'learnTags:',
        '  - bias',
        '  # resource-lint-disable-next-line invalid-value',
        '  - nottag',
        '  - alsonot',
      ]);
      assert.deepStrictEqual(codes(text), ['invalid-value:alsonot']);
    });

    it('flow lists across lines: a comment inside the list', () => {
      const text = withFields({}, ['learnTags: [bias,', '  # resource-lint-disable-next-line invalid-value', '  nottag, alsonot]']);
      assert.deepStrictEqual(codes(text), []);
      const trailing = withFields({}, ['learnTags: [bias, # resource-lint-disable-next-line invalid-value', '  nottag,', '  alsonot]']);
      assert.deepStrictEqual(codes(trailing), ['invalid-value:alsonot']);
    });

    it('CRLF and a BOM', () => {
      const text = '\ufeff' + withFields({}, ['# resource-lint-disable-next-line unknown-field', 'jurisdiction: EU', 'other: 1'], '\r\n');
      assert.deepStrictEqual(codes(text), ['unknown-field:other']);
      const file = '\ufeff' + withFields({ type: null }, ['# resource-lint-disable-file required'], '\r\n');
      assert.deepStrictEqual(codes(file), []);
    });

    it('a # inside a quoted value or a block scalar is no directive', () => {
      const text = withFields({ title: 'title: "# resource-lint-disable-file unknown-field"' }, [
        'notes: |',
        '  # resource-lint-disable-file unknown-field',
        'x: 1',
      ]);
      assert.deepStrictEqual(codes(text), ['unknown-field:notes', 'unknown-field:x']);
    });

    it("the card's problem strip honours them too", () => {
      const a = analyzeText(withFields({}, ['# resource-lint-disable-next-line unknown-field', 'jurisdiction: EU', 'other: 1']), cfg);
      assert.deepStrictEqual(
        cardProblems(a, cfg).map((p) => [p.code, p.line]),
        [['unknown-field', 9]],
      );
    });

    it('the suppressed findings are kept beside the analysis', () => {
      const a = analyzeText(withFields({}, ['# resource-lint-disable-next-line unknown-field', 'jurisdiction: EU']), cfg);
      assert.deepStrictEqual(
        a.suppression.suppressed.map((f) => f.code),
        ['unknown-field'],
      );
    });
  });

  describe('invalid and unused directives', () => {
    it('a directive without codes is invalid, as is an unknown code or directive name', () => {
      const text = withFields({}, [
        '# resource-lint-disable-next-line -- why',
        'jurisdiction: EU',
        '# resource-lint-disable-next-line no-such-code',
        'x: 1',
        '# resource-lint-disabel unknown-field',
        '# resource-lint-disable-file yaml-syntax',
      ]);
      assert.deepStrictEqual(codes(text), [
        'invalid-suppression:resource-lint-disable-next-line',
        'unknown-field:jurisdiction',
        'invalid-suppression:no-such-code',
        'unknown-field:x',
        'invalid-suppression:resource-lint-disabel',
        'invalid-suppression:yaml-syntax',
      ]);
    });

    it('an unused code is reported on the code, with a fix that removes the code', () => {
      const text = withFields({}, ['# resource-lint-disable-next-line invalid-url unknown-field -- legacy', 'jurisdiction: EU']);
      const a = analyzeText(text, cfg);
      assert.deepStrictEqual(
        a.findings.map((f) => [f.code, text.slice(f.start, f.end)]),
        [['unused-suppression', 'invalid-url']],
      );
      const [fix] = fixesForFinding(a.findings[0], a, cfg);
      assert.strictEqual(fix.title, "Remove 'invalid-url' from the suppression comment");
      assert.strictEqual(fix.preferred, false);
      assert.ok(
        applyOffsetEdits(text, fix.edits).includes('\n# resource-lint-disable-next-line unknown-field -- legacy\njurisdiction: EU\n'),
      );
    });

    it('a comment none of whose codes is used: the fix removes its whole line (CRLF), or the trailing comment', () => {
      const text = withFields({}, ['# resource-lint-disable-next-line unknown-field', 'ok: [a]'], '\r\n').replace('ok: [a]', 'title2: x');
      const a = analyzeText(text.replace('title2: x', 'keywords: [a]'), cfg);
      const [f] = a.findings;
      assert.strictEqual(f.code, 'unused-suppression');
      const [fix] = fixesForFinding(f, a, cfg);
      assert.strictEqual(fix.title, 'Remove the unused suppression comment');
      assert.strictEqual(applyOffsetEdits(a.parsed.text, fix.edits), withFields({}, ['keywords: [a]'], '\r\n'));

      const trailing = withFields({}, ['keywords: [a]  # resource-lint-disable-line unknown-field']);
      const t = analyzeText(trailing, cfg);
      const [tfix] = fixesForFinding(t.findings[0], t, cfg);
      assert.strictEqual(applyOffsetEdits(trailing, tfix.edits), withFields({}, ['keywords: [a]']));
    });

    it('fix-all never removes a directive nor adds one', () => {
      const text = withFields({ focus: 'focus: bias' }, ['# resource-lint-disable-next-line unknown-field', 'keywords: [a]']);
      const a = analyzeText(text, cfg);
      const fixed = applyOffsetEdits(text, fixAllOffsetEdits(a, cfg));
      assert.ok(fixed.includes('# resource-lint-disable-next-line unknown-field\n'));
      assert.ok(fixed.includes('focus: Bias'));
    });
  });

  describe('the fast path', () => {
    it('never vouches for a frontmatter holding a directive', () => {
      const text = withFields({}, ['# resource-lint-disable-next-line unknown-field', 'keywords: [a]']);
      assert.strictEqual(quickCheck(text, cfg).clean, false);
      const verdict = checkResourceText(text, cfg);
      assert.deepStrictEqual(
        verdict.analysis?.findings.map((f) => f.code),
        ['unused-suppression'],
      );
      assert.strictEqual(quickCheck(withFields({}, ['# a bare comment', 'keywords: [a]']), cfg).clean, true);
    });
  });

  describe('"Disable <code> for this line" and "for this file"', () => {
    const disable = (text: string, code: string) => {
      const a = analyzeText(text, cfg);
      const f = a.findings.find((x) => x.code === code)!;
      const fixes = disableFixes(f, a);
      return { a, fixes, apply: (i: number) => applyOffsetEdits(text, fixes[i].edits) };
    };

    it('quick fixes after the repairs, never preferred', () => {
      const text = withFields({ focus: 'focus: bias' });
      const a = analyzeText(text, cfg);
      const actions = codeActionsFor(a, cfg, toDiagnostics(a, cfg), 'mem://resource');
      assert.deepStrictEqual(
        actions.map((x) => [x.title, x.isPreferred ?? false]),
        [
          ["Change to 'Bias'", true],
          ['Disable invalid-value for this line', false],
          ['Disable invalid-value for this file', false],
        ],
      );
    });

    it('above the line, with its indentation; never preferred', () => {
      const text = withFields({}, ['jurisdiction: EU']);
      const { fixes, apply } = disable(text, 'unknown-field');
      assert.deepStrictEqual(
        fixes.map((f) => [f.title, f.preferred]),
        [
          ['Disable unknown-field for this line', false],
          ['Disable unknown-field for this file', false],
        ],
      );
      assert.strictEqual(apply(0), withFields({}, ['# resource-lint-disable-next-line unknown-field', 'jurisdiction: EU']));
      assert.strictEqual(apply(1), '---\n# resource-lint-disable-file unknown-field\n' + text.slice('---\n'.length));
      assert.deepStrictEqual(codes(apply(0)), []);
      assert.deepStrictEqual(codes(apply(1)), []);
    });

    it('inside a block list: above the item, as the item; CRLF kept', () => {
      const text = withFields({}, ['learnTags:', '    - bias', '    - nottag'], '\r\n');
      const { apply } = disable(text, 'invalid-value');
      const out = apply(0);
      assert.strictEqual(
        out,
        withFields({}, ['learnTags:', '    - bias', '    # resource-lint-disable-next-line invalid-value', '    - nottag'], '\r\n'),
      );
      assert.deepStrictEqual(codes(out), []);
    });

    it('in a flow list across lines, and with a BOM', () => {
      const text = '\ufeff' + withFields({}, ['learnTags: [bias,', '  nottag]']);
      const { apply } = disable(text, 'invalid-value');
      assert.strictEqual(
        apply(0),
        '\ufeff' + withFields({}, ['learnTags: [bias,', '  # resource-lint-disable-next-line invalid-value', '  nottag]']),
      );
      assert.deepStrictEqual(codes(apply(0)), []);
      assert.ok(apply(1).startsWith('\ufeff---\n# resource-lint-disable-file invalid-value\n'));
    });

    it('adds the code to a directive already there', () => {
      const text = withFields({ focus: 'focus: Biass' }, []).replace(
        'focus: Biass',
        '# resource-lint-disable-next-line unknown-field -- why\nfocus: Biass',
      );
      const { apply } = disable(text, 'invalid-value');
      assert.ok(apply(0).includes('# resource-lint-disable-next-line unknown-field invalid-value -- why\nfocus: Biass'));
    });

    it('a finding on the opening --- (required) is disabled for the file only', () => {
      const text = withFields({ type: null });
      const { fixes, apply } = disable(text, 'required');
      assert.deepStrictEqual(
        fixes.map((f) => f.title),
        ['Disable required for this file'],
      );
      assert.deepStrictEqual(codes(apply(0)), []);
    });

    it('a value over several lines: the comment goes above its first line', () => {
      const text = withFields({}, ['title2: "EU', '  and more"']);
      const { fixes, apply } = disable(text, 'unknown-field');
      assert.strictEqual(fixes.length, 2);
      assert.strictEqual(apply(0), withFields({}, ['# resource-lint-disable-next-line unknown-field', 'title2: "EU', '  and more"']));
    });

    it('the reason is kept when a code is added to a file-wide directive', () => {
      const text = withFields({}, ['# resource-lint-disable-file required -- imported', 'title2: x']);
      const { fixes, apply } = disable(text, 'unknown-field');
      assert.strictEqual(fixes[1].title, 'Disable unknown-field for this file');
      assert.ok(apply(1).includes('# resource-lint-disable-file required unknown-field -- imported\n'));
    });
  });

  describe('a bare # comment never breaks the YAML', () => {
    const cases: [string, string[]][] = [
      ['before keys', ['# a comment', 'keywords: [a]']],
      ['after values', ['keywords: [a] # a comment']],
      ['inside a flow list across lines', ['keywords: [a, # one', '  # two', '  b]']],
      ['in a block list', ['keywords:', '  # before', '  - a # after', '  # between', '  - b']],
    ];
    for (const [name, lines] of cases) {
      for (const [eol, bom] of [
        ['\n', ''],
        ['\r\n', ''],
        ['\r\n', '\ufeff'],
      ]) {
        it(`${name} (${eol === '\n' ? 'LF' : 'CRLF'}${bom ? ', BOM' : ''})`, () => {
          assert.deepStrictEqual(codes(bom + withFields({}, lines, eol)), []);
        });
      }
    }
  });
});
