import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ServerCapabilities,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { Project } from '../core';
import type { Guard } from './guarded';
import type { Publisher } from './publisher';

/** How long an open workspace-diagnostics request waits for a change before answering with none (the client asks again). */
const WORKSPACE_POLL_MS = 30000;

/**
 * Delivers the project's diagnostics the way the client wants them: pulled (LSP 3.17
 * `textDocument/diagnostic` for a document, `workspace/diagnostic` for the closed files, with
 * `workspace/diagnostic/refresh` when they change) where the client declares pull support, pushed
 * (`textDocument/publishDiagnostics`) otherwise, or when the client asks for push in its
 * initialization options (`diagnostics: "push"`: this extension's own client does, see the README).
 */
export class DiagnosticsDelivery {
  private pull = false;
  private refreshSupported = false;
  private project: Project | undefined;
  /** Each file's current result id: a new one whenever its diagnostics change. */
  private readonly resultIds = new Map<string, string>();
  /** What each result id was given for (version and diagnostics), so a check with the same outcome keeps its id. */
  private readonly contents = new Map<string, string>();
  private next = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly publisher: Publisher,
  ) {}

  initialize(capabilities: ClientCapabilities, project: Project, mode: unknown): void {
    this.project = project;
    this.pull = capabilities.textDocument?.diagnostic !== undefined && mode !== 'push';
    this.refreshSupported = capabilities.workspace?.diagnostics?.refreshSupport === true;
  }

  capabilities(): Pick<ServerCapabilities, 'diagnosticProvider'> {
    if (!this.pull) return {};
    return { diagnosticProvider: { identifier: 'resources', interFileDependencies: true, workspaceDiagnostics: true } };
  }

  /** The project's diagnostics of these files changed (or went). */
  changed(uris: readonly string[]): void {
    if (!this.project) return;
    if (!this.pull) return this.publisher.publish(this.project, uris);
    let any = false;
    for (const uri of uris) {
      const found = this.project.diagnostics(uri);
      const content = JSON.stringify([found?.version, found?.diagnostics ?? []]);
      if (this.contents.get(uri) === content) continue;
      this.contents.set(uri, content);
      this.resultIds.set(uri, String(++this.next));
      any = true;
    }
    if (!any) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
    if (this.refreshSupported) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  listen(settled: () => Promise<Project | undefined>, guard: Guard): void {
    this.connection.languages.diagnostics.on(
      guard('diagnostic', async (params: DocumentDiagnosticParams, token: CancellationToken) => {
        const project = await settled();
        const uri = params.textDocument.uri;
        // An open document is answered for its current version: wait for its check if it is still running.
        for (let i = 0; project && i < 20 && !token.isCancellationRequested && this.behind(project, uri); i++)
          await this.nextChange(token, 1000);
        return this.documentReport(project, uri, params.previousResultId);
      }),
    );
    this.connection.languages.diagnostics.onWorkspace(
      guard('workspaceDiagnostic', async (params: WorkspaceDiagnosticParams, token: CancellationToken) => {
        const project = await settled();
        const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
        let items = this.changedSince(project, previous);
        // Nothing new: hold the request until something changes (long polling), so closed files' problems arrive when found.
        if (items.length === 0 && !token.isCancellationRequested) {
          await this.nextChange(token, WORKSPACE_POLL_MS);
          items = this.changedSince(project, previous);
        }
        return { items } satisfies WorkspaceDiagnosticReport;
      }),
    );
  }

  private behind(project: Project, uri: string): boolean {
    const open = project.workspace.openDocument(uri);
    return open !== undefined && project.roleOf(uri) !== undefined && project.diagnostics(uri)?.version !== open.version;
  }

  private documentReport(project: Project | undefined, uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const resultId = this.resultIds.get(uri) ?? '0';
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: project?.diagnostics(uri)?.diagnostics ?? [] };
  }

  private changedSince(project: Project | undefined, previous: ReadonlyMap<string, string>): WorkspaceDocumentDiagnosticReport[] {
    if (!project) return [];
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, resultId] of this.resultIds) {
      if (previous.get(uri) === resultId) continue;
      const found = project.diagnostics(uri);
      items.push({
        kind: DocumentDiagnosticReportKind.Full,
        uri,
        resultId,
        version: found?.version ?? null,
        items: found?.diagnostics ?? [],
      });
    }
    return items;
  }

  private nextChange(token: CancellationToken, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const cancel = token.onCancellationRequested(done);
      this.waiters.push(done);
      function done(): void {
        clearTimeout(timer);
        cancel.dispose();
        resolve();
      }
    });
  }
}
