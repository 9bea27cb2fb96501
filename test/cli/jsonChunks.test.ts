import * as assert from 'assert';
import { jsonChunks } from '../../server/src/cli/format/json';
import { writeChunks } from '../../server/src/cli/writeChunks';
import type { FileResult } from '../../server/src/cli/results';

/** The document as one `JSON.stringify`, the form the streamed chunks must join to byte for byte. */
function whole(results: FileResult[], summary: { files: number; errors: number; warnings: number; fixed: number }): string {
  return (
    JSON.stringify({
      version: 1,
      summary,
      results: results.map((r) => ({
        file: r.file,
        diagnostics: r.diagnostics.map(({ code, severity, message, range, fixable }) => ({ code, severity, message, range, fixable })),
      })),
    }) + '\n'
  );
}

function results(n: number): FileResult[] {
  return Array.from({ length: n }, (_, i) => ({
    file: `resources/§${i}-“quoted”.md`,
    path: `/r/resources/${i}.md`,
    diagnostics:
      i % 3 === 0
        ? [
            {
              code: 'required' as const,
              severity: 'error' as const,
              message: `The required field 'readability' is missing "${i}".`,
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
              fixable: i % 2 === 0,
              fingerprint: 'required:abc',
            },
          ]
        : [],
  }));
}

describe('--format json, streamed in chunks', () => {
  for (const n of [0, 1, 999, 1000, 1001, 2500]) {
    it(`${n} files: the chunks join to the whole document`, () => {
      const rs = results(n);
      const summary = { files: n, errors: rs.filter((r) => r.diagnostics.length).length, warnings: 0, fixed: 0, fixedFiles: 0 };
      const chunks = [...jsonChunks(rs, summary)];
      assert.strictEqual(chunks.join(''), whole(rs, { files: n, errors: summary.errors, warnings: 0, fixed: 0 }));
      assert.strictEqual(chunks.length, 2 + Math.ceil(n / 1000), 'a chunk per thousand files between the head and the tail');
    });
  }
});

describe('writing the chunks', () => {
  it('waits for the stream to drain before the next chunk, and keeps their order', async () => {
    const { EventEmitter } = await import('events');
    const written: string[] = [];
    let waiting = false;
    const stream = Object.assign(new EventEmitter(), {
      write(text: string): boolean {
        assert.ok(!waiting, 'no write while the buffer is full');
        written.push(text);
        waiting = true;
        setImmediate(() => {
          waiting = false;
          stream.emit('drain');
        });
        return false;
      },
    });
    await writeChunks(stream, ['a', 'b', 'c']);
    assert.deepStrictEqual(written, ['a', 'b', 'c']);
  });
});
