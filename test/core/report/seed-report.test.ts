import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createConfiguration } from '../../../server/src/core/configuration';
import { buildReportIndex, type ReportIndex } from '../../../server/src/core/report/indexer';
import { analyzeText } from '../../../server/src/core/service';

/** The seed report: a real PDF extraction of 128 sections, the one the bench corpora cite too. */
const SEED_REPORT = path.resolve(__dirname, '../../../scripts/bench/fixtures/foundation-models-report.txt');

describe('section index of the seed report (scripts/bench/fixtures/foundation-models-report.txt)', function () {
  let index: ReportIndex;
  let text: string;
  const URI = 'file:///w/reports/foundation-models.txt';

  before(function () {
    text = fs.readFileSync(SEED_REPORT, 'utf8');
    index = buildReportIndex(text, URI);
  });

  const section = (n: string) => {
    const s = index.byNumber.get(n);
    assert.ok(s, `section ${n} is missing`);
    return { title: s.title, label: s.label, line: s.line, parent: s.parent };
  };

  it('finds every chapter, upper case', () => {
    assert.deepStrictEqual(
      index.sections.filter((s) => s.parent === null).map((s) => `${s.number} ${s.title}`),
      ['1 INTRODUCTION', '2 CAPABILITIES', '3 APPLICATIONS', '4 TECHNOLOGY', '5 SOCIETY', '6 CONCLUSION'],
    );
  });

  it('finds the 26 sections of the four parts', () => {
    assert.strictEqual(index.sections.filter((s) => /^[2-5]\.\d+$/.test(s.number)).length, 26);
  });

  it('finds a heading glued to the end of another line', () => {
    assert.deepStrictEqual(section('2.1.1'), { title: 'The nature of human language', label: null, line: 371, parent: '2.1' });
    assert.strictEqual(section('5.6.2').title, 'Surveillance, exclusion, and power');
  });

  it('finds numbers alone on their line, with the title from the next', () => {
    assert.strictEqual(section('2.4.2').title, "What's the role of foundation models?");
    assert.strictEqual(section('5.3.1').title, 'Carbon impacts can and should be mitigated in many cases');
    assert.strictEqual(section('4.10.3').title, 'Challenge: analysis of in-context learning and other emergent behavior');
  });

  it('finds sections without a heading, titled by the overview, starting where their own text does', () => {
    // 4.3 starts at " While foundation models provide …", 4.7 at "As central components …", ten
    // lines above 4.7.1 Risks (1-based lines 1511 and 1846 of the seed).
    assert.deepStrictEqual(section('4.3'), { title: 'Adaptation', label: 'adaptation', line: 1510, parent: '4' });
    assert.deepStrictEqual(section('4.7'), { title: 'Security and privacy', label: 'security', line: 1845, parent: '4' });
    assert.strictEqual(section('4.7.1').line - section('4.7').line, 10);
    assert.match(text.slice(index.byNumber.get('4.7')!.start), /^As central components in critical data-driven decision-making systems/);
  });

  it('gives each section the label the report uses most for it', () => {
    assert.strictEqual(section('5.1').label, 'fairness');
    assert.strictEqual(section('4.9').label, 'ai-safety');
    assert.strictEqual(section('2.2.2').label, 'vision-challenges');
    assert.strictEqual(section('3.1.3').label, 'healthcare-biomed-challenge');
  });

  it('does not take footnotes for sections', () => {
    assert.strictEqual(index.byNumber.get('82'), undefined);
    assert.strictEqual(index.byNumber.get('61'), undefined);
    assert.ok(index.sections.every((s) => Number(s.number.split('.')[0]) <= 6));
  });

  it('lists sections in document order', () => {
    const headed = index.sections.filter((s) => s.evidence !== 'references');
    for (let i = 1; i < headed.length; i++)
      assert.ok(headed[i].line >= headed[i - 1].line, `${headed[i].number} before ${headed[i - 1].number}`);
  });

  it("resolves every one of the report's own references (no section findings in the report)", () => {
    const a = analyzeText(text, createConfiguration(), URI, 1, { reports: { generation: 1, reports: [index] } });
    assert.ok(index.references.length > 400);
    assert.deepStrictEqual(
      a.findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`),
      [],
    );
  });
});
