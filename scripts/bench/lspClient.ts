import { spawn, type ChildProcess } from 'child_process';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { rssOf } from './measure';

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export interface Published {
  params: PublishDiagnosticsParams;
  /** process.hrtime in ms when the notification arrived. */
  at: number;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * An editor stand-in for benchmarks: spawns any language server over stdio, answers
 * `workspace/configuration` per section, and timestamps every publishDiagnostics as it arrives.
 */
export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly spawnedAt = now();
  /** Every publishDiagnostics, in arrival order. */
  readonly published: Published[] = [];
  private listeners: ((p: Published) => void)[] = [];
  /** When each work-done progress began and ended (the server's workspace scan reports one). */
  readonly progressBegins: number[] = [];
  readonly progressEnds: number[] = [];
  stderr = '';

  constructor(
    command: readonly string[],
    private readonly configuration: (section: string | undefined) => unknown,
    cwd?: string,
  ) {
    this.child = spawn(process.execPath, [...command], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const p = { params, at: now() };
      this.published.push(p);
      for (const l of this.listeners) l(p);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => this.configuration(i.section)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => []);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      if (p.value?.kind === 'begin') this.progressBegins.push(now());
      if (p.value?.kind === 'end') this.progressEnds.push(now());
    });
    this.connection.onUnhandledNotification(() => undefined);
    this.connection.listen();
  }

  onPublish(listener: (p: Published) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  async initialize(root: string, initializationOptions: unknown = {}): Promise<InitializeResult> {
    return this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: fileUri(root),
      rootPath: root,
      workspaceFolders: [{ uri: fileUri(root), name: 'bench' }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          synchronization: { dynamicRegistration: false, didSave: true },
          completion: {
            completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: true },
      },
      initializationOptions,
    });
  }

  /** Waits for the first publishDiagnostics that `accept`s, or rejects after `timeoutMs`. */
  waitFor(accept: (p: Published) => boolean, timeoutMs: number): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onPublish((p) => {
        if (!accept(p)) return;
        clearTimeout(timer);
        off();
        resolve(p);
      });
    });
  }

  rss(): { rssMb: number; peakRssMb: number } {
    return this.child.pid ? rssOf(this.child.pid) : { rssMb: NaN, peakRssMb: NaN };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 50));
    this.connection.dispose();
    this.child.kill();
  }
}
