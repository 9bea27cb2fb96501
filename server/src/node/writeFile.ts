import { promises as fs } from 'fs';
import { fixTempName } from './fixTemps';

/**
 * Replaces a file's content atomically: the new bytes go to a temporary file in the same folder
 * (same file system, so the rename is atomic), which keeps the original's permissions and then
 * takes its name. A reader sees the old file or the new one, never half of either. A file that does
 * not exist yet is created so, with the default permissions.
 */
export async function writeFileAtomic(file: string, content: Buffer): Promise<void> {
  const temp = fixTempName(file);
  const mode = await fs.stat(file).then(
    (stat) => stat.mode & 0o7777,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    },
  );
  try {
    await fs.writeFile(temp, content, { ...(mode !== undefined ? { mode } : {}), flag: 'wx' });
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
