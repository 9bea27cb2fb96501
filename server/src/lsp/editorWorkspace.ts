import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Disposable, FileChange, OpenDocument, Workspace, WorkspaceEvent } from '../core';

/**
 * The files of the folder a server owns, as a host reaches them (the disk in Node, the client's file
 * system in a browser): a workspace that keeps one listing, refreshed by watched-file events and by `rescan`.
 */
export interface FolderFiles extends Workspace {
  /** Forgets the listing: the next `findFiles` lists the folder again. */
  rescan(): void;
  /** Watched-file events: created files join the listing, deleted ones leave it. */
  noteChanges(changes: readonly FileChange[]): void;
}

/**
 * The editor's view of the folder: the disk, with the open documents laid over it. The editor's
 * notifications (documents, watched files, settings) become the workspace's change events.
 */
export class EditorWorkspace implements Workspace {
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>();

  constructor(
    private readonly disk: FolderFiles,
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    documents.onDidChangeContent(({ document }) => this.fire({ type: 'document', uri: document.uri, kind: 'changed' }));
    documents.onDidClose(({ document }) => this.fire({ type: 'document', uri: document.uri, kind: 'closed' }));
  }

  get folder(): string | undefined {
    return this.disk.folder;
  }

  get trusted(): boolean {
    return this.disk.trusted;
  }

  settings(): Promise<unknown> {
    return this.disk.settings();
  }

  findFiles(accept: (relativePath: string) => boolean): Promise<string[]> {
    return this.disk.findFiles(accept);
  }

  readText(uri: string): Promise<string | undefined> {
    const doc = this.documents.get(uri);
    return doc ? Promise.resolve(doc.getText()) : this.disk.readText(uri);
  }

  unreadableReason(uri: string): string | undefined {
    return this.disk.unreadableReason?.(uri);
  }

  openDocuments(): readonly OpenDocument[] {
    return this.documents.all().map(asOpen);
  }

  openDocument(uri: string): OpenDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && asOpen(doc);
  }

  onDidChange(listener: (event: WorkspaceEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** `workspace/didChangeWatchedFiles` (a rename is a delete and a create). */
  filesChanged(changes: readonly FileChange[]): void {
    this.disk.noteChanges(changes);
    this.fire({ type: 'files', changes });
  }

  /**
   * `workspace/didChangeConfiguration`: the settings are pulled again, and everything is checked
   * again on a fresh listing of the tree, which then also finds files no watched-file event named.
   */
  settingsChanged(): void {
    this.disk.rescan();
    this.fire({ type: 'settings' });
  }

  private fire(event: WorkspaceEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function asOpen(doc: TextDocument): OpenDocument {
  return { uri: doc.uri, version: doc.version, text: doc.getText() };
}
