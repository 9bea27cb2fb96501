import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { CitingText } from '../core/report/features';
import { listFiles } from '../node/files';
import { yieldToEvents } from '../node/yieldToEvents';

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
/** Files read at once in a pass over the workspace. */
const READ_BATCH = 64;

export class WorkspaceTexts {
  private files = new Map<string, CachedFile>();
  private listing: { at: number; files: string[] } | undefined;
  private static readonly LISTING_TTL_MS = 3000;
  /** The disk texts as of the last full pass, for answers that may be a few seconds old (hover). */
  private disk: { at: number; byUri: Map<string, CitingText> } | undefined;
  private pass: Promise<CitingText[]> | undefined;
  /** The last list handed out, reused while neither the disk pass nor the open documents change. */
  private assembled: { disk: Map<string, CitingText>; open: CitingText[]; texts: CitingText[] } | undefined;

  constructor(
    private readonly root: () => string | undefined,
    private readonly accept: (relative: string) => boolean,
    private readonly open: () => CitingText[],
  ) {}

  /** Forget the listing (files created, deleted, or the settings changed). */
  invalidate(): void {
    this.listing = undefined;
    this.disk = undefined;
  }

  /**
   * Like `texts()`, but from the last pass over the disk when there is one, refreshing it in the
   * background once it is older than the listing's lifetime: a hover in a 15,000-file workspace must
   * not wait for 15,000 stats (about 250 ms here). The same array comes back while nothing changed,
   * so callers can cache what they compute from it.
   */
  async recentTexts(): Promise<CitingText[]> {
    if (!this.disk) return this.sharedPass();
    if (Date.now() - this.disk.at > WorkspaceTexts.LISTING_TTL_MS) void this.sharedPass().catch(() => undefined);
    return this.assemble(this.disk.byUri);
  }

  /** One pass over the disk at a time: hovers that come while it runs wait for the same pass. */
  private sharedPass(): Promise<CitingText[]> {
    this.pass ??= this.texts().finally(() => {
      this.pass = undefined;
    });
    return this.pass;
  }

  private assemble(disk: Map<string, CitingText>): CitingText[] {
    const open = this.open();
    const last = this.assembled;
    if (last && last.disk === disk && last.open.length === open.length && last.open.every((d, i) => d.uri === open[i].uri && d.text === open[i].text)) {
      return last.texts;
    }
    const byUri = new Map(disk);
    for (const doc of open) byUri.set(doc.uri, doc);
    const texts = [...byUri.values()];
    this.assembled = { disk, open, texts };
    return texts;
  }

  async texts(): Promise<CitingText[]> {
    const byUri = new Map<string, CitingText>();
    const root = this.root();
    if (root) {
      if (!this.listing || Date.now() - this.listing.at > WorkspaceTexts.LISTING_TTL_MS) {
        this.listing = { at: Date.now(), files: await listFiles(root, this.accept) };
      }
      const seen = new Set<string>();
      const readOne = async (rel: string): Promise<void> => {
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
          const uri = URI.file(file).toString();
          byUri.set(uri, { uri, text: cached.text });
        } catch {
          this.files.delete(file); // vanished since the listing: nothing cites from it
        }
      };
      // A few files at a time, yielding between: 15,000 reads at once kept the server from answering
      // anything else for up to 250 ms at a time while their completions were handled.
      const files = this.listing.files;
      for (let i = 0; i < files.length; i += READ_BATCH) {
        await Promise.all(files.slice(i, i + READ_BATCH).map(readOne));
        await yieldToEvents();
      }
      for (const f of this.files.keys()) if (!seen.has(f)) this.files.delete(f);
    }
    this.disk = { at: Date.now(), byUri };
    return this.assemble(byUri);
  }
}
