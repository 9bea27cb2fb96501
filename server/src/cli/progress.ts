/**
 * "Checking 500/1,500 files" on stderr, for long runs on a terminal only: nothing is written when
 * stderr is a pipe or file, and nothing for runs shorter than `delayMs`.
 */
export interface Progress {
  tick(done: number): void;
  done(): void;
}

export function createProgress(
  stderr: { write(t: string): unknown; isTTY?: boolean },
  total: number,
  label: string,
  delayMs = 300,
): Progress {
  if (!stderr.isTTY || total === 0) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(done) {
      const now = Date.now();
      if (now - started < delayMs || now - last < 100) return;
      last = now;
      shown = true;
      stderr.write(`\r\x1b[K${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')} files…`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
