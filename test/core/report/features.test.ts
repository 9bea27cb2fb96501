import * as assert from 'assert';
import {
  completeSections,
  definitionAt,
  findCitations,
  hoverSection,
  reportSymbols,
  sectionLinks,
  sectionSymbols,
  type SectionDocument,
} from '../../../server/src/core/report/features';
import { LineMap } from '../../../server/src/core/positions';
import { buildReportIndex } from '../../../server/src/core/report/indexer';
import { REPORT_URI, reportSet } from './helpers';

function doc(text: string, uri = 'file:///w/resources/a.md'): SectionDocument & { at(marker: string): number } {
  const lines = new LineMap(text);
  return { uri, text, position: (o) => lines.position(o), offset: (p) => lines.offset(p), at: (m) => text.indexOf(m) };
}

describe('section features', () => {
  const { set, report } = reportSet();

  it('completes after § with every section, its breadcrumb, inserting the canonical citation', () => {
    const d = doc('See §');
    const items = completeSections(d, d.text.length, set)!;
    assert.deepStrictEqual(
      items.map((i) => i.label),
      [
        '4 Technology',
        '4.3 Adaptation',
        '4.3.1 Methods for adaptation',
        '4.7 Security and privacy',
        '4.8 Robustness to distribution shifts',
      ],
    );
    const a = items[1];
    assert.strictEqual(a.detail, '4 Technology › 4.3 Adaptation');
    assert.deepStrictEqual(a.textEdit, {
      range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } },
      newText: '§4.3: adaptation',
    });
    assert.strictEqual(items[2].textEdit!.newText, '§4.3.1: Methods for adaptation');
  });

  it('after §4.3. completes the subsections only; without § nothing', () => {
    const d = doc('x §4.3.');
    assert.deepStrictEqual(
      completeSections(d, d.text.length, set)!.map((i) => i.label),
      ['4.3.1 Methods for adaptation'],
    );
    const plain = doc('x 4.3');
    assert.strictEqual(completeSections(plain, plain.text.length, set), null);
  });

  it('hovers with number, title, breadcrumb, excerpt and the citation count', () => {
    const d = doc('Cites §4.7 here.');
    const h = hoverSection(d, d.at('4.7'), set, () => ({ places: 3, files: 2 }))!;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /^\*\*§4\.7 Security and privacy\*\* · label `security`/);
    assert.match(value, /4 Technology › 4\.7 Security and privacy — report\.md/);
    assert.match(value, /Threats\. §4\.7: security/);
    assert.match(value, /Cited 3 times in 2 files/);
    assert.strictEqual(hoverSection(d, d.at('here'), set), null);
  });

  it('goes to the section heading in the report', () => {
    const d = doc('§4.8: robustness');
    assert.deepStrictEqual(definitionAt(d, d.at('robust'), set), {
      uri: REPORT_URI,
      range: { start: { line: 7, character: 3 }, end: { line: 7, character: 40 } },
    });
  });

  it('finds citations in several files, the report included', () => {
    const files = [
      { uri: 'file:///w/resources/a.md', text: 'a §4.8 b §4.3 c [x](../reports/report.md#4.8)' },
      // Only a link, no § at all: the quick pre-filter must still let it through.
      { uri: 'file:///w/resources/b.md', text: '# B\n\nSee [robustness](/reports/report.md#4.8).' },
      { uri: 'file:///w/resources/c.md', text: '# C\n\nNothing cited; a #hashtag and §4.3.' },
      { uri: REPORT_URI, text: report.text, self: report },
    ];
    const found = findCitations(files, report, report.byNumber.get('4.8')!, set);
    assert.deepStrictEqual(
      found.map((f) => [f.uri, files.find((x) => x.uri === f.uri)!.text.slice(f.start, f.end)]),
      [
        ['file:///w/resources/a.md', '§4.8'],
        ['file:///w/resources/a.md', '[x](../reports/report.md#4.8)'],
        ['file:///w/resources/b.md', '[robustness](/reports/report.md#4.8)'],
        [REPORT_URI, '§4.8: robustness'],
        [REPORT_URI, '§4.8: robustness'],
      ],
    );
  });

  it('makes each resolvable reference a link to its line', () => {
    const d = doc('§4.7 and §9.9');
    assert.deepStrictEqual(
      sectionLinks(d, set).map((l) => [l.target, l.range.start.character, l.range.end.character]),
      [[`${REPORT_URI}#L6,4`, 0, 4]],
    );
  });

  it('outlines a plain-text report, nested', () => {
    const txt = buildReportIndex('1 INTRO\n1.1 First\ntext\n1.1.1 Deep\n2 NEXT\n', 'file:///w/reports/r.txt');
    const outline = (s: ReturnType<typeof reportSymbols>): unknown =>
      s.map((x) => [x.name, x.range.start.line, x.range.end.line, outline(x.children ?? [])]);
    assert.deepStrictEqual(outline(reportSymbols(txt)), [
      ['1 INTRO', 0, 4, [['1.1 First', 1, 4, [['1.1.1 Deep', 3, 4, []]]]]],
      ['2 NEXT', 4, 5, []],
    ]);
  });

  it('searches sections by title words across reports', () => {
    assert.deepStrictEqual(
      sectionSymbols(set, 'distribution rob').map((s) => [s.name, s.containerName]),
      [['4.8 Robustness to distribution shifts', '4 Technology']],
    );
  });
});
