import * as assert from 'assert';
import { checkResourceText } from '../../server/src/core/lint';
import { analyzeText } from '../../server/src/core/service';
import { reportSet } from './report/helpers';
import { config, withFields } from './helpers';

/** A valid resource whose body cites the report. */
const citing = (ref: string) => withFields({}).replace('Body text.', `See ${ref} of the report.`);

describe('checkResourceText (the many-files check of the CLI and the workspace scan)', () => {
  const cfg = config();
  const { set } = reportSet();
  const context = { reports: set };
  const uri = 'file:///w/resources/a.md';

  it('vouches for a clean frontmatter whose section references all resolve, without a full analysis', () => {
    const check = checkResourceText(citing('§4.3: adaptation'), cfg, uri, context);
    assert.strictEqual(check.analysis, undefined);
    assert.strictEqual(check.link, 'https://example.org/a');
  });

  it('gives the full analysis, as the editor has it, when a reference is wrong or there is no report', () => {
    for (const [text, ctx, code] of [
      [citing('§9.9'), context, 'unknown-section'],
      [citing('§4.3'), {}, 'no-report'],
    ] as const) {
      const check = checkResourceText(text, cfg, uri, ctx);
      assert.deepStrictEqual(
        check.analysis?.findings.map((f) => f.code),
        [code],
      );
      assert.deepStrictEqual(check.analysis?.findings, analyzeText(text, cfg, uri, 0, ctx).findings);
    }
  });
});
