import { promises as fs } from 'fs';
import * as path from 'path';

/** Where the CLI writes and where it runs; the tests hand in their own. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** A usage or configuration problem: the message is printed and the CLI exits with status 2. */
export class ConfigurationError extends Error {}

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
