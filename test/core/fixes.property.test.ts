import * as assert from 'assert';
import { applyOffsetEdits } from '../../server/src/core/edits';
import { fixAllOffsetEdits, fixesForFinding } from '../../server/src/core/fixes';
import { findFrontmatter } from '../../server/src/core/frontmatter';
import { analyzeText, type Analysis } from '../../server/src/core/service';
import { config, pick, seeded as random } from './helpers';

interface Style {
  flow: boolean;
  quote: '' | '"' | "'";
}

const q = (s: Style, v: string) => `${s.quote}${v}${s.quote}`;

function list(key: string, items: string[], s: Style): string[] {
  if (s.flow) return [`${key}: [${items.map((i) => q(s, i)).join(pick(random(items.length), [', ', ',']))}]`];
  return [`${key}:`, ...items.map((i) => `  - ${q(s, i)}`)];
}

/** Wrong spellings of a readability level that have exactly one intended value. */
const LEVEL_TYPOS: Record<string, string[]> = {
  Beginner: ['B', 'beginner', 'Beginer', 'Beg'],
  Intermediate: ['I', 'Intermed', 'intermediate', 'Intermediat'],
  Expert: ['E', 'expert', 'Expret', 'EXPERT'],
};

/**
 * A resource with a random mix of fixable and unfixable problems, in a random style (flow or block
 * lists, quoting, CRLF, BOM, comments), and a body full of things a careless fix might touch.
 */
function generate(seed: number): string {
  const r = random(seed);
  const s: Style = { flow: r() < 0.5, quote: pick(r, ['', '"', "'"] as const) };
  const lines: string[] = [];
  if (r() < 0.2) lines.push('# a comment the fixes must keep');
  lines.push(r() < 0.15 ? 'titel: "A resource"' : 'title: "A resource"');
  lines.push(`focus: ${q(s, pick(r, ['Bias', 'bias', 'TOOL', 'Employmnt', 'Tool']))}`);
  if (r() < 0.9) lines.push('source: CRFM');
  const levels = ['Beginner', 'Intermediate', 'Expert'].filter(() => r() < 0.6);
  if (levels.length === 0) levels.push('Expert');
  const written = levels.map((l) => (r() < 0.4 ? pick(r, LEVEL_TYPOS[l]) : l));
  if (r() < 0.2) written.push(levels[0]);
  if (r() < 0.1 && written.length === 1) lines.push(`readability: ${q(s, written[0])}`);
  else lines.push(...list('readability', written, s));
  lines.push(`type: ${pick(r, ['PDF Article', 'pdf article', 'Video', 'Vidoe', 'Blog'])}`);
  const os = r();
  if (os < 0.2) lines.push(`openSource: ${pick(r, ['"yes"', '"no"', "'false'", 'yes'])}`);
  else if (os < 0.3) lines.push('openSource: false', '  https://leftover.example.org/');
  else if (os < 0.5) lines.push('openSource: true');
  lines.push(
    `link: ${pick(r, ['https://example.org/a', 'example.org/a', 'www.example.org', '<https://example.org/a>', 'see https://example.org/a'])}`,
  );
  if (r() < 0.6) {
    const tags = ['bias', 'ethics', 'AI and Machine Learning', 'Design/Methods', 'accesibility', 'machineLearning', 'nonsenseTag'].filter(
      () => r() < 0.35,
    );
    if (tags.length > 0) {
      if (r() < 0.3) tags.push(tags[0]);
      lines.push(...list(r() < 0.2 ? 'learntags' : 'learnTags', tags, s));
    }
  }
  if (r() < 0.2) lines.push('legacyField: keep me');
  const eol = r() < 0.3 ? '\r\n' : '\n';
  const bom = r() < 0.1 ? '\uFEFF' : '';
  const body = `# Heading\r\n\nreadability: [E] in the body stays${eol}openSource: "no"${eol}- bias\n`;
  return bom + ['---', ...lines, '---', ''].join(eol) + body;
}

/** What a finding is about, independent of list positions that a removal shifts. */
const identity = (code: string, data: { field?: unknown; value?: unknown } | undefined) =>
  `${code} ${String(data?.field)} ${JSON.stringify(data?.value)}`;

function identities(a: Analysis): string[] {
  return a.findings.map((f) => identity(f.code, f.data)).sort();
}

function bodyOf(text: string): string {
  const block = findFrontmatter(text);
  return block?.close ? text.slice(block.bodyStart) : '';
}

const COUNT = 300;

describe('quick fixes: properties over generated invalid documents', () => {
  const cfg = config();

  it(`applying any preferred fix removes its diagnostic, adds none, and keeps the body (${COUNT} documents)`, () => {
    let applied = 0;
    for (let seed = 1; seed <= COUNT; seed++) {
      const text = generate(seed);
      const before = analyzeText(text, cfg);
      for (const finding of before.findings) {
        for (const fix of fixesForFinding(finding, before, cfg).filter((f) => f.preferred)) {
          const after = analyzeText(applyOffsetEdits(text, fix.edits), cfg);
          const expected = identities(before);
          expected.splice(expected.indexOf(identity(finding.code, finding.data)), 1);
          const got = identities(after);
          const added = got.filter((g) => !expected.includes(g));
          assert.deepStrictEqual(added, [], `seed ${seed}: "${fix.title}" added ${added.join('; ')}\n${text}`);
          assert.ok(
            got.filter((g) => g === identity(finding.code, finding.data)).length <
              before.findings.filter((f) => identity(f.code, f.data) === identity(finding.code, finding.data)).length,
            `seed ${seed}: "${fix.title}" did not remove ${finding.code}\n${text}`,
          );
          assert.strictEqual(bodyOf(after.parsed.text), bodyOf(text), `seed ${seed}: body changed`);
          assert.ok(!fix.destructive);
          applied++;
        }
      }
    }
    assert.ok(applied > COUNT, `only ${applied} preferred fixes were exercised`);
  });

  it(`fix all leaves nothing fixable after one application, deletes nothing, keeps the body (${COUNT} documents)`, () => {
    let changed = 0;
    for (let seed = 1; seed <= COUNT; seed++) {
      const text = generate(seed);
      const fixed = applyOffsetEdits(text, fixAllOffsetEdits(analyzeText(text, cfg), cfg));
      if (fixed !== text) changed++;
      const again = analyzeText(fixed, cfg);
      assert.deepStrictEqual(fixAllOffsetEdits(again, cfg), [], `seed ${seed}: still fixable after fix all\n${fixed}`);
      assert.strictEqual(bodyOf(fixed), bodyOf(text), `seed ${seed}: body changed`);
      assert.strictEqual(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
      assert.strictEqual(fixed.includes('\r\n---\r\n'), text.includes('\r\n---\r\n'), `seed ${seed}: line endings changed`);
      for (const keep of [
        'legacyField: keep me',
        'https://leftover.example.org/',
        '# a comment the fixes must keep',
        'nonsenseTag',
        'see https',
      ]) {
        assert.strictEqual(fixed.includes(keep), text.includes(keep), `seed ${seed}: fix all deleted '${keep}'`);
      }
    }
    assert.ok(changed > COUNT / 2, `only ${changed} documents had something to fix`);
  });

  it(`fix all never loses a valid list value, wherever its misspelt twin stands (${COUNT} documents)`, () => {
    const VALID: Record<string, readonly string[]> = {
      readability: ['Beginner', 'Intermediate', 'Expert'],
      learnTags: ['bias', 'ethics', 'machineLearning', 'methods', 'accessibility'],
    };
    const values = (a: Analysis, field: string): string[] => {
      const v = (a.parsed.data as Record<string, unknown> | undefined)?.[field];
      return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
    };
    for (let seed = 1; seed <= COUNT; seed++) {
      const text = generate(seed);
      const before = analyzeText(text, cfg);
      const after = analyzeText(applyOffsetEdits(text, fixAllOffsetEdits(before, cfg)), cfg);
      for (const [field, valid] of Object.entries(VALID)) {
        const lost = values(before, field).filter((v) => valid.includes(v) && !values(after, field).includes(v));
        assert.deepStrictEqual(lost, [], `seed ${seed}: fix all lost ${field} ${lost.join(', ')}\n${text}`);
      }
    }
  });

  it('fix all keeps the written item when its misspelt twin comes first, in block and flow lists', () => {
    const doc = (lines: string[]) =>
      ['---', 'title: "A"', 'focus: Bias', 'source: S', 'type: Blog', 'link: https://example.org/a', ...lines, '---', ''].join('\n');
    const fix = (t: string) => applyOffsetEdits(t, fixAllOffsetEdits(analyzeText(t, cfg), cfg));
    assert.strictEqual(
      fix(doc(['readability: [Expert]', 'learnTags:', "  - 'ethic'", "  - 'ethics'", '  - bias'])),
      doc(['readability: [Expert]', 'learnTags:', "  - 'ethics'", '  - bias']),
    );
    assert.strictEqual(fix(doc(['readability:', '  - Beg', '  - Beg', '  - Beginner'])), doc(['readability:', '  - Beginner']));
    assert.strictEqual(fix(doc(['readability: [Beg, Beginner, E]'])), doc(['readability: [Beginner, Expert]']));
  });
});
