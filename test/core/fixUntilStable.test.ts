import * as assert from 'assert';
import { fixUntilStable, type Analyze } from '../../server/src/core/fixes';
import { buildReportIndex } from '../../server/src/core/report/indexer';
import type { ReportSet } from '../../server/src/core/report/reportSet';
import { analyzeText, type Analysis } from '../../server/src/core/service';
import { config, withFields } from './helpers';

const cfg = config();
const RESOURCE = 'file:///w/resources/a.md';
const REPORT = 'file:///w/reports/r.md';

/** A report whose §4.3 is labelled `label` by its own citation. */
const reports = (label: string, generation: number): ReportSet => ({
  generation,
  reports: [buildReportIndex(`# 4 Technology\n## 4.3 Adaptation\nSee §4.3: ${label}.\n`, REPORT)],
});

describe('fix until stable', () => {
  it('fixes pass after pass what each pass reveals, counting every problem resolved', () => {
    // An analysis that shows one problem at a time stands for fixes that reveal others.
    const oneAtATime = (a: Analysis): Analysis => ({ ...a, findings: a.findings.slice(0, 1) });
    const analyze: Analyze = (text, uri, version) => oneAtATime(analyzeText(text, cfg, uri, version));
    const text = withFields({ readability: 'readability: [E]', type: 'type: blog' }, ['openSource: "no"']);
    const { analysis, resolved } = fixUntilStable(analyze(text, RESOURCE, 1), cfg, analyze);
    assert.strictEqual(
      analysis.parsed.text,
      withFields({ readability: 'readability: [Expert]', type: 'type: Blog' }, ['openSource: false']),
    );
    assert.strictEqual(resolved, 3);
    assert.strictEqual(analysis.version, 4, 'one analysis per pass');
  });

  it('stops when two fixes undo each other, counting each problem once', () => {
    // The report's label flips between analyses: each fix brings back the text before the last.
    let flip = 0;
    const analyze: Analyze = (text, uri, version) =>
      analyzeText(text, cfg, uri, version, { reports: ++flip % 2 ? reports('beta', flip) : reports('alpha', flip) });
    const first = analyzeText(withFields({}).replace('Body text.', 'See §4.3: beta.'), cfg, RESOURCE, 1, { reports: reports('alpha', 0) });
    const { analysis, resolved } = fixUntilStable(first, cfg, analyze);
    assert.match(analysis.parsed.text, /See §4\.3: alpha\.$/m);
    assert.strictEqual(resolved, 1);
    assert.strictEqual(flip, 1, 'the text the second fix makes was seen before: not analysed again');
  });

  it('analyses each pass as the first was by default: a report stays a report, against the same reports', () => {
    const set = reports('adaptation', 1);
    const text = `${set.reports[0].text}And §4.3: adaptaton.\n`;
    const { analysis, resolved } = fixUntilStable(analyzeText(text, cfg, REPORT, 1, { reports: set, role: 'report' }), cfg);
    assert.strictEqual(analysis.parsed.text, `${set.reports[0].text}And §4.3: adaptation.\n`);
    assert.deepStrictEqual([analysis.role, analysis.reports, analysis.findings, resolved], ['report', set, [], 1]);
  });

  it('gives back the analysis itself when there is nothing to fix', () => {
    const first = analyzeText(withFields({ readability: 'readability: [Expet, Beginer]' }).replace('Expet', 'Expert'), cfg, RESOURCE, 1);
    const clean = analyzeText(withFields({}), cfg, RESOURCE, 1);
    assert.strictEqual(fixUntilStable(clean, cfg).analysis, clean);
    assert.strictEqual(fixUntilStable(first, cfg).resolved, 1);
  });
});
