import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResourceLanguageService } from '../core/service';
import type { WorkspaceState } from './workspace';

/** Pushes diagnostics for open resource documents; clears them for documents that stop being resources. */
export class DiagnosticsPublisher {
  private published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: ResourceLanguageService,
    private readonly workspace: WorkspaceState,
    /** Report files are checked too (their own section references); undefined: resources only. */
    private readonly isReport: (uri: string) => boolean = () => false,
  ) {}

  validate(doc: TextDocument): void {
    const role = this.workspace.isResource(doc.uri) ? 'resource' : this.isReport(doc.uri) ? 'report' : undefined;
    if (!role) {
      this.clear(doc.uri);
      return;
    }
    let diagnostics: Diagnostic[];
    try {
      const text = { uri: doc.uri, version: doc.version, text: doc.getText(), role } as const;
      for (const f of this.service.analyze(text).failures) this.connection.console.error(`Checking ${doc.uri} failed: ${f}`);
      diagnostics = this.service.diagnostics(text);
    } catch (e) {
      // The server outlives anything a document contains: log, publish nothing for this version.
      this.connection.console.error(`Checking ${doc.uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
      diagnostics = [];
    }
    this.published.add(doc.uri);
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  validateAll(): void {
    for (const doc of this.documents.all()) this.validate(doc);
  }

  clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
