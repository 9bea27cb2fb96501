import { promises as fs } from 'fs';
import * as path from 'path';

/** The text of `<root>/.vscode/settings.json`: undefined when there is none, an error's message when it cannot be read. */
export async function readSettingsFile(root: string): Promise<{ file: string; text?: string; error?: string }> {
  const file = path.join(root, '.vscode', 'settings.json');
  try {
    return { file, text: await fs.readFile(file, 'utf8') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file };
    return { file, error: (e as Error).message };
  }
}

/** What a path on the command line names. */
export async function pathKind(absolute: string): Promise<'file' | 'folder' | undefined> {
  const stat = await fs.stat(absolute).catch(() => undefined);
  return stat?.isFile() ? 'file' : stat?.isDirectory() ? 'folder' : undefined;
}
