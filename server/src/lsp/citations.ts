import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CitingText } from '../core/report/features';
import { listFiles } from '../node/files';

interface CachedFile {
  mtimeMs: number;
  size: number;
  text: string;
}

/**
 * The texts that may cite report sections: every resource and report file of the workspace, read from
 * disk (re-read only when its modification time or size changes) and overlaid with open documents.
 * The file listing is kept for a few seconds, so a burst of hovers does not walk the tree each time.
 */
export class WorkspaceTexts {
  private files = new Map<string, CachedFile>();
  private listing: { at: number; files: string[] } | undefined;
  private static readonly LISTING_TTL_MS = 3000;

  constructor(
    private readonly root: () => string | undefined,
    private readonly accept: (relative: string) => boolean,
    private readonly open: () => CitingText[],
  ) {}

  /** Forget the listing (files created, deleted, or the settings changed). */
  invalidate(): void {
    this.listing = undefined;
  }

  async texts(): Promise<CitingText[]> {
    const byUri = new Map<string, CitingText>();
    const root = this.root();
    if (root) {
      if (!this.listing || Date.now() - this.listing.at > WorkspaceTexts.LISTING_TTL_MS) {
        this.listing = { at: Date.now(), files: await listFiles(root, this.accept) };
      }
      const seen = new Set<string>();
      await Promise.all(this.listing.files.map(async (rel) => {
        const file = path.join(root, rel);
        seen.add(file);
        try {
          const stat = await fs.stat(file);
          let cached = this.files.get(file);
          if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
            const raw = await fs.readFile(file, 'utf8');
            // Editors show (and position) the text without its BOM.
            cached = { mtimeMs: stat.mtimeMs, size: stat.size, text: raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw };
            this.files.set(file, cached);
          }
          byUri.set(URI.file(file).toString(), { uri: URI.file(file).toString(), text: cached.text });
        } catch {
          this.files.delete(file); // vanished since the listing: nothing cites from it
        }
      }));
      for (const f of this.files.keys()) if (!seen.has(f)) this.files.delete(f);
    }
    for (const doc of this.open()) byUri.set(doc.uri, doc);
    return [...byUri.values()];
  }
}
