import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * An editor stand-in: spawns the built server over stdio and speaks JSON-RPC to it, answering
 * `workspace/configuration` from `settings` and recording every publishDiagnostics.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  settings: Record<string, unknown> = {};
  stderr = '';
  private versions = new Map<string, number>();

  constructor(readonly root: string) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** `extra`: capabilities merged into the client's `workspace` and `textDocument` ones (pull diagnostics, …). */
  async initialize(
    settings: Record<string, unknown> = {},
    initializationOptions: unknown = { trusted: true },
    extra: { workspace?: Record<string, unknown>; textDocument?: Record<string, unknown> } = {},
  ): Promise<void> {
    this.settings = settings;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(this.root),
      workspaceFolders: [{ uri: fileUri(this.root), name: path.basename(this.root) }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          ...extra.workspace,
        },
        textDocument: {
          ...extra.textDocument,
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          synchronization: { dynamicRegistration: false, didSave: true },
          completion: {
            completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
            isPreferredSupport: true,
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
          },
        },
        window: { workDoneProgress: true },
      },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
  }

  open(file: string, text: string, languageId = 'markdown'): string {
    const uri = fileUri(path.resolve(this.root, file));
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole text through an incremental change (a range covering everything). */
  change(
    uri: string,
    changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[],
  ): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits until the diagnostics of `uri` satisfy `accept` (polling the recorded notifications). */
  async waitForDiagnostics(
    uri: string,
    accept: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean,
    timeoutMs = 8000,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.diagnostics.get(uri);
      if (p && accept(p.diagnostics, p)) return p.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(p?.diagnostics.map((d) => [d.code, d.message]))}\nserver stderr: ${this.stderr}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // Awaited: written before the pipe closes (a write after it would throw on a destroyed stream).
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.child.kill();
  }

  get alive(): boolean {
    return this.child.exitCode === null && !this.child.killed;
  }
}
