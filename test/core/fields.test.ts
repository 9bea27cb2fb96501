import * as assert from 'assert';
import { applyOffsetEdits } from '../../server/src/core/edits';
import { findingOfDiagnostic } from '../../server/src/core/findingLink';
import { addAllMissingEdits, missingFieldFindings } from '../../server/src/core/fixes/addAll';
import { analyzeText, toDiagnostics } from '../../server/src/core/service';
import { frontmatterSymbols } from '../../server/src/core/symbols';
import { config, resource, withFields } from './helpers';

describe('the link from a diagnostic to its finding', () => {
  const cfg = config();

  it("is carried beside the finding's own data and picks that finding, not the first on the same range", () => {
    const analysis = analyzeText(resource(['title: "A"']), cfg);
    const diagnostics = toDiagnostics(analysis, cfg).filter((d) => d.code === 'required');
    assert.strictEqual(diagnostics.length, 5);
    for (const d of diagnostics) {
      const f = findingOfDiagnostic(analysis, d)!;
      assert.strictEqual(f.message, d.message);
      assert.strictEqual((d.data as { field?: string }).field, f.data?.field, "the finding's data is still there");
    }
  });

  it('still names its finding after an edit elsewhere moved it', () => {
    const before = analyzeText(withFields({ readability: 'readability: [E]' }), cfg);
    const [d] = toDiagnostics(before, cfg);
    const after = analyzeText(
      withFields({ readability: 'readability: [E]' }, ['keywords: [a]']).replace('---\n', '---\nsummary: "S"\n'),
      cfg,
    );
    const f = findingOfDiagnostic(after, d)!;
    assert.strictEqual(f.code, 'invalid-value');
    assert.notStrictEqual(f.start, before.findings[0].start, 'the finding moved');
  });

  it('tells apart findings with the same code and message; without data it falls back to code, message and range', () => {
    const analysis = analyzeText(withFields({}, ['learnTags: [bias, bias, bias]']), cfg);
    const dups = toDiagnostics(analysis, cfg).filter((d) => d.code === 'duplicate-value');
    assert.strictEqual(dups.length, 2);
    assert.strictEqual(new Set(dups.map((d) => d.message)).size, 1);
    assert.notStrictEqual(findingOfDiagnostic(analysis, dups[0]), findingOfDiagnostic(analysis, dups[1]));
    const bare = { ...dups[1], data: undefined };
    assert.strictEqual(findingOfDiagnostic(analysis, bare), findingOfDiagnostic(analysis, dups[1]));
  });
});

describe('add all missing required fields', () => {
  const cfg = config();
  const addAll = (text: string) => {
    const analysis = analyzeText(text, cfg);
    const edits = addAllMissingEdits(missingFieldFindings(analysis, cfg), {
      parsed: analysis.parsed,
      config: cfg,
      findings: analysis.findings,
      uri: analysis.uri,
      reports: analysis.reports,
    });
    return applyOffsetEdits(text, edits);
  };

  it('fills an empty frontmatter in schema order', () => {
    assert.strictEqual(
      addAll('---\n---\nBody.\n'),
      '---\ntitle: ""\nfocus: ""\nsource: ""\nreadability: []\ntype: ""\nlink: ""\n---\nBody.\n',
    );
  });

  it('nothing for an unclosed frontmatter', () => {
    assert.strictEqual(addAll('---\ntitle: "A"\n'), '---\ntitle: "A"\n');
  });
});

describe('frontmatter symbols', () => {
  it('a nested map is described, not expanded; a field whose value spans lines ends where the value does', () => {
    const text = resource(['title: >-', '  folded', '  text', 'extra:', '  a: 1', '  b: [x]', 'link: x']);
    const analysis = analyzeText(text, config());
    const symbols = frontmatterSymbols(analysis.parsed, analysis.lines);
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line, s.range.end.character]),
      [
        ['title', 'folded text', 1, 3, 6],
        ['extra', '{…}', 4, 6, 8],
        ['link', 'x', 7, 7, 7],
      ],
    );
  });

  it('no symbols without a closed frontmatter; what parsed of a broken one, without throwing', () => {
    const broken = analyzeText('---\ntitle: A\nfocus: [\n---\n', config());
    assert.ok(Array.isArray(frontmatterSymbols(broken.parsed, broken.lines)));
    for (const text of ['No frontmatter.\n', '---\ntitle: A\n']) {
      const analysis = analyzeText(text, config());
      assert.deepStrictEqual(frontmatterSymbols(analysis.parsed, analysis.lines), []);
    }
  });
});
