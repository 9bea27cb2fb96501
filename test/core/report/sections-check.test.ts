import * as assert from 'assert';
import { createConfiguration } from '../../../server/src/core/configuration';
import { analyzeText } from '../../../server/src/core/service';
import { codeActionsFor, fixAllOffsetEdits, fixesForFinding, hasPreferredFix } from '../../../server/src/core/fixes';
import { toDiagnostics } from '../../../server/src/core/service';
import { applyOffsetEdits } from '../../../server/src/core/edits';
import { MD_REPORT, REPORT_URI, reportSet } from './helpers';

const config = createConfiguration();
const RESOURCE = 'file:///w/resources/a.md';
const resource = (body: string) =>
  ['---', 'title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog', 'link: https://example.org/a', '---', body].join(
    '\n',
  );

/** Section findings of a body text: [code, the text spanned, message]. */
function sectionFindings(body: string, uri = RESOURCE, withReport = true) {
  const text = resource(body);
  const { set } = reportSet();
  const a = analyzeText(text, config, uri, 1, withReport ? { reports: set } : {});
  return a.findings.map((f) => ({
    code: f.code,
    text: text.slice(f.start, f.end),
    message: f.message,
    fixes: fixesForFinding(f, a, config),
    finding: f,
    full: text,
  }));
}

/** The text after applying a fix's edits. */
function apply(full: string, edits: { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), full);
}

describe('section references in a resource', () => {
  it('accepts a number, its label, its title (any case, over several words) and a wrapped label', () => {
    assert.deepStrictEqual(
      sectionFindings('§4.3, §4.3: adaptation, §4.3: Adaptation, §4.7: Security and privacy, §4.7: SECURITY, §4.8:\nrobustness.'),
      [],
    );
  });

  it('unknown-section for a number the report lacks, with the section its label names as the fix', () => {
    const [f, ...rest] = sectionFindings('See §4.9: robustness.');
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(f.code, 'unknown-section');
    assert.strictEqual(f.text, '§4.9');
    assert.strictEqual(f.message, "report.md has no section §4.9. 'robustness' is §4.8 Robustness to distribution shifts.");
    assert.deepStrictEqual(
      f.fixes.map((x) => [x.title, x.preferred]),
      [['Change number to §4.8', true]],
    );
    assert.match(apply(f.full, f.fixes[0].edits), /See §4\.8: robustness\.$/);
  });

  it('section-label-mismatch for a misspelt label, fixed in one step', () => {
    const [f] = sectionFindings('See §4.3: adaptaton here.');
    assert.deepStrictEqual([f.code, f.text], ['section-label-mismatch', 'adaptaton']);
    assert.strictEqual(f.message, "'adaptaton' does not name §4.3. Use 'adaptation' or its title 'Adaptation'.");
    assert.deepStrictEqual(
      f.fixes.map((x) => [x.title, x.preferred]),
      [["Change label to 'adaptation'", true]],
    );
    assert.match(apply(f.full, f.fixes[0].edits), /See §4\.3: adaptation here\.$/);
  });

  it('a label that names another section offers both the label and the number', () => {
    const [f] = sectionFindings('§4.3: robustness');
    assert.strictEqual(f.code, 'section-label-mismatch');
    assert.deepStrictEqual(
      f.fixes.map((x) => [x.title, x.preferred]),
      [
        ["Change label to 'adaptation'", false],
        ['Change number to §4.8', false],
      ],
    );
    assert.match(apply(f.full, f.fixes[1].edits), /§4\.8: robustness$/);
  });

  it('fix all repairs the preferred section fixes with the frontmatter ones, and leaves ambiguous ones', () => {
    const { set } = reportSet();
    const text = resource('See §4.3: adaptaton, §4.9: robustness and §4.3: robustness.').replace(
      'readability: [Expert]',
      'readability: [Expet]',
    );
    const a = analyzeText(text, config, RESOURCE, 1, { reports: set });
    const fixed = applyOffsetEdits(text, fixAllOffsetEdits(a, config));
    assert.strictEqual(fixed, resource('See §4.3: adaptation, §4.8: robustness and §4.3: robustness.'));
    // The last one could be either the label or the number: it stays, and is not counted as fixable.
    const left = analyzeText(fixed, config, RESOURCE, 2, { reports: set }).findings;
    assert.deepStrictEqual(
      left.map((f) => f.code),
      ['section-label-mismatch'],
    );
    assert.strictEqual(hasPreferredFix(left[0], a, config), false);
    assert.ok(
      a.findings
        .filter((f) => f.code !== 'section-label-mismatch' || f.start < text.indexOf('§4.3: robustness'))
        .every((f) => hasPreferredFix(f, a, config)),
    );
  });

  it('Markdown links into the report resolve by number and by slug; others are not references', () => {
    assert.deepStrictEqual(
      sectionFindings(
        '[a](../reports/report.md#4.3) [b](/reports/report.md#47-security-and-privacy) [c](https://x.org/#9.9) [d](other.md#9.9)',
      ),
      [],
    );
    const [f] = sectionFindings('[a](../reports/report.md#4.4)');
    assert.deepStrictEqual([f.code, f.text], ['unknown-section', '4.4']);
    const [g] = sectionFindings('[b](../reports/report.md#44-nothing)');
    assert.deepStrictEqual([g.code, g.text], ['unknown-section', '44-nothing']);
  });

  it('no-report once per file when there are references but no report', () => {
    const found = sectionFindings('§4.3 and §4.7', RESOURCE, false);
    assert.deepStrictEqual(
      found.map((f) => [f.code, f.text]),
      [['no-report', '§4.3']],
    );
  });

  it('no section findings at all without references', () => {
    assert.deepStrictEqual(sectionFindings('Nothing cited.', RESOURCE, false), []);
  });
});

describe('section references in the report itself', () => {
  it('are checked against the report, without frontmatter checks', () => {
    const { set } = reportSet();
    const text = MD_REPORT + 'Also §4.9 and §4.7: securty.\n';
    const a = analyzeText(text, config, REPORT_URI, 2, { reports: set });
    assert.deepStrictEqual(
      a.findings.map((f) => [f.code, text.slice(f.start, f.end)]),
      [
        ['unknown-section', '§4.9'],
        ['section-label-mismatch', 'securty'],
      ],
    );
  });
});

describe('section fixes: ordinary fixers on the finding and its context', () => {
  it('carry data about the reference, not edits', () => {
    const [f, g] = sectionFindings('See §4.9: robustness and §4.3: robustness.').map((x) => x.finding);
    assert.deepStrictEqual(f.data, { number: '4.9', label: 'robustness', report: REPORT_URI });
    assert.deepStrictEqual(g.data, { number: '4.3', label: 'robustness', report: REPORT_URI, expected: ['adaptation', 'Adaptation'] });
  });

  it('become quick fixes through the one code-action builder, the word replaced whole', () => {
    const { set } = reportSet();
    const text = resource('See §4.3: adaptaton.');
    const a = analyzeText(text, config, RESOURCE, 1, { reports: set });
    const actions = codeActionsFor(a, config, toDiagnostics(a, config), RESOURCE);
    const line = text.split('\n').length - 1;
    assert.deepStrictEqual(
      actions.map((x) => [x.title, x.isPreferred, x.diagnostics?.map((d) => d.code), x.edit?.changes?.[RESOURCE]]),
      [
        [
          "Change label to 'adaptation'",
          true,
          ['section-label-mismatch'],
          [{ range: { start: { line, character: 10 }, end: { line, character: 19 } }, newText: 'adaptation' }],
        ],
      ],
    );
  });

  it("find their finding by the link in the diagnostic's data, not by where the diagnostic or the request range lies", () => {
    const { set } = reportSet();
    const text = resource('See §4.3: adaptaton and §4.9: robustness.');
    const a = analyzeText(text, config, RESOURCE, 1, { reports: set });
    const [mismatch, unknown] = toDiagnostics(a, config);
    // The client moved the label diagnostic onto the other reference (an edit it has not sent yet).
    const moved = { ...mismatch, range: unknown.range };
    assert.deepStrictEqual(
      codeActionsFor(a, config, [moved], RESOURCE).map((x) => x.title),
      ["Change label to 'adaptation'"],
    );
    const unlinked = { ...moved, data: undefined };
    assert.deepStrictEqual(
      codeActionsFor(a, config, [unlinked], RESOURCE),
      [],
      'without the link, only the same code, message and range would do',
    );
  });

  it("in a report being edited, resolve against the report's new text", () => {
    const { set } = reportSet();
    const added = '## 4.9 AI safety\nSee §4.9: ai-safety, §4.9: ai-safety';
    const text = `${MD_REPORT}${added} and §4.9: ai-safty.\n`;
    const a = analyzeText(text, config, REPORT_URI, 2, { reports: set });
    const [f] = a.findings;
    assert.strictEqual(f.code, 'section-label-mismatch');
    assert.deepStrictEqual(
      fixesForFinding(f, a, config).map((x) => x.title),
      ["Change label to 'ai-safety'"],
    );
    assert.strictEqual(applyOffsetEdits(text, fixAllOffsetEdits(a, config)), `${MD_REPORT}${added} and §4.9: ai-safety.\n`);
  });
});
