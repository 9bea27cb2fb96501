// One installer process for install-once.test.ts: waits for the test's start signal, then installs
// into the shared cache with the real lock and rename, through a fake install step that is slow
// enough for two racers to overlap and that logs each time it runs.
import * as fs from 'fs';
import * as path from 'path';
import { installInto, withLock } from '../../scripts/e2e/install-once';

async function main(): Promise<void> {
  const [cache, go, runs] = process.argv.slice(2);
  while (!fs.existsSync(go)) await new Promise((r) => setTimeout(r, 10));
  const target = path.join(cache, 'tool-1.0.0');
  await withLock(
    path.join(cache, '.install.lock'),
    () =>
      installInto(target, async (dir) => {
        fs.appendFileSync(runs, `${process.pid}\n`);
        for (let i = 0; i < 5; i++) {
          fs.writeFileSync(path.join(dir, `part-${i}`), `${i}\n`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }),
    { pollMs: 50, onWait: (holder) => console.log(`waited for ${holder.pid}`) },
  );
  // What a user of the install then reads: it must be whole.
  const parts = fs.readdirSync(target).filter((f) => f.startsWith('part-'));
  if (parts.length !== 5) throw new Error(`${target} has ${parts.length} parts`);
  console.log('ready');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
