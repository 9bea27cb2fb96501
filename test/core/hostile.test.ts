import * as assert from 'assert';
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

  it('megabytes of frontmatter: a clear diagnostic, quickly', () => {
    const big = 'summary: "' + 'x'.repeat(2_000_000) + '"';
    const { value, ms } = timed(() => check(withFields({}, [big])));
    assert.deepStrictEqual(
      value.map((s) => [s.code, s.text]),
      [['yaml-syntax', '---']],
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
