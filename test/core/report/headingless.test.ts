import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { definitionAt, hoverSection, reportSymbols, type SectionDocument } from '../../../server/src/core/report/features';
import { LineMap } from '../../../server/src/core/positions';
import { buildReportIndex } from '../../../server/src/core/report/indexer';

/**
 * A plain-text report whose §4.2 lost its heading in the extraction (only its subsections, the
 * overview entry and citations prove it), as the seed report's §4.3 and §4.7: written for this test.
 */
const TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/headingless-report.txt'), 'utf8');
const URI = 'file:///w/reports/report.txt';

describe('a section without a heading (test/core/fixtures/headingless-report.txt)', () => {
  const report = buildReportIndex(TEXT, URI);
  const set = { generation: 1, reports: [report] };
  const lineOf = (s: string) => TEXT.split('\n').findIndex((l) => l.startsWith(s));

  it('starts where its own text does: the first line after the preceding heading that names its title', () => {
    const s = report.byNumber.get('4.2')!;
    assert.strictEqual(s.evidence, 'subsections');
    assert.strictEqual(s.title, 'Security and privacy');
    // Not "the privacy of data subjects" (one word of the title, inside 4.1), not 4.2.1 two lines below.
    assert.strictEqual(s.line, lineOf('As central components'));
    assert.strictEqual(s.start, TEXT.indexOf('As central components'));
    assert.strictEqual(report.byNumber.get('4.1.1')!.spanEnd, s.start, '4.1.1 ends where 4.2 starts');
  });

  it('go to definition lands there, the hover excerpt is its text, and the outline range starts there', () => {
    const text = 'Cites §4.2 here.';
    const lines = new LineMap(text);
    const doc: SectionDocument = {
      uri: 'file:///w/resources/a.md',
      text,
      position: (o) => lines.position(o),
      offset: (p) => lines.offset(p),
    };
    const def = definitionAt(doc, text.indexOf('4.2'), set)!;
    assert.deepStrictEqual(def.range.start, { line: lineOf('As central components'), character: 0 });
    const hover = (hoverSection(doc, text.indexOf('4.2'), set)!.contents as { value: string }).value;
    assert.match(hover, /As central components, models must address security and privacy threats\./);
    const chapter = reportSymbols(report)[0];
    const s47 = chapter.children!.find((c) => c.name === '4.2 Security and privacy')!;
    assert.strictEqual(s47.range.start.line, lineOf('As central components'));
    assert.deepStrictEqual(
      s47.children!.map((c) => c.name),
      ['4.2.1 Risks', '4.2.2 Opportunities'],
    );
  });

  it('does not take a citation of the section in the text before it for its start', () => {
    const cited = buildReportIndex(
      TEXT.replace('Hub text, see §4.2: security for threats.', 'Hub text, see §4.2: Security and privacy.'),
      URI,
    );
    assert.strictEqual(cited.byNumber.get('4.2')!.line, lineOf('As central components'));
  });

  it('stays at its first subsection when no line before it names the title', () => {
    const plain = buildReportIndex(TEXT.replace('security and privacy threats', 'threats'), URI);
    assert.strictEqual(plain.byNumber.get('4.2')!.line, lineOf('4.2.1 Risks'));
  });
});
