import { closeSync, constants, promises as fs, openSync, readFile, readFileSync, readSync, stat, statSync } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { FileChange, OpenDocument, Workspace } from '../core';
import { withoutBom } from '../core';
import { listFiles, toRelative } from './files';
import { realPath } from './textFile';
import { writeFileAtomic } from './writeFile';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface DiskWorkspaceOptions {
  /** The folder's absolute path; undefined for a host without one. */
  root: string | undefined;
  /** The `resourceAuthoring` settings section (the editor's, or the CLI's settings.json). */
  settings: () => Promise<unknown>;
  trusted?: boolean;
  /**
   * Reads each file in one synchronous call: for the CLI, which has nothing else to do meanwhile (over
   * a library of small files the event loop's round trips cost more than the reads). The server reads
   * asynchronously, so requests get in between.
   */
  blockingReads?: boolean;
}

/**
 * The files of a folder on disk: the one place that walks the tree, reads texts (without a BOM) and
 * writes fixes. Shared by the CLI and the server (which lays the editor's open documents over it).
 * The tree is walked once (again after `rescan`); `noteChanges` keeps the listing current from watched-file events.
 */
export class DiskWorkspace implements Workspace {
  readonly folder: string | undefined;
  readonly trusted: boolean;
  private listing: Promise<Set<string>> | undefined;
  private readonly reasons = new Map<string, string>();

  constructor(private readonly options: DiskWorkspaceOptions) {
    this.folder = options.root ? URI.file(options.root).toString() : undefined;
    this.trusted = options.trusted !== false;
  }

  get root(): string | undefined {
    return this.options.root;
  }

  settings(): Promise<unknown> {
    return this.options.settings();
  }

  async findFiles(accept: (relativePath: string) => boolean): Promise<string[]> {
    const root = this.options.root;
    if (!root) return [];
    this.listing ??= listFiles(root).then((all) => new Set(all));
    const all = await this.listing;
    return [...all].filter(accept).sort();
  }

  /**
   * Forgets the listing: the next `findFiles` walks the tree again. For changes no event told of
   * (a folder renamed or moved in reports nothing to watchers of file globs).
   */
  rescan(): void {
    this.listing = undefined;
  }

  /** Watched-file events: created files join the listing, deleted ones (and files under a deleted folder) leave it. */
  noteChanges(changes: readonly FileChange[]): void {
    const root = this.options.root;
    for (const c of changes) this.reasons.delete(c.uri);
    if (!root || !this.listing) return;
    void this.listing.then((all) => {
      for (const c of changes) {
        const rel = toRelative(root, URI.parse(c.uri).fsPath);
        if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
        if (c.kind === 'created') all.add(rel);
        else if (c.kind === 'deleted') {
          all.delete(rel);
          const prefix = `${rel}/`;
          for (const f of all) if (f.startsWith(prefix)) all.delete(f);
        }
      }
    });
  }

  async readText(uri: string): Promise<string | undefined> {
    const file = fsPathOf(uri);
    if (!file) return undefined;
    try {
      if (!this.trusted && this.options.root !== undefined && !inside(realPath(this.options.root), realPath(file))) {
        // Restricted Mode: a symbolic link (or a path) out of the folder is not followed.
        throw Object.assign(new Error('outside the workspace folder'), {
          code: 'outside the workspace folder (not read in Restricted Mode)',
        });
      }
      const text = withoutBom(this.options.blockingReads ? readRegularFileSync(file) : await readUtf8(file));
      this.reasons.delete(uri);
      return text;
    } catch (e) {
      this.reasons.set(uri, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
      return undefined;
    }
  }

  async stamp(uri: string): Promise<string | undefined> {
    const file = fsPathOf(uri);
    if (!file) return undefined;
    try {
      const info = this.options.blockingReads ? statSync(file) : await fs.stat(file);
      return info.isFile() ? `${info.size}:${info.mtimeMs}` : undefined;
    } catch {
      return undefined;
    }
  }

  async readHead(uri: string, bytes: number): Promise<string | undefined> {
    const file = this.options.blockingReads ? fsPathOf(uri) : undefined;
    if (!file) return this.readText(uri);
    try {
      return readHeadSync(file, bytes);
    } catch {
      return undefined;
    }
  }

  unreadableReason(uri: string): string | undefined {
    return this.reasons.get(uri);
  }

  openDocuments(): readonly OpenDocument[] {
    return [];
  }

  openDocument(): OpenDocument | undefined {
    return undefined;
  }

  /**
   * Writes `text` over the file whose (BOM-less) text was `expected`, changing only the bytes that
   * differ: the unchanged tail is copied from the file's own bytes, so a body that is not valid UTF-8
   * survives untouched. False (nothing written) when the file's bytes before that tail are not
   * `expected` any more.
   */
  async writeText(uri: string, expected: string, text: string): Promise<boolean | string> {
    const file = fsPathOf(uri);
    if (!file) return 'not a file on disk';
    try {
      const refused = await refusedTarget(file, this.options.root);
      if (typeof refused === 'string') return refused;
      const bytes = await fs.readFile(refused.target);
      const bom = bytes.subarray(0, 3).equals(UTF8_BOM);
      const body = bom ? bytes.subarray(3) : bytes;
      let same = 0;
      const most = Math.min(expected.length, text.length);
      while (same < most && expected.charCodeAt(expected.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
      if (same > 0 && same < expected.length && isLowSurrogate(expected.charCodeAt(expected.length - same))) same--;
      const oldHead = Buffer.from(expected.slice(0, expected.length - same), 'utf8');
      if (!body.subarray(0, oldHead.length).equals(oldHead)) return false;
      const newHead = Buffer.from(text.slice(0, text.length - same), 'utf8');
      await writeFileAtomic(refused.target, Buffer.concat([bom ? UTF8_BOM : Buffer.alloc(0), newHead, body.subarray(oldHead.length)]));
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const inside = (folder: string, file: string) => {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Where a fix of `file` may be written (the file a symbolic link inside the root names, so the link
 * stays a link), or why it must not be: a link out of the root, a read-only file or folder (its
 * permission bits: a rename would replace it, and root would pass an access check).
 */
async function refusedTarget(file: string, root: string | undefined): Promise<{ target: string } | string> {
  const target = await fs.realpath(file);
  if (root !== undefined && !inside(await fs.realpath(root), target)) {
    return `it is a symbolic link to ${target}, outside the root`;
  }
  const [info, folder] = await Promise.all([fs.stat(target), fs.stat(path.dirname(target))]);
  if ((info.mode & 0o222) === 0) return 'the file is read-only';
  if ((folder.mode & 0o222) === 0) return 'its folder is read-only';
  return { target };
}

/** A regular file's text (anything else fails with EISDIR, so a named pipe is never read). */
/** Reused by every `readHead`: reads are synchronous, one at a time. */
let headBuffer = Buffer.alloc(0);

/**
 * At least `bytes` bytes from the start of a file, decoded up to its last line end (UTF-8 cannot
 * split a character there), or the whole file when it is shorter. Opened without blocking, so a
 * pipe is an error rather than a wait; a folder fails to read.
 */
function readHeadSync(file: string, bytes: number): string {
  if (headBuffer.length < bytes) headBuffer = Buffer.alloc(bytes);
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    let n = readSync(fd, headBuffer, 0, bytes, 0);
    // A short read of a regular file is its end; try once more to be sure.
    if (n < bytes && n > 0) n += readSync(fd, headBuffer, n, bytes - n, n);
    if (n < bytes) return withoutBom(headBuffer.toString('utf8', 0, n));
    const end = headBuffer.lastIndexOf(0x0a, n - 1);
    // A head with no line end: the whole file is read.
    if (end < 0) return withoutBom(readRegularFileSync(file));
    return withoutBom(headBuffer.toString('utf8', 0, end + 1));
  } finally {
    closeSync(fd);
  }
}

function readRegularFileSync(file: string): string {
  if (!statSync(file).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  return readFileSync(file, 'utf8');
}

/**
 * The same without blocking, through Node's callback API: `fs.promises` goes through file handles and
 * took three times as long over a library of small files.
 */
function readUtf8(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stat(file, (e, info) => {
      if (e) return reject(e);
      if (!info.isFile()) return reject(Object.assign(new Error('not a file'), { code: 'EISDIR' }));
      readFile(file, 'utf8', (err, text) => (err ? reject(err) : resolve(text)));
    });
  });
}

function fsPathOf(uri: string): string | undefined {
  // The common case without parsing: on POSIX a file URI with nothing escaped is its path.
  if (path.sep === '/' && uri.startsWith('file:///') && !/[%?#]/.test(uri)) return uri.slice(7);
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
