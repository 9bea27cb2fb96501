import type { Connection } from 'vscode-languageserver';
import { insideFolder, withoutBom, type FileChange, type OpenDocument } from '../core';
import { ListFilesRequest, ReadFileRequest } from '../../../protocol/src/requests';
import type { FolderFiles } from './editorWorkspace';

export interface ClientWorkspaceOptions {
  /** The folder's URI (any scheme: `vscode-vfs://github/…`, `vscode-test-web://…`, `file:///…`); undefined: none. */
  folder: string | undefined;
  settings: () => Promise<unknown>;
  trusted: boolean;
}

/**
 * The folder's files as the client reaches them, for a server that has no file system of its own (the
 * Web Worker of VS Code for the Web): the listing and each text come through the client's
 * `workspace.fs` (`resourceAuthoring/fs/*` requests, protocol/src/requests.ts). The listing is asked
 * for once (again after `rescan`) and kept current from the client's watched-file events.
 */
export class ClientWorkspace implements FolderFiles {
  readonly folder: string | undefined;
  readonly trusted: boolean;
  private listing: Promise<Set<string>> | undefined;
  private readonly reasons = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly options: ClientWorkspaceOptions,
  ) {
    this.folder = options.folder;
    this.trusted = options.trusted;
  }

  settings(): Promise<unknown> {
    return this.options.settings();
  }

  async findFiles(accept: (relativePath: string) => boolean): Promise<string[]> {
    const folder = this.folder;
    if (!folder) return [];
    this.listing ??= this.connection.sendRequest(ListFilesRequest.type, { folder }).then(
      (all) => new Set(all),
      (e: unknown) => {
        this.connection.console.error(`Cannot list ${folder}: ${e instanceof Error ? e.message : String(e)}`);
        return new Set<string>();
      },
    );
    const all = await this.listing;
    return [...all].filter(accept).sort();
  }

  rescan(): void {
    this.listing = undefined;
  }

  noteChanges(changes: readonly FileChange[]): void {
    const folder = this.folder;
    for (const c of changes) this.reasons.delete(c.uri);
    if (!folder || !this.listing) return;
    void this.listing.then((all) => {
      for (const c of changes) {
        const rel = insideFolder(folder, c.uri);
        if (rel === undefined) continue;
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
    // As the disk host: in Restricted Mode no setting makes the server read a file outside the folder.
    if (!this.trusted && (this.folder === undefined || insideFolder(this.folder, uri) === undefined)) {
      this.reasons.set(uri, 'it is outside the folder, and the workspace is not trusted');
      return undefined;
    }
    try {
      const result = await this.connection.sendRequest(ReadFileRequest.type, { uri });
      if ('error' in result) {
        this.reasons.set(uri, result.error);
        return undefined;
      }
      this.reasons.delete(uri);
      return withoutBom(result.text);
    } catch (e) {
      this.reasons.set(uri, e instanceof Error ? e.message : String(e));
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
}
