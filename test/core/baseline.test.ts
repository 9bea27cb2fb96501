import * as assert from 'assert';
import {
  countFingerprints,
  fingerprintDiagnostics,
  matchBaseline,
  parseBaseline,
  serialiseBaseline,
  type Baseline,
} from '../../server/src/core/baseline';
import { analyzeText, toDiagnostics } from '../../server/src/core/service';
import { config, withFields } from './helpers';

/** The code and fingerprint of each diagnostic of a text, as the project computes them. */
function fingerprints(text: string): { code: string; fingerprint: string }[] {
  const cfg = config();
  const diagnostics = toDiagnostics(analyzeText(text, cfg), cfg);
  const prints = fingerprintDiagnostics(diagnostics, text);
  return diagnostics.map((d, i) => ({ code: String(d.code), fingerprint: prints[i] }));
}

const prints = (text: string) => fingerprints(text).map((f) => f.fingerprint);

/** The split of `now`'s findings by a baseline recorded from `then`. */
function against(then: string, now: string) {
  return matchBaseline(prints(now), countFingerprints(prints(then)));
}

const LEGACY = withFields({ focus: 'focus: Nope' }, ['jurisdiction: EU']);

describe('baseline fingerprints', () => {
  it('names the code and stands for the field and text, not the line', () => {
    const found = fingerprints(LEGACY);
    assert.deepStrictEqual(
      found.map((f) => f.code),
      ['invalid-value', 'unknown-field'],
    );
    for (const f of found) assert.match(f.fingerprint, new RegExp(`^${f.code}:[0-9a-f]{16}$`));
  });

  it('stay the same through lines inserted above, other fields edited, CRLF and indentation', () => {
    const base = prints(LEGACY);
    const moved = withFields({ title: 'title: "Another title"\nkeywords: [a, b]', source: 'source: Elsewhere' }, ['jurisdiction: EU']);
    assert.deepStrictEqual(prints(moved.replace('focus: "Bias"', 'focus: Nope')), base);
    assert.deepStrictEqual(prints(LEGACY.replace(/\n/g, '\r\n')), base);
    assert.deepStrictEqual(prints(LEGACY.replace('jurisdiction: EU', 'jurisdiction:    EU')), base);
  });

  it('tell the same mistake in another field apart', () => {
    const other = withFields({ type: 'type: Nope' });
    const [focus] = prints(withFields({ focus: 'focus: Nope' }));
    const [type] = prints(other);
    assert.notStrictEqual(focus, type);
    assert.deepStrictEqual(against(LEGACY, withFields({ focus: 'focus: Nope', type: 'type: Nope' }, ['jurisdiction: EU'])), {
      // focus: Nope (baselined), type: Nope (new), jurisdiction (baselined), in document order.
      baselined: [true, false, true],
      gone: 0,
    });
  });

  it('count repeats: one more of the same mistake is new, one fewer is fixed', () => {
    const once = withFields({}, ['learnTags: [bogus]']);
    const twice = withFields({}, ['learnTags: [bogus, bogus]']);
    const [bogus] = prints(once);
    const twicePrints = fingerprints(twice);
    assert.strictEqual(twicePrints.filter((f) => f.fingerprint === bogus).length, 2, 'both are the same finding');
    const grown = against(once, twice);
    assert.strictEqual(grown.baselined.filter((b) => !b).length, 2, 'the second bogus and the duplicate are new');
    assert.strictEqual(grown.gone, 0);
    const shrunk = against(twice, once);
    assert.deepStrictEqual(shrunk.baselined, [true]);
    assert.strictEqual(shrunk.gone, 2, 'one bogus and the duplicate-value are gone');
  });

  it('tell missing fields apart although they share the opening line', () => {
    const missing = prints(withFields({ title: null, focus: null }));
    assert.strictEqual(missing.length, 2);
    assert.notStrictEqual(missing[0], missing[1]);
  });

  it('count a fixed finding as gone', () => {
    assert.deepStrictEqual(against(LEGACY, withFields({}, ['jurisdiction: EU'])), { baselined: [true], gone: 1 });
  });
});

describe('the baseline file', () => {
  const baseline: Baseline = {
    files: new Map([
      ['resources/b.md', new Map([['unknown-field:2', 1]])],
      [
        'resources/a.md',
        new Map([
          ['invalid-value:9', 2],
          ['empty-value:1', 1],
        ]),
      ],
    ]),
  };

  it('is versioned JSON in a stable order, one line per fingerprint', () => {
    const text = serialiseBaseline(baseline);
    assert.strictEqual(
      text,
      [
        '{',
        '  "version": 1,',
        '  "files": {',
        '    "resources/a.md": {',
        '      "empty-value:1": 1,',
        '      "invalid-value:9": 2',
        '    },',
        '    "resources/b.md": {',
        '      "unknown-field:2": 1',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('reads back what it wrote', () => {
    const parsed = parseBaseline(serialiseBaseline(baseline), 'b.json');
    assert.ok(parsed.ok);
    assert.strictEqual(serialiseBaseline(parsed.baseline), serialiseBaseline(baseline));
  });

  it('refuses what is not a baseline, saying why and how to record one', () => {
    for (const [text, why] of [
      ['{', 'not JSON'],
      ['[]', 'not a JSON object'],
      ['{"version":2,"files":{}}', 'version 2, expected 1'],
      ['{"version":1}', 'no "files" object'],
      ['{"version":1,"files":{"a.md":{"x:1":0}}}', 'the count of x:1 in a.md'],
    ]) {
      const parsed = parseBaseline(text, 'b.json');
      assert.ok(!parsed.ok, text);
      assert.ok(parsed.error.startsWith('b.json is not a resource-lint baseline ('), parsed.error);
      assert.ok(parsed.error.includes(why), `${parsed.error} should say ${why}`);
      assert.ok(parsed.error.endsWith('record one with resource-lint --baseline-write b.json.'), parsed.error);
    }
  });
});
