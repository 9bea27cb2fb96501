import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * The temporary files `--fix` writes before renaming them over a resource: named so a later run
 * recognises one a killed run left behind (`.<name>.resource-lint-<pid>.<random>.tmp`).
 */
const TEMP = /^\..+\.resource-lint-(\d+)\.[a-z0-9]+\.tmp$/;

export function fixTempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.resource-lint-${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
}

export function isFixTemp(relativePath: string): boolean {
  return TEMP.test(path.posix.basename(relativePath));
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of runs no longer running; returns the root-relative paths removed. */
export async function removeStaleTemps(root: string, relativePaths: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const rel of relativePaths) {
    const pid = Number(TEMP.exec(path.posix.basename(rel))?.[1]);
    if (!pid || running(pid)) continue;
    const removedOne = await fs.rm(path.join(root, rel), { force: true }).then(
      () => true,
      () => false,
    );
    if (removedOne) removed.push(rel);
  }
  return removed;
}
