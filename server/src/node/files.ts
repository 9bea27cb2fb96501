import { promises as fs } from 'fs';
import * as path from 'path';
import { yieldToEvents } from './yieldToEvents';

/** Entries handled between yields to the event loop. */
const YIELD_EVERY = 1000;

/** Folders never searched: dependencies and VCS metadata. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Every file under `root`, as root-relative paths with `/` separators, skipping `node_modules` and
 * VCS folders. Breadth-first and asynchronous, so a large tree never blocks the event loop for long.
 */
export async function listFiles(root: string, accept: (relative: string) => boolean = () => true): Promise<string[]> {
  const out: string[] = [];
  let seen = 0;
  let queue: string[] = [''];
  while (queue.length > 0) {
    const next: string[] = [];
    await Promise.all(
      queue.map(async (dir) => {
        let entries;
        try {
          entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
        } catch {
          return; // unreadable folder: nothing to check in it
        }
        for (const e of entries) {
          // A folder of thousands of files: let other work in between (a keystroke in the server).
          if (++seen % YIELD_EVERY === 0) await yieldToEvents();
          const rel = dir ? `${dir}/${e.name}` : e.name;
          if (e.isDirectory()) {
            if (!SKIP.has(e.name)) next.push(rel);
          } else if (e.isFile() && accept(rel)) {
            out.push(rel);
          }
        }
      }),
    );
    queue = next;
  }
  return out.sort();
}

export function toRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
