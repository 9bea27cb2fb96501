import * as assert from 'assert';
import { fixAll } from './fixHelpers';
import { check, resource, withFields } from './helpers';

/** Bad input yields a clear diagnostic in bounded time; it never throws or hangs. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 };
}

describe('hostile and odd input', () => {
  it('an alias bomb is stopped with a yaml-syntax diagnostic', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1];
      lines.push(`${names[i]}: &${names[i]} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
    }
    const { value, ms } = timed(() => check(resource(lines)));
    assert.strictEqual(value.length, 1);
    assert.strictEqual(value[0].code, 'yaml-syntax');
    assert.match(value[0].message, /alias/i);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('an alias to no anchor is a yaml-syntax diagnostic on the alias', () => {
    const seen = check(withFields({ title: 'title: *nowhere' }));
    assert.deepStrictEqual(
      seen.map((s) => [s.code, s.text]),
      [['yaml-syntax', '*nowhere']],
    );
  });

  it('very deep nesting is refused before parsing', () => {
    const deep = 'x: ' + '['.repeat(100_000) + ']'.repeat(100_000);
    const { value } = timed(() => check(resource([deep])));
    assert.deepStrictEqual(
      value.map((s) => s.code),
      ['yaml-syntax'],
    );
    assert.match(value[0].message, /nests/);
  });

  it('deep block nesting parses without overflowing the stack', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) lines.push(' '.repeat(i) + `k${i}:`);
    const seen = check(resource(lines));
    assert.ok(seen.length > 0);
  });

  it('megabytes of frontmatter: one file-too-large information, nothing parsed', () => {
    const big = 'summary: "' + 'x'.repeat(2_000_000) + '"';
    const { value, ms } = timed(() => check(withFields({}, [big])));
    assert.deepStrictEqual(
      value.map((s) => [s.code, s.text]),
      [['file-too-large', '---']],
    );
    assert.match(value[0].message, /characters long/);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('binary junk in frontmatter and body', () => {
    let junk = '';
    for (let i = 0; i < 4096; i++) junk += String.fromCharCode((i * 7919) % 65536);
    assert.doesNotThrow(() => check(junk));
    assert.doesNotThrow(() => check(resource(['title: "' + junk.replace(/"/g, '') + '"'])));
    assert.doesNotThrow(() => check('---\n\0\0\0\x01\x02\n---\n'));
  });

  it('mojibake (UTF-8 read as Latin-1) is only text', () => {
    const seen = check(withFields({ title: 'title: "Chapter 4 â€” ðŸ“Š Training Data"' }));
    assert.deepStrictEqual(seen, []);
  });

  it('tabs, odd keys, and a lone --- file', () => {
    assert.doesNotThrow(() => check('---'));
    assert.doesNotThrow(() => check('---\n---'));
    assert.doesNotThrow(() => check(resource(['\ttitle: x', '? [a, b]', ': c', '1: 2', 'null: ~'])));
  });
  it('a file that is not UTF-8 text says so, on its first character', () => {
    const bytes = Buffer.alloc(3000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const binary = check(bytes.toString('utf8'));
    assert.deepStrictEqual(
      binary.map((s) => [s.code, s.text.length]),
      [['frontmatter-missing', 1]],
    );
    assert.match(binary[0].message, /binary data, not text/);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: x\n---\n', 'utf16le')]);
    const seen = check(utf16.toString('utf8'));
    assert.deepStrictEqual(
      seen.map((s) => s.code),
      ['frontmatter-missing'],
    );
    assert.match(seen[0].message, /UTF-16.*UTF-8/);

    const latin1 = check(Buffer.from('Caf\xe9 '.repeat(200), 'latin1').toString('utf8'));
    assert.match(latin1[0].message, /not valid UTF-8/);
    assert.match(check('Just a note without frontmatter.')[0].message, /has no frontmatter/);
  });
});

describe('hostile input at scale and hostile keys', () => {
  it('a key that is a map or a list is a yaml-syntax diagnostic on it, and yaml warns nothing on stderr', () => {
    const warnings: unknown[] = [];
    const onWarning = (w: unknown) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const seen = check(withFields({}, ['{ keywords: [] }: 1', '? [a, b]', ': c']));
      assert.deepStrictEqual(
        seen.map((s) => [s.code, s.text]),
        [
          ['yaml-syntax', '{ keywords: [] }'],
          ['yaml-syntax', '[a, b]'],
        ],
      );
      assert.match(seen[0].message, /key is a map/);
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepStrictEqual(warnings, []);
  });

  it('__proto__ is an unknown field and pollutes nothing; !!js/function is only text', () => {
    const seen = check(withFields({}, ['__proto__: { polluted: true }', 'fn: !!js/function "function () { return 1 }"']));
    assert.deepStrictEqual(
      seen.map((s) => [s.code, s.text]),
      [
        ['unknown-field', '__proto__'],
        ['unknown-field', 'fn'],
      ],
    );
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });

  it('20,000 distinct unknown keys (the 650 KB frontmatter that hung): every one found, fix-all leaves the body', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `key${i}: value${i}`);
    const text = withFields({}, keys);
    const seen = check(text);
    assert.strictEqual(seen.filter((s) => s.code === 'unknown-field').length, 20_000);
    assert.ok(fixAll(text).endsWith('---\nBody text.\n'));
  });

  it('40,000 repeated keys: each repeat is reported once, on its key', () => {
    const text = withFields(
      {},
      Array.from({ length: 40_000 }, () => 'dup: 1'),
    );
    const seen = check(text).filter((s) => s.code === 'yaml-syntax');
    assert.strictEqual(seen.length, 39_999);
    assert.ok(seen.every((s) => s.text === 'dup'));
  });

  it('a readability list of 10,000 repeats: fix-all keeps one item', () => {
    const text = withFields({ readability: `readability: [${Array(10_000).fill('"Expert"').join(', ')}]` });
    assert.strictEqual(check(text).filter((s) => s.code === 'duplicate-value').length, 9_999);
    assert.strictEqual(fixAll(text), withFields({ readability: 'readability: ["Expert"]' }));
  });

  it('lone CR line endings, NUL and control characters: diagnostics on the right characters', () => {
    const cr = withFields({ readability: 'readability: Expert' }, [], '\r');
    const seen = check(cr);
    assert.deepStrictEqual(
      seen.map((s) => [s.code, s.text]),
      [['yaml-syntax', '\r']],
    );
    assert.match(seen[0].message, /lone carriage return/);
    assert.doesNotThrow(() => check(withFields({ title: 'title: "a\u0000b\u0007c"' })));
    const line = 'summary: ' + 'y'.repeat(900_000);
    assert.deepStrictEqual(check(withFields({}, [line])), []);
  });
});
