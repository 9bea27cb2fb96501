import * as assert from 'assert';
import { CoalescedRun } from '../../server/src/core/project/coalescedRun';

describe('CoalescedRun (server: scans and reloads)', () => {
  it('runs one at a time; calls during a run collapse into one more run, and all wait for it', async () => {
    let runs = 0;
    let release: (() => void) | undefined;
    const seenPending: boolean[] = [];
    const job = new CoalescedRun(async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      seenPending.push(job.pending);
    });
    const first = job.run();
    const second = job.run();
    const third = job.run();
    assert.strictEqual(second, first);
    assert.strictEqual(third, first);
    release!();
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(runs, 2);
    release!();
    await first;
    assert.strictEqual(runs, 2);
    assert.deepStrictEqual(seenPending, [true, false]);
  });

  it('starts afresh after a run has finished, and after one that failed', async () => {
    let runs = 0;
    const job = new CoalescedRun(async () => {
      runs++;
      if (runs === 1) throw new Error('boom');
    });
    await assert.rejects(job.run(), /boom/);
    await job.run();
    assert.strictEqual(runs, 2);
  });
});
