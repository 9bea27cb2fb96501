import type { Disposable, FileChange, OpenDocument, Workspace, WorkspaceEvent } from './host';
import { insideFolder, uriOf } from './paths';
import { withoutBom } from './host';

/** What a test can ask of the in-memory workspace: how often the project read and walked. */
export interface WorkspaceCounts {
  /** Calls of `findFiles` that walked the tree (the first; changes keep the listing current without walking). */
  walks: number;
  /** Calls of `findFiles` (answered from the listing, or walking it first). */
  finds: number;
  /** Calls of `readText` for files (not open documents). */
  reads: number;
  /** The URIs read, in order. */
  read: string[];
}

const SKIPPED = /(?:^|\/)(?:node_modules|\.git|\.hg|\.svn)\//;

/**
 * A workspace held in memory, for tests (and any host without a disk): files by root-relative path,
 * open documents over them, settings as an object, and events fired as they change. It counts walks
 * and reads, so tests can hold the project to "one walk at start-up, no read on a keystroke".
 */
export class MemoryWorkspace implements Workspace {
  readonly folder: string | undefined;
  trusted = true;
  readonly counts: WorkspaceCounts = { walks: 0, finds: 0, reads: 0, read: [] };
  private readonly files = new Map<string, string>();
  private readonly open = new Map<string, OpenDocument>();
  private listing: string[] | undefined;
  private raw: unknown;
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>();

  constructor(options: { folder?: string | null; files?: Record<string, string>; settings?: unknown; trusted?: boolean } = {}) {
    this.folder = options.folder === null ? undefined : (options.folder ?? 'mem:///workspace');
    for (const [rel, text] of Object.entries(options.files ?? {})) this.files.set(this.uri(rel), text);
    this.raw = options.settings;
    if (options.trusted === false) this.trusted = false;
  }

  /** The URI of a root-relative path (or a URI, unchanged). */
  uri(path: string): string {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
    if (!this.folder) throw new Error('a workspace without a folder takes URIs');
    return uriOf(this.folder, path);
  }

  async settings(): Promise<unknown> {
    return this.raw;
  }

  async findFiles(accept: (relativePath: string) => boolean): Promise<string[]> {
    if (!this.folder) return [];
    this.counts.finds++;
    if (!this.listing) {
      this.counts.walks++;
      const folder = this.folder;
      this.listing = [...this.files.keys()]
        .map((uri) => insideFolder(folder, uri))
        .filter((rel): rel is string => rel !== undefined && !SKIPPED.test(rel))
        .sort();
    }
    return this.listing.filter(accept);
  }

  async readText(uri: string): Promise<string | undefined> {
    const open = this.open.get(uri);
    if (open) return open.text;
    this.counts.reads++;
    this.counts.read.push(uri);
    const text = this.files.get(uri);
    return text === undefined ? undefined : withoutBom(text);
  }

  unreadableReason(uri: string): string | undefined {
    return this.files.has(uri) ? undefined : 'ENOENT';
  }

  async writeText(uri: string, expected: string, text: string): Promise<boolean | string> {
    const current = this.files.get(uri);
    if (current === undefined || withoutBom(current) !== expected) return false;
    this.files.set(uri, current.charCodeAt(0) === 0xfeff ? `\ufeff${text}` : text);
    return true;
  }

  openDocuments(): readonly OpenDocument[] {
    return [...this.open.values()];
  }

  openDocument(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  onDidChange(listener: (event: WorkspaceEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The bytes of a file as stored (a BOM included). */
  fileText(path: string): string | undefined {
    return this.files.get(this.uri(path));
  }

  // Changes, each announced as the editor or the disk would.

  /** Writes a file on "disk" (created or changed) and announces it. */
  writeFile(path: string, text: string): void {
    const uri = this.uri(path);
    const kind = this.files.has(uri) ? 'changed' : 'created';
    this.files.set(uri, text);
    if (kind === 'created') this.list(uri, true);
    this.fire({ type: 'files', changes: [{ uri, kind }] });
  }

  deleteFile(path: string): void {
    const uri = this.uri(path);
    this.files.delete(uri);
    this.list(uri, false);
    this.fire({ type: 'files', changes: [{ uri, kind: 'deleted' }] });
  }

  /** A rename: a delete and a create in one event, as editors send it. */
  renameFile(from: string, to: string): void {
    const oldUri = this.uri(from);
    const newUri = this.uri(to);
    const text = this.files.get(oldUri);
    if (text === undefined) return;
    this.files.delete(oldUri);
    this.files.set(newUri, text);
    this.list(oldUri, false);
    this.list(newUri, true);
    const changes: FileChange[] = [
      { uri: oldUri, kind: 'deleted' },
      { uri: newUri, kind: 'created' },
    ];
    this.fire({ type: 'files', changes });
  }

  openDocumentWith(path: string, text?: string, version = 1): OpenDocument {
    const uri = this.uri(path);
    const doc = { uri, version, text: text ?? withoutBom(this.files.get(uri) ?? '') };
    this.open.set(uri, doc);
    this.fire({ type: 'document', uri, kind: 'opened' });
    return doc;
  }

  /** A keystroke: the open document's new text, its version one more. */
  editDocument(path: string, text: string): void {
    const uri = this.uri(path);
    const doc = this.open.get(uri);
    if (!doc) throw new Error(`${path} is not open`);
    this.open.set(uri, { uri, version: doc.version + 1, text });
    this.fire({ type: 'document', uri, kind: 'changed' });
  }

  closeDocument(path: string): void {
    const uri = this.uri(path);
    this.open.delete(uri);
    this.fire({ type: 'document', uri, kind: 'closed' });
  }

  setSettings(raw: unknown): void {
    this.raw = raw;
    this.fire({ type: 'settings' });
  }

  /** Keeps the listing current as a watcher would, without walking again. */
  private list(uri: string, present: boolean): void {
    const rel = this.folder ? insideFolder(this.folder, uri) : undefined;
    if (!this.listing || rel === undefined) return;
    const rest = this.listing.filter((r) => r !== rel);
    this.listing = present && !SKIPPED.test(rel) ? [...rest, rel].sort() : rest;
  }

  private fire(event: WorkspaceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
