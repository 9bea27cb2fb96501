import type { Scheduler } from '../core';

/**
 * The core's scheduler in a Web Worker: a message-channel turn to give way (a worker has no
 * `setImmediate`, and `setTimeout(0)` is clamped to 4 ms after a few nestings), real timers, the
 * worker's monotonic clock.
 */
export function workerScheduler(): Scheduler {
  const channel = new MessageChannel();
  const pending: (() => void)[] = [];
  channel.port1.addEventListener('message', () => pending.shift()?.());
  channel.port1.start();
  return {
    yield: () =>
      new Promise<void>((resolve) => {
        pending.push(resolve);
        channel.port2.postMessage(undefined);
      }),
    after(ms, task) {
      const timer = setTimeout(task, ms);
      return { dispose: () => clearTimeout(timer) };
    },
    now: () => performance.now(),
  };
}
