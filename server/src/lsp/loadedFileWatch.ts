import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';

/**
 * Asks the editor to watch the files the configuration was loaded from that its own watchers miss: a
 * schema (`resourceAuthoring.schema`) or vocabulary named by a setting, or one outside the folder. The
 * client's static watchers cover the data files by their usual names inside the folder. Re-registered
 * whenever the set changes; needs the client's dynamic registration of watched files.
 */
export class LoadedFileWatch {
  private registration: Promise<Disposable | undefined> = Promise.resolve(undefined);
  private watched = '';

  constructor(
    private readonly connection: Connection,
    private readonly supported: () => boolean,
    private readonly coveredByClient: (file: string) => boolean,
  ) {}

  /** `files`: URIs. */
  update(files: readonly string[]): void {
    if (!this.supported()) return;
    const wanted = [...new Set(files.filter((f) => !this.coveredByClient(f)))].sort();
    const key = wanted.join('\n');
    if (key === this.watched) return;
    this.watched = key;
    const previous = this.registration;
    this.registration = previous.then(async (old) => {
      old?.dispose();
      if (wanted.length === 0) return undefined;
      const watchers = wanted.map((file) => {
        const uri = URI.parse(file);
        return { globPattern: { baseUri: Utils.dirname(uri).toString(), pattern: Utils.basename(uri) } };
      });
      return this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    });
  }
}
