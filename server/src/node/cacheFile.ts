import { promises as fs } from 'fs';
import * as path from 'path';
import type { CacheStore } from '../core';

/**
 * The result cache in one file (`--cache-location`): read whole, written whole and atomically
 * (a temporary file in the same folder, then a rename), so a run that stops halfway leaves the old
 * cache or the new one, never half of either.
 */
export function cacheFile(file: string): CacheStore {
  return {
    async read() {
      try {
        return await fs.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    async write(text) {
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      try {
        await fs.writeFile(temp, text, { flag: 'wx' });
        await fs.rename(temp, file);
      } catch (e) {
        await fs.rm(temp, { force: true });
        throw e;
      }
    },
  };
}
