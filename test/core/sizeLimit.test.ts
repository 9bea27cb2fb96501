import * as assert from 'assert';
import { toDiagnostics } from '../../server/src/core/service';
import { checkResourceText } from '../../server/src/core/lint';
import { normaliseSettings, settingsProblems, DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { analyzeText } from '../../server/src/core/service';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { config, withFields } from './helpers';

const limited = (limits: Record<string, unknown>) => config({ settings: normaliseSettings({ limits }) });
/** A resource with mistakes (an unknown field, an invalid focus) and `n` characters more of frontmatter. */
const padded = (n: number) => withFields({ focus: 'focus: Nonsense' }, ['junk: 1', 'summary: "' + 'x'.repeat(n) + '"']);

describe('size limits (resourceAuthoring.limits.*)', () => {
  it('a frontmatter past the limit: one information diagnostic on the opening ---, naming size, limit and setting; nothing else', () => {
    const text = padded(1_000_000);
    const analysis = analyzeText(text, config());
    assert.strictEqual(analysis.tooLarge, true);
    const diagnostics = toDiagnostics(analysis, config());
    assert.strictEqual(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.strictEqual(d.code, 'file-too-large');
    assert.strictEqual(d.severity, DiagnosticSeverity.Information);
    assert.deepStrictEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    const size = text.indexOf('\n---') - 3;
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    assert.ok(message.includes(size.toLocaleString('en')), message);
    assert.match(message, /more than resourceAuthoring\.limits\.frontmatterSize \(1,000,000\)/);
    assert.strictEqual(analysis.parsed.yaml, null);
  });

  it('at the limit it is analysed as usual: the same text under a raised limit gets its real findings', () => {
    const text = padded(1_000_000);
    const codes = analyzeText(text, limited({ frontmatterSize: 2_000_000 })).findings.map((f) => f.code);
    assert.ok(codes.includes('unknown-field') && codes.includes('invalid-value'), codes.join());
    const small = padded(100);
    const exact = small.indexOf('\n---') - 3;
    assert.ok(!analyzeText(small, limited({ frontmatterSize: exact })).tooLarge);
    assert.ok(analyzeText(small, limited({ frontmatterSize: exact - 1 })).tooLarge);
  });

  it('a whole file past resourceAuthoring.limits.fileSize: one information diagnostic at its first characters', () => {
    const text = withFields({}) + 'Body. '.repeat(2_000);
    const analysis = analyzeText(text, limited({ fileSize: 10_000 }));
    assert.deepStrictEqual(
      analysis.findings.map((f) => [f.code, text.slice(f.start, f.end)]),
      [['file-too-large', '---']],
    );
    assert.match(
      analysis.findings[0].message,
      new RegExp(
        `This file is ${text.length.toLocaleString('en')} characters long, more than resourceAuthoring\\.limits\\.fileSize \\(10,000\\)`,
      ),
    );
    // Without frontmatter, too: nothing else (no frontmatter-missing).
    const plain = 'x'.repeat(20_000);
    assert.deepStrictEqual(
      analyzeText(plain, limited({ fileSize: 10_000 })).findings.map((f) => [f.code, f.start, f.end]),
      [['file-too-large', 0, 3]],
    );
  });

  it('the many-files path (CLI, workspace scan) gives the same verdict without the fast path', () => {
    const check = checkResourceText(padded(1_000_000), config());
    assert.deepStrictEqual(
      check.analysis?.findings.map((f) => f.code),
      ['file-too-large'],
    );
  });

  it('the settings: defaults, nested or flat, and what is wrong with a value is said', () => {
    assert.deepStrictEqual(DEFAULT_SETTINGS.limits, { fileSize: 10_000_000, frontmatterSize: 1_000_000 });
    assert.deepStrictEqual(normaliseSettings({ 'limits.fileSize': 5 }).limits, { fileSize: 5, frontmatterSize: 1_000_000 });
    assert.deepStrictEqual(normaliseSettings({ limits: { frontmatterSize: 0 } }).limits, DEFAULT_SETTINGS.limits);
    assert.deepStrictEqual(settingsProblems({ limits: { fileSize: 10, frontmatterSize: 20 } }), []);
    assert.deepStrictEqual(
      settingsProblems({ limits: { fileSize: -1, frontmatterSize: '1MB', lines: 3 } }).map((p) => p.message),
      [
        "resourceAuthoring.limits.lines: 'lines' is not a limit (use fileSize, frontmatterSize).",
        'resourceAuthoring.limits.fileSize: should be a whole number of characters greater than 0, not -1.',
        'resourceAuthoring.limits.frontmatterSize: should be a whole number of characters greater than 0, not "1MB".',
      ],
    );
    assert.deepStrictEqual(
      settingsProblems({ 'limits.fileSize': 1.5 }).map((p) => p.key),
      ['resourceAuthoring.limits.fileSize'],
    );
  });
});
