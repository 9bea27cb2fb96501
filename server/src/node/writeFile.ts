import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * Replaces a file's content atomically: the new bytes go to a temporary file in the same folder
 * (same file system, so the rename is atomic), which keeps the original's permissions and then
 * takes its name. A reader sees the old file or the new one, never half of either.
 */
export async function writeFileAtomic(file: string, content: Buffer): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const stat = await fs.stat(file);
  try {
    await fs.writeFile(temp, content, { mode: stat.mode & 0o7777, flag: 'wx' });
    await fs.chmod(temp, stat.mode & 0o7777);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
