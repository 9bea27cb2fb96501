import type { Connection } from 'vscode-languageserver';
import type { Project } from '../core';

/**
 * Sends the project's diagnostics to the editor. A closed file with nothing to show needs a message
 * only to withdraw problems sent before: in a large library that is nearly every file, and a flood
 * of empty publications would queue in front of the diagnostics of the file being typed in.
 */
export class Publisher {
  private readonly published = new Set<string>();

  /** `versionOf` names the version of an open document: every publication for one carries it. */
  constructor(
    private readonly connection: Connection,
    private readonly versionOf: (uri: string) => number | undefined = () => undefined,
  ) {}

  publish(project: Project, uris: readonly string[]): void {
    for (const uri of uris) {
      const found = project.diagnostics(uri);
      if (!found || (found.version === undefined && found.diagnostics.length === 0)) {
        this.clear(uri);
        continue;
      }
      this.published.add(uri);
      const { version, diagnostics } = found;
      void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    }
  }

  private clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    const version = this.versionOf(uri);
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics: [] } : { uri, version, diagnostics: [] });
  }
}
