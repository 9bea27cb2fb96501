import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { applyOffsetEdits } from '../../server/src/core/edits';
import { analyzeText } from '../../server/src/core/service';
import { YAML_ERROR_CODES, parserSentence, yamlErrorSentence } from '../../server/src/core/yamlErrors';
import { fixesFor } from './fixHelpers';
import { check, config, resource, withFields } from './helpers';

/** The installed yaml's dist folder (its package exports hide the files by name). */
function yamlDist(): string {
  return path.dirname(require.resolve('yaml'));
}

/** The error codes the installed `yaml` declares (its ErrorCode union), read from its type definitions. */
function libraryErrorCodes(): string[] {
  const dts = readFileSync(path.join(yamlDist(), 'errors.d.ts'), 'utf8');
  const union = /export type ErrorCode\s*=([^;]+);/.exec(dts);
  assert.ok(union, 'yaml/dist/errors.d.ts declares ErrorCode');
  return [...union[1].matchAll(/'([A-Z_0-9]+)'/g)].map((m) => m[1]);
}

/** Every literal (code, message) pair the installed `yaml` passes to its error callbacks. */
function libraryMessages(): { code: string; message: string }[] {
  const dir = yamlDist();
  const found: { code: string; message: string }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/'([A-Z][A-Z_0-9]+)',\s*(['"`])((?:(?!\2).)+)\2/g)) {
          if (libraryErrorCodes().includes(m[1])) found.push({ code: m[1], message: m[3] });
        }
      }
    }
  };
  walk(dir);
  return found;
}

describe('messages', () => {
  describe("suggestions come from the quick fixes' ranking", () => {
    it('a misspelt learn tag among more than 12 terms says "Did you mean" with the fix\'s value, without the long list', () => {
      const text = withFields({}, ['learnTags: [bais]']);
      const [f] = check(text);
      assert.strictEqual(f.code, 'invalid-value');
      assert.strictEqual(f.message, "'bais' is not a learn tag in the bundled resourceTags.json. Did you mean 'bias'?");
      assert.deepStrictEqual(
        fixesFor(text, 'invalid-value')
          .filter((x) => x.title.startsWith('Change'))
          .map((x) => x.title),
        ["Change to 'bias'"],
      );
    });

    it('with no suggestion among many terms it says how many values there are and where', () => {
      const [f] = check(withFields({}, ['learnTags: [zzzzzz]']));
      assert.strictEqual(
        f.message,
        "'zzzzzz' is not a learn tag in the bundled resourceTags.json. Completion and the hover on 'learnTags' list the 35 learn tags.",
      );
    });

    it('several equally good candidates are all named, as the fixes offer them', () => {
      const text = withFields({}, ['learnTags: [data]']);
      const [f] = check(text);
      const offered = fixesFor(text, 'invalid-value')
        .filter((x) => x.title.startsWith('Change'))
        .map((x) => /'(.*)'/.exec(x.title)![1]);
      assert.ok(offered.length > 1, JSON.stringify(offered));
      assert.ok(
        f.message.includes(
          `Did you mean ${offered
            .slice(0, -1)
            .map((v) => `'${v}'`)
            .join(', ')} or '${offered[offered.length - 1]}'?`,
        ),
        f.message,
      );
    });

    it('unknown-field says "Did you mean" the field the rename fix offers, and no longer lists all fields', () => {
      const text = withFields({}, ['learntags: [bias]']);
      const [f] = check(text);
      assert.strictEqual(f.code, 'unknown-field');
      assert.strictEqual(f.message, "'learntags' is not a resource field. Did you mean 'learnTags'?");
      assert.ok(fixesFor(text, 'unknown-field').some((x) => x.title === "Rename to 'learnTags'"));
    });

    it('unknown-field without a near name lists only the fields the file does not have yet', () => {
      const [f] = check(withFields({}, ['colour: red']));
      assert.strictEqual(
        f.message,
        "'colour' is not a resource field. Fields this file does not have yet: openSource, keywords, learnTags, summary.",
      );
    });
  });

  describe("YAML errors in authors' words", () => {
    it('maps every error code the yaml library defines (a new code fails here and in the type check)', () => {
      assert.deepStrictEqual([...YAML_ERROR_CODES].sort(), libraryErrorCodes().sort());
    });

    it('no parser message of the library reaches authors as it is', () => {
      const raw = libraryMessages();
      assert.ok(raw.length > 30, `found ${raw.length} messages in the yaml library`);
      for (const { code, message } of raw) {
        const sentence = yamlErrorSentence(code as never, message);
        assert.ok(!sentence.includes(message), `${code}: ${sentence}`);
        assert.ok(sentence.length > 20 && /[.?]$/.test(sentence), `${code}: ${sentence}`);
      }
    });

    const cases: [string, string[], string][] = [
      ['BLOCK_AS_IMPLICIT_KEY', ['title: Bias: a primer'], 'put the value in quotes'],
      ['MULTILINE_IMPLICIT_KEY', ['title: a', 'no colon here', 'focus: Bias'], "'name: value'"],
      ['TAB_AS_INDENT', ['learnTags:', '\t- bias'], 'tab'],
      ['BAD_SCALAR_START', ['title: @home'], 'put the value in quotes'],
      ['MISSING_CHAR', ['learnTags: ["bias" "ethics"]'], 'commas'],
      ['UNEXPECTED_TOKEN', ['learnTags: [bias]]'], 'closing bracket'],
      ['BAD_INDENT', ['learnTags: [bias, ethics'], 'never closed'],
    ];
    for (const [code, lines, words] of cases) {
      it(`${code}: a sentence of ours on the spot, the parser's wording in data`, () => {
        const text = resource(lines);
        const analysis = analyzeText(text, config());
        const f = analysis.findings.find((x) => x.code === 'yaml-syntax' && x.data?.yamlCode === code);
        assert.ok(f, JSON.stringify(analysis.findings));
        const expectedRaw = parseDocument(text.slice(4, text.indexOf('\n---') + 1), {
          uniqueKeys: true,
          strict: true,
          prettyErrors: false,
        }).errors.find((e) => e.code === code);
        assert.ok(expectedRaw);
        assert.strictEqual(f.data?.parserMessage, parserSentence(expectedRaw.message));
        assert.ok(!f.message.includes(String(f.data?.parserMessage)), f.message);
        assert.ok(f.message.includes(words), f.message);
        assert.ok(!/YAML syntax error/.test(f.message));
      });
    }

    it('a key repeated inside a nested map says the last one is checked, as the data has it', () => {
      const text = withFields({}, ['extra:', '  note: first', '  note: second']);
      const analysis = analyzeText(text, config());
      const dup = analysis.findings.find((f) => f.code === 'yaml-syntax');
      assert.ok(dup);
      assert.strictEqual(text.slice(dup.start, dup.end), 'note');
      assert.strictEqual(dup.message, "'note' is given more than once; keep one of them (the last one is checked).");
      assert.deepStrictEqual((analysis.parsed.data as Record<string, unknown>).extra, { note: 'second' });
    });

    it("a repeated key is named, and the file's other findings are still reported", () => {
      const text = withFields({ readability: 'readability: [Experts]' }, ['title: "Again"', 'learnTags: [bais]']);
      const seen = analyzeText(text, config())
        .findings.sort((a, b) => a.start - b.start)
        .map((f) => ({ code: f.code, text: text.slice(f.start, f.end), message: f.message }));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [
          ['invalid-value', 'Experts'],
          ['yaml-syntax', 'title'],
          ['invalid-value', 'bais'],
        ],
      );
      assert.strictEqual(seen[1].message, "'title' is given more than once; keep one of them (the first one is checked).");
    });

    it('a missing closing quote is reported on the opening quote, not on the closing ---', () => {
      for (const q of ['"', "'"]) {
        const text = resource([`title: ${q}A resource`, 'focus: Bias']);
        const [f, ...rest] = analyzeText(text, config()).findings;
        assert.strictEqual(rest.length, 0);
        assert.strictEqual(f.code, 'yaml-syntax');
        assert.strictEqual(f.start, text.indexOf(q));
        assert.strictEqual(f.end, f.start + 1);
        assert.match(f.message, /quoted value is never closed/);
      }
    });
  });

  describe("the list fix's title shows what its edit writes", () => {
    const written = (after: string) => {
      // The field's new value: from the key's colon to the next field.
      const at = after.indexOf('readability:') + 'readability:'.length;
      return after
        .slice(at, after.indexOf('\ntype:', at))
        .replace(/^\s+/, '')
        .replace(/^\n\s*/, '');
    };
    const cases: [string, string, string[], string][] = [
      ['flow file, plain value', 'readability: Expert', [], 'Make it a list: [Expert]'],
      ['flow file, a value with a comma', 'readability: Expert, Beginner', [], 'Make it a list: ["Expert, Beginner"]'],
      ['flow file, a misspelt value', 'readability: "Expr"', [], 'Make it a list: ["Expert"]'],
      ['block file', 'readability: Expert', ['learnTags:', '  - bias'], 'Make it a block list: - Expert'],
      ['block file, a misspelt value', "readability: 'Expr'", ['learnTags:', '  - bias'], "Make it a block list: - 'Expert'"],
    ];
    for (const [name, line, extra, title] of cases) {
      it(name, () => {
        const text = withFields({ readability: line }, extra);
        const fix = fixesFor(text, 'invalid-type').find((f) => f.title.startsWith('Make it a'));
        assert.ok(fix);
        assert.strictEqual(fix.title, title);
        const after = applyOffsetEdits(text, fix.edits);
        const shown = title.replace(/^Make it a (block )?list: /, '');
        assert.strictEqual(written(after), shown);
      });
    }
  });
});
