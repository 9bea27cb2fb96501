import type { Scheduler } from '../core';
import { yieldToEvents } from './yieldToEvents';

/** The core's scheduler on Node's event loop: one macrotask turn to give way, real timers, a monotonic clock. */
export const nodeScheduler: Scheduler = {
  yield: yieldToEvents,
  after(ms, task) {
    const timer = setTimeout(task, ms);
    return { dispose: () => clearTimeout(timer) };
  },
  now: () => performance.now(),
};
