import * as assert from 'assert';
import { createProgress } from '../../server/src/cli/progress';

/** A stderr stand-in that records what is written. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (t: string) => written.push(t) };
}

describe('progress on stderr', () => {
  it('shows "Checking n/total files…" on a terminal, then clears the line', () => {
    const err = stream(true);
    const p = createProgress(err, 1500, 'Checking', 0);
    p.tick(500);
    p.done();
    assert.deepStrictEqual(err.written, ['\r\x1b[KChecking 500/1,500 files…', '\r\x1b[K']);
  });

  it('writes nothing when stderr is a pipe or a file', () => {
    const err = stream(false);
    const p = createProgress(err, 1500, 'Checking', 0);
    p.tick(500);
    p.done();
    assert.deepStrictEqual(err.written, []);
  });

  it('writes nothing for a run shorter than the delay', () => {
    const err = stream(true);
    const p = createProgress(err, 10, 'Checking', 10_000);
    p.tick(10);
    p.done();
    assert.deepStrictEqual(err.written, []);
  });
});
