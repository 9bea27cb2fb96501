import * as assert from 'assert';
import {
  bareNumbers,
  chapterLines,
  cleanTitle,
  inSequence,
  markdownHeadings,
  numberedLines,
  overviewEntries,
  trailingNumbers,
} from '../../../server/src/core/report/evidence';
import { buildReportIndex } from '../../../server/src/core/report/indexer';
import { Lines } from '../../../server/src/core/report/lines';

const found = (rule: (l: Lines) => { number: string; title: string; line: number }[], text: string) =>
  rule(new Lines(text)).map((e) => [e.number, e.title, e.line]);

/** Sections of a plain-text report as [number, title, label, line, parent]. */
const index = (text: string, uri = 'file:///w/reports/r.txt') =>
  buildReportIndex(text, uri).sections.map((s) => [s.number, s.title, s.label, s.line, s.parent]);

describe('report evidence rules', () => {
  it('chapter line: a lone number and an upper-case title', () => {
    assert.deepStrictEqual(found(chapterLines, '4 TECHNOLOGY\nText.\n5 SOCIETY AND ETHICS'), [
      ['4', 'TECHNOLOGY', 0],
      ['5', 'SOCIETY AND ETHICS', 2],
    ]);
  });

  it('chapter line: a footnote that starts with a number is not a chapter', () => {
    assert.deepStrictEqual(found(chapterLines, '82 Note that this does not require a belief.\n61 https://github.com/x 62'), []);
  });

  it('numbered line: a dotted number, then a title (its full stop dropped)', () => {
    assert.deepStrictEqual(found(numberedLines, '4.3.1 Methods for foundation model adaptation.\n4.10.2 Why is it interesting?.'), [
      ['4.3.1', 'Methods for foundation model adaptation', 0],
      ['4.10.2', 'Why is it interesting?', 1],
    ]);
  });

  it('numbered line: running text that starts with a number is not a heading', () => {
    assert.deepStrictEqual(
      found(
        numberedLines,
        '3.5 billion parameters were used, which is a lot of parameters for a model of this kind, and more.\n2.5 times faster, as seen',
      ),
      [],
    );
  });

  it('bare number: the number alone on its line, the title on the next', () => {
    assert.deepStrictEqual(found(bareNumbers, "text\n2.4.2 \nWhat's the role of foundation models? \nBody."), [
      ['2.4.2', "What's the role of foundation models?", 1],
    ]);
  });

  it('bare number: no title-like next line, no heading', () => {
    assert.deepStrictEqual(found(bareNumbers, '5.3.1\nand then the sentence continues in lower case'), []);
  });

  it('trailing number: a heading glued to the end of another line', () => {
    assert.deepStrictEqual(
      found(trailingNumbers, 'Authors: Isabel Papadimitriou, Christopher D. Manning 2.1.1 \nThe nature of human language. \nBody.'),
      [['2.1.1', 'The nature of human language', 0]],
    );
  });

  it('markdown heading: `## 4.3 Adaptation`, not inside fenced code', () => {
    assert.deepStrictEqual(
      found(markdownHeadings, '# 4 Technology\n## 4.3. Adaptation ##\n```\n## 9.9 Not a heading\n```\n### 4.3.1 Methods'),
      [
        ['4', 'Technology', 0],
        ['4.3', 'Adaptation', 1],
        ['4.3.1', 'Methods', 5],
      ],
    );
  });

  it('overview entry: `§4.7: Security and privacy.` alone on its line names a section by title', () => {
    const o = overviewEntries(new Lines('Intro.\n§4.7: Security and privacy. \nsee §4.3: adaptation here'));
    assert.deepStrictEqual(
      o.map((e) => [e.number, e.title, e.line]),
      [['4.7', 'Security and privacy', 1]],
    );
  });

  it('sequence: only plausible successors of the last heading are kept', () => {
    const text = ['1 INTRO', '1.1 First', '7.5 Looks like a heading', '1.2 Second', '1.1 Out of order', '2 NEXT', '2.2 Skips one'].join(
      '\n',
    );
    const kept = inSequence([...chapterLines(new Lines(text)), ...numberedLines(new Lines(text))]);
    assert.deepStrictEqual(
      kept.map((k) => k.number),
      ['1', '1.1', '1.2', '2', '2.2'],
    );
  });

  it('cleanTitle keeps a question mark and collapses spaces', () => {
    assert.strictEqual(cleanTitle(' Why   now?. '), 'Why now?');
  });
});

describe('report index: combining the evidence', () => {
  it('a section without a heading exists because its subsections do, and starts at the first', () => {
    assert.deepStrictEqual(index('4 TECH\n4.2 Training\ntext\n4.3.1 Methods.\n4.3.2 Uses.\n'), [
      ['4', 'TECH', null, 0, null],
      ['4.2', 'Training', null, 1, '4'],
      ['4.3', null, null, 3, '4'],
      ['4.3.1', 'Methods', null, 3, '4.3'],
      ['4.3.2', 'Uses', null, 4, '4.3'],
    ]);
  });

  it('the overview names a section without a heading; its title comes from there', () => {
    const text = ['1 INTRO', '§2.3: Adaptation. ', '2 TECH', '2.2 Training', '2.3.1 Methods.'].join('\n');
    assert.deepStrictEqual(
      index(text).find((s) => s[0] === '2.3'),
      ['2.3', 'Adaptation', null, 4, '2'],
    );
  });

  it("the canonical label is the one the report's references use most", () => {
    const text = [
      '1 INTRO',
      'See §1.1: intro-a and §1.1: intro-b, again §1.1: intro-b.',
      '1.1 Start',
      'Cites §1: Intro and §1: introduction.',
    ].join('\n');
    const s = index(text);
    assert.deepStrictEqual(
      s.map((x) => [x[0], x[2]]),
      [
        ['1', 'introduction'],
        ['1.1', 'intro-b'],
      ],
    );
  });

  it('a label wrapped onto the next line counts', () => {
    const text = ['1 INTRO', 'We elaborate in §1.1: ', 'healthcare-biomed-challenge. More.', '1.1 Start'].join('\n');
    assert.strictEqual(index(text)[1][2], 'healthcare-biomed-challenge');
  });

  it("a section only the report cites exists when it fits its parent's numbering", () => {
    const text = ['1 INTRO', '1.1 A', '1.2 B', 'as below in §1.3: tools, not §1.9: typo or §7.1: nothing.'].join('\n');
    assert.deepStrictEqual(
      index(text).map((s) => [s[0], s[3]]),
      [
        ['1', 0],
        ['1.1', 1],
        ['1.2', 2],
        ['1.3', 3],
      ],
    );
  });

  it('a Markdown report is read by its # headings', () => {
    const md = [
      '# 4 Technology',
      '## 4.3 Adaptation',
      'See §4.3: adaptation.',
      '### 4.3.1 Methods for adaptation',
      '4.4 Not a heading in Markdown',
    ].join('\n');
    assert.deepStrictEqual(index(md, 'file:///w/reports/r.md'), [
      ['4', 'Technology', null, 0, null],
      ['4.3', 'Adaptation', 'adaptation', 1, '4'],
      ['4.3.1', 'Methods for adaptation', null, 3, '4.3'],
    ]);
  });
  it('a .md report without one numbered # heading is plain text under a Markdown name, read by the text rules', () => {
    const text = [
      '# Notes on the report',
      '',
      '4 TECHNOLOGY',
      'Intro.',
      '4.1 Modeling',
      'Text.',
      '4.2 Training',
      'See §4.2: training.',
    ].join('\n');
    const asMarkdown = buildReportIndex(text, 'file:///w/reports/r.md');
    assert.strictEqual(asMarkdown.format, 'text');
    assert.deepStrictEqual(index(text, 'file:///w/reports/r.md'), index(text));
    assert.deepStrictEqual(
      index(text).map((s) => s[0]),
      ['4', '4.1', '4.2'],
    );
  });
});
