import * as assert from 'assert';
import { applyTextEdits } from '../../server/src/core/edits';
import { createConfiguration } from '../../server/src/core/configuration';
import { bundledVocabularies, parseVocabulary } from '../../server/src/core/vocabulary';
import { fixAllEdits } from '../../server/src/core/fixes';
import { applyOffsetEdits } from '../../server/src/core/edits';
import { analyzeText } from '../../server/src/core/service';
import { applyFix, fixAll, fixesFor, titles } from './fixHelpers';
import { check, withFields } from './helpers';

/** A resource whose frontmatter is the valid minimum plus `lines` (replacing fields of the same name). */
function doc(lines: string[], eol = '\n'): string {
  const overrides: Record<string, string | null> = {};
  const extra: string[] = [];
  let last: { key: string | undefined; lines: string[] } | undefined;
  const groups: { key: string | undefined; lines: string[] }[] = [];
  for (const l of lines) {
    // Indented lines belong to the field above them.
    if (last && /^\s/.test(l)) last.lines.push(l);
    else groups.push((last = { key: /^([A-Za-z]+):/.exec(l)?.[1], lines: [l] }));
  }
  for (const g of groups) {
    if (g.key && ['title', 'focus', 'source', 'readability', 'type', 'link'].includes(g.key)) overrides[g.key] = g.lines.join('\n');
    else extra.push(...g.lines);
  }
  const text = withFields(overrides, extra);
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/** Asserts that the preferred (or titled) fix turns `before` lines into `after` lines, also with CRLF. */
function fixes(code: string, before: string[], after: string[], title?: string): void {
  for (const eol of ['\n', '\r\n']) {
    assert.strictEqual(
      JSON.stringify(applyFix(doc(before, eol), code, title)),
      JSON.stringify(doc(after, eol)),
      `with ${JSON.stringify(eol)}`,
    );
  }
}

describe('quick fixes', () => {
  describe('invalid-value', () => {
    it('a unique prefix or abbreviation, keeping the quotes (flow)', () => {
      fixes('invalid-value', ['readability: ["E"]'], ['readability: ["Expert"]']);
      fixes('invalid-value', ["readability: ['Intermed']"], ["readability: ['Intermediate']"]);
      fixes('invalid-value', ['readability: [expert]'], ['readability: [Expert]']);
    });
    it('in a block list', () => {
      fixes('invalid-value', ['readability:', '  - Beginer', '  - Expert'], ['readability:', '  - Beginner', '  - Expert']);
    });
    it('ranks a case-insensitive match first and offers at most three candidates', () => {
      assert.deepStrictEqual(titles(doc(['focus: bias']), 'invalid-value'), ["Change to 'Bias' *"]);
      assert.ok(titles(doc(['learnTags: [a]']), 'invalid-value').length <= 3);
    });
    it('a tag label finds its value', () => {
      fixes('invalid-value', ['learnTags: ["AI and Machine Learning"]'], ['learnTags: ["machineLearning"]']);
      fixes('invalid-value', ['learnTags: [Design/Methods]'], ['learnTags: [methods]']);
    });
    it('a small edit distance, preferred only when it is unambiguous', () => {
      fixes('invalid-value', ['type: PDF Artcle'], ['type: PDF Article']);
      assert.deepStrictEqual(titles(doc(['readability: [Expret]']), 'invalid-value'), ["Change to 'Expert' *"]);
    });
    it('an ambiguous prefix is offered but not preferred', () => {
      const t = titles(doc(['learnTags: [a]']), 'invalid-value');
      assert.ok(t.length > 1 && t.every((x) => !x.endsWith('*')), JSON.stringify(t));
    });
    it('changes only the characters that differ', () => {
      const text = doc(['readability: ["B"]']);
      const [fix] = fixesFor(text, 'invalid-value');
      assert.deepStrictEqual(
        fix.edits.map((e) => [text.slice(e.start, e.end), e.newText]),
        [['', 'eginner']],
      );
    });
  });

  describe("Add 'X' to <data file>", () => {
    const tagsText =
      '{\n  "resourceTags": [\n    {\n      "value": "bias",\n      "label": "Bias"\n    },\n    {\n      "value": "ethics",\n      "label": "Ethics"\n    }\n  ]\n}\n';
    const tags = parseVocabulary('learnTags', tagsText, 'src/_data/resourceTags.json', '/ws/src/_data/resourceTags.json');
    assert.ok(tags.ok);
    const cfg = createConfiguration({ vocabularies: { ...bundledVocabularies(), learnTags: tags.value } });

    it('adds the term in alphabetical place, copying the neighbour entry, label from the words of the value', () => {
      const text = doc(['learnTags: [deepLearning]']);
      const fix = fixesFor(text, 'invalid-value', cfg).find((f) => f.title === "Add 'deepLearning' to src/_data/resourceTags.json");
      assert.ok(fix?.fileEdit && !fix.preferred);
      assert.strictEqual(fix.edits.length, 0);
      assert.strictEqual(
        applyOffsetEdits(tagsText, fix.fileEdit.edits),
        '{\n  "resourceTags": [\n    {\n      "value": "bias",\n      "label": "Bias"\n    },\n    {\n      "value": "deepLearning",\n      "label": "Deep Learning"\n    },\n    {\n      "value": "ethics",\n      "label": "Ethics"\n    }\n  ]\n}\n',
      );
    });
    it('keeps tabs and appends at the end of an unsorted file', () => {
      const typesText = '{\n\t"resourceTypes": [\n\t\t{\n\t\t\t"value": "Video"\n\t\t},\n\t\t{\n\t\t\t"value": "Blog"\n\t\t}\n\t]\n}';
      const types = parseVocabulary('type', typesText, 'data/resourceTypes.json', '/ws/data/resourceTypes.json');
      assert.ok(types.ok);
      const c = createConfiguration({ vocabularies: { ...bundledVocabularies(), type: types.value } });
      const fix = fixesFor(doc(['type: Zine']), 'invalid-value', c).find((f) => f.fileEdit);
      assert.strictEqual(
        applyOffsetEdits(typesText, fix!.fileEdit!.edits),
        '{\n\t"resourceTypes": [\n\t\t{\n\t\t\t"value": "Video"\n\t\t},\n\t\t{\n\t\t\t"value": "Blog"\n\t\t},\n\t\t{\n\t\t\t"value": "Zine"\n\t\t}\n\t]\n}',
      );
    });
    it('is not offered for the bundled vocabularies (there is no file to edit)', () => {
      assert.ok(fixesFor(doc(['learnTags: [deepLearning]']), 'invalid-value').every((f) => !f.fileEdit));
    });
  });

  describe('duplicate-value', () => {
    it('removes the repeat from a flow list without a dangling comma', () => {
      fixes('duplicate-value', ['learnTags: ["bias", "ethics", "bias"]'], ['learnTags: ["bias", "ethics"]']);
      fixes('duplicate-value', ['learnTags: [bias,bias,ethics]'], ['learnTags: [bias,ethics]']);
    });
    it('removes the repeat line from a block list, comment included, leaving no empty "- "', () => {
      fixes(
        'duplicate-value',
        ['readability:', '  - Expert', '  - Expert # again', '  - Beginner'],
        ['readability:', '  - Expert', '  - Beginner'],
      );
    });
  });

  describe('unknown-field', () => {
    it('renames a misspelt key (preferred) or removes the field with all its lines (never preferred)', () => {
      fixes('unknown-field', ['learntags: [bias]'], ['learnTags: [bias]']);
      fixes('unknown-field', ['keyword:', '  - a', '  - b', 'summary: s'], ['summary: s'], "Remove the field 'keyword'");
      assert.deepStrictEqual(titles(doc(['legacy: x']), 'unknown-field'), ["Remove the field 'legacy'"]);
    });
    it('does not rename to a field that is already there', () => {
      assert.deepStrictEqual(titles(doc(['readablity: [Expert]']), 'unknown-field'), ["Remove the field 'readablity'"]);
    });
  });

  describe('required', () => {
    it("inserts the field where the schema's order puts it, with a placeholder of its shape (not preferred)", () => {
      const before = withFields({ readability: null }).replace(/\n/g, '\r\n');
      assert.strictEqual(
        applyFix(before, 'required', "Add the missing field 'readability'"),
        withFields({ readability: 'readability: []' }).replace(/\n/g, '\r\n'),
      );
      assert.strictEqual(
        applyFix(withFields({ title: null }), 'required', "Add the missing field 'title'"),
        withFields({ title: 'title: ""' }),
      );
      assert.deepStrictEqual(titles(withFields({ link: null }), 'required'), ["Add the missing field 'link'"]);
    });
    it('into an empty frontmatter', () => {
      assert.strictEqual(applyFix('---\n---\nBody\n', 'required', "Add the missing field 'title'"), '---\ntitle: ""\n---\nBody\n');
    });
  });

  describe('empty-value', () => {
    it('one fix per allowed value of an enum field with few values', () => {
      const t = titles(doc(['readability: []']), 'empty-value');
      assert.deepStrictEqual(t, ["Set readability to 'Beginner'", "Set readability to 'Intermediate'", "Set readability to 'Expert'"]);
      fixes('empty-value', ['readability: []'], ['readability: [Expert]'], "Set readability to 'Expert'");
      fixes('empty-value', ['focus: ""'], ['focus: "Tool"'], "Set focus to 'Tool'");
      fixes('empty-value', ['focus:'], ['focus: Tool'], "Set focus to 'Tool'");
    });
    it('an empty list field becomes a one-item list in the prevailing style', () => {
      fixes(
        'empty-value',
        ['readability:', 'learnTags:', '  - bias', '  - ethics'],
        ['readability:', '  - Expert', 'learnTags:', '  - bias', '  - ethics'],
        "Set readability to 'Expert'",
      );
    });
  });

  describe('invalid-type', () => {
    it('quoted yes/no/true/false become the boolean', () => {
      fixes('invalid-type', ['openSource: "no"'], ['openSource: false']);
      fixes('invalid-type', ["openSource: 'True'"], ['openSource: true']);
      fixes('invalid-type', ['openSource: yes'], ['openSource: true']);
    });
    it('a boolean followed by stray lines: remove them, offered but not preferred', () => {
      const before = ['openSource: false', '  https://example.org/old', '  /path'];
      fixes('invalid-type', before, ['openSource: false'], "Remove the stray lines after 'false'");
      assert.deepStrictEqual(titles(doc(before), 'invalid-type'), ["Remove the stray lines after 'false'"]);
    });
    it('a scalar where a list belongs becomes a one-item list, flow by default', () => {
      fixes('invalid-type', ['readability: Expert'], ['readability: [Expert]']);
      fixes('invalid-type', ['readability: "E"'], ['readability: ["Expert"]']);
    });
    it('… and block when the file writes its lists that way', () => {
      fixes('invalid-type', ['readability: Expert', 'learnTags:', '  - bias'], ['readability:', '  - Expert', 'learnTags:', '  - bias']);
    });
    it('a number where text belongs is put in quotes', () => {
      fixes('invalid-type', ['source: 2024'], ['source: "2024"']);
    });
  });

  describe('invalid-url', () => {
    it('adds the missing scheme, keeping quotes', () => {
      fixes('invalid-url', ['link: example.org/x'], ['link: https://example.org/x']);
      fixes('invalid-url', ['link: "www.example.org"'], ['link: "https://www.example.org"']);
    });
    it('keeps just the URL: preferred when only brackets surround it, not when words would be lost', () => {
      fixes('invalid-url', ['link: <https://example.org/x>'], ['link: https://example.org/x']);
      fixes(
        'invalid-url',
        ['link: see https://example.org/x here'],
        ['link: https://example.org/x'],
        "Keep only the URL 'https://example.org/x'",
      );
      assert.deepStrictEqual(titles(doc(['link: see https://example.org/x here']), 'invalid-url'), [
        "Keep only the URL 'https://example.org/x'",
      ]);
    });
  });

  describe('fix all', () => {
    it('readability: ["B","E","I"] becomes ["Beginner","Expert","Intermediate"] in one application', () => {
      assert.strictEqual(fixAll(doc(['readability: ["B","E","I"]'])), doc(['readability: ["Beginner","Expert","Intermediate"]']));
    });
    it('an item that a fix turns into a repeat is removed, not doubled', () => {
      assert.strictEqual(fixAll(doc(['readability: ["B", "Beginner", "E", "e"]'])), doc(['readability: ["Beginner", "Expert"]']));
    });
    it('renames a key whose value is valid, fixes the rest, and leaves nothing fixable (CRLF)', () => {
      const before = doc(['readability:', '  - E', '  - expert', 'learntags:', '  - bias', 'openSource: "no"'], '\r\n');
      const after = fixAll(before);
      assert.strictEqual(after, doc(['readability:', '  - Expert', 'learnTags:', '  - bias', 'openSource: false'], '\r\n'));
      assert.strictEqual(fixAll(after), after);
    });
    it('does not rename a key on its own when that would reveal problems in its value', () => {
      assert.deepStrictEqual(titles(doc(['learntags: [bias, bias]']), 'unknown-field'), [
        "Rename to 'learnTags'",
        "Remove the field 'learntags'",
      ]);
    });
    it('never deletes what an author wrote and keeps BOM, comments and body byte-identical', () => {
      const before =
        '\uFEFF' +
        doc(['# a comment', 'legacy: keep me', 'link: see https://example.org/x', 'openSource: false', '  stray']).replace(
          'Body text.',
          'Body *with* [md](x)\r\n\r\n',
        );
      assert.strictEqual(fixAll(before), before);
      assert.deepStrictEqual(
        check(before)
          .map((s) => s.code)
          .sort(),
        ['invalid-type', 'invalid-url', 'unknown-field'],
      );
    });
    it('fixAllEdits gives LSP edits that applyTextEdits applies', () => {
      const text = doc(['readability: [E, e]', 'openSource: "yes"']);
      const cfg = createConfiguration();
      const edits = fixAllEdits(analyzeText(text, cfg), cfg);
      assert.strictEqual(applyTextEdits(text, edits), doc(['readability: [Expert]', 'openSource: true']));
    });
  });
});

describe('quick fixes: an invalid item that means an item already in the list', () => {
  it('is removed rather than changed into a repeat', () => {
    const text = withFields({ readability: 'readability: ["B", "Beginner"]' });
    assert.deepStrictEqual(titles(text, 'invalid-value'), ["Remove 'B': 'Beginner' is already in the list *"]);
    assert.strictEqual(applyFix(text, 'invalid-value'), withFields({ readability: 'readability: ["Beginner"]' }));
  });
});
