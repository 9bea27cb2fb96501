/**
 * The only way the core learns about files: a host (the disk for the CLI and the server, the editor's
 * open documents over it, an in-memory workspace in tests, a browser's virtual files) implements this.
 * Every method answers "not there" with `undefined` or an empty list, never by throwing.
 */

/** A document open in an editor: its text wins over the file on disk. */
export interface OpenDocument {
  uri: string;
  version: number;
  text: string;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  uri: string;
  kind: FileChangeKind;
}

/** Something that happened in the workspace, as the host tells the project. */
export type WorkspaceEvent =
  | { type: 'files'; changes: readonly FileChange[] }
  | { type: 'document'; uri: string; kind: 'opened' | 'changed' | 'closed' }
  | { type: 'settings' };

export interface Disposable {
  dispose(): void;
}

export interface Workspace {
  /** The folder's URI (`file:///…`, `mem:///…`); undefined when there is none (loose files only). */
  readonly folder: string | undefined;
  /** False in an untrusted workspace: then no workspace file is read as configuration. */
  readonly trusted: boolean;
  /** The `resourceAuthoring` settings section as the host holds it (nested or flat dotted keys); undefined: none. */
  settings(): Promise<unknown>;
  /**
   * Root-relative paths (`/`-separated, sorted) of the files under the folder that `accept` takes,
   * skipping dependency and VCS folders. The host walks the tree once and answers from its listing.
   */
  findFiles(accept: (relativePath: string) => boolean): Promise<string[]>;
  /** A file's text as an editor shows it (the open document's, else the file's without a BOM); undefined when absent or unreadable. */
  readText(uri: string): Promise<string | undefined>;
  /** Why the last `readText` of `uri` found nothing (`ENOENT`, `EACCES`), for messages; undefined when unknown. */
  unreadableReason?(uri: string): string | undefined;
  /**
   * A file's size and modification time as one string, without reading it: the result cache's first
   * test of whether a file changed. Undefined when unknown; only hosts with a cache need it.
   */
  stamp?(uri: string): Promise<string | undefined>;
  /**
   * The start of a file's text (as `readText` gives it) up to a line end, at least its first
   * `bytes` bytes' worth when it is longer; the whole text when shorter. For a look at the frontmatter
   * only, across many closed files. Without it, `readText` serves.
   */
  readHead?(uri: string, bytes: number): Promise<string | undefined>;
  /** The documents open in an editor. */
  openDocuments(): readonly OpenDocument[];
  openDocument(uri: string): OpenDocument | undefined;
  /** Changes of files, open documents and settings; a host without any (the CLI) leaves it out. */
  onDidChange?(listener: (event: WorkspaceEvent) => void): Disposable;
  /**
   * Replaces a file's text `expected` (as `readText` gave it) with `text`, keeping a BOM and every byte
   * it does not change, atomically. `true` when written; `false` when the file is no longer `expected`
   * (nothing written); otherwise why it could not be written (`EACCES`). Only hosts that write files have it.
   */
  writeText?(uri: string, expected: string, text: string): Promise<boolean | string>;
}

/** Where the project says what it did and what went wrong (the server's log; the CLI's stderr). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How a long task gives way to other work; hosts on an event loop pass their own. */
export interface Scheduler {
  /** Lets pending requests and I/O run before the task goes on. */
  yield(): Promise<void>;
  /** Runs `task` after `ms` milliseconds unless cancelled first. */
  after(ms: number, task: () => void): Disposable;
  /** Milliseconds from some fixed point, for durations. */
  now(): number;
}

/** The progress of a long workspace-wide check, shown by the host (a work-done progress bar, a CLI counter). */
export interface ProgressSink {
  report(done: number, total: number): void;
  done(): void;
}

export type ProgressFactory = (title: string, total: number) => ProgressSink | Promise<ProgressSink>;

/** Removes a UTF-8 byte order mark: editors show, and position, the text without it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
