/**
 * A page that starts the web build's language server (dist/browserServer.js) in a real Web Worker
 * and stands in for the extension's browser client around it: it speaks JSON-RPC over postMessage,
 * answers the server's requests (settings, capability registration, progress, and the
 * `resourceAuthoring/fs/*` file requests from an in-page workspace), and records what the server
 * sends. Served over HTTP by the browser test and the bench; driven with page.evaluate.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
export const WORKER_BUNDLE = path.join(ROOT, 'dist', 'browserServer.js');

/**
 * The Content-Security-Policy VS Code for the Web gives its worker extension host (the script-src
 * of code-server 4.139.1's webWorkerExtensionHostIframe.html): generated code is allowed there.
 */
export const WORKBENCH_WORKER_CSP = "default-src 'none'; script-src 'self' 'unsafe-eval' blob:; connect-src 'self'";
/** A stricter policy without 'unsafe-eval', as a host that refuses generated code would set. */
export const NO_EVAL_CSP = "default-src 'none'; script-src 'self' blob:; connect-src 'self'";

/** The in-page client (plain JavaScript: it runs in the page). `window.lsp` is its handle. */
const CLIENT = String.raw`
window.startServer = (files, settings) => {
  const worker = new Worker('/browserServer.js' + location.search);
  let nextId = 1;
  const pending = new Map();
  const lsp = {
    diagnostics: new Map(), published: [], logs: [], errors: [], reads: 0, lists: 0, files,
    request(method, params) {
      const id = nextId++;
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    notify(method, params) { worker.postMessage({ jsonrpc: '2.0', method, params }); },
  };
  worker.onerror = (e) => lsp.errors.push(String(e.message || e));
  const answer = (id, result) => worker.postMessage({ jsonrpc: '2.0', id, result });
  const handlers = {
    'workspace/configuration': (p) => p.items.map(() => settings),
    'client/registerCapability': () => null,
    'client/unregisterCapability': () => null,
    'window/workDoneProgress/create': () => null,
    'resourceAuthoring/fs/listFiles': (p) => {
      lsp.lists++;
      const prefix = p.folder.replace(/\/?$/, '/');
      return Object.keys(files).filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length));
    },
    'resourceAuthoring/fs/readFile': (p) => {
      lsp.reads++;
      return p.uri in files ? { text: files[p.uri] } : { error: 'FileNotFound' };
    },
  };
  worker.onmessage = ({ data: m }) => {
    if (m.id !== undefined && m.method === undefined) {
      const w = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) w.reject(new Error(m.error.message)); else w.resolve(m.result);
    } else if (m.id !== undefined) {
      const h = handlers[m.method];
      answer(m.id, h ? h(m.params) : null);
    } else if (m.method === 'textDocument/publishDiagnostics') {
      lsp.diagnostics.set(m.params.uri, m.params);
      const at = performance.now();
      lsp.waiters = lsp.waiters.filter((w) => (w.uri === m.params.uri && w.version === m.params.version ? (w.resolve(at), false) : true));
      lsp.published.push({ uri: m.params.uri, version: m.params.version, at: performance.now(), count: m.params.diagnostics.length });
    } else if (m.method === 'window/logMessage') {
      lsp.logs.push(m.params.message);
    }
  };
  lsp.waiters = [];
  // n keystrokes at (line, character), typing and deleting an 'x' by turns; each timed in the page
  // from sending didChange to the publishDiagnostics of its version (the bench's measure).
  lsp.keystrokes = async (uri, fromVersion, line, character, n) => {
    const times = [];
    let version = fromVersion;
    for (let i = 0; i < n; i++) {
      const range = { start: { line, character }, end: { line, character: i % 2 === 0 ? character : character + 1 } };
      version++;
      const published = new Promise((resolve) => lsp.waiters.push({ uri, version, resolve }));
      const sent = performance.now();
      lsp.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: i % 2 === 0 ? 'x' : '' }] });
      times.push((await published) - sent);
    }
    return times;
  };
  window.lsp = lsp;
};
`;

export interface WorkerPageServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the page (`/?csp=eval|noeval`) and the worker bundle with the chosen Content-Security-Policy. */
export async function serveWorkerPage(): Promise<WorkerPageServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const csp = url.searchParams.get('csp') === 'noeval' ? NO_EVAL_CSP : WORKBENCH_WORKER_CSP;
    if (url.pathname === '/browserServer.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': csp });
      res.end(fs.readFileSync(WORKER_BUNDLE));
    } else if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      res.end(`<!DOCTYPE html><html><head><script src="/client.js"></script></head><body></body></html>`);
    } else if (url.pathname === '/client.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(CLIENT);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The files of a folder on disk as an in-page workspace: URI (under `folder`) → text. */
export function filesOf(dir: string, folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else files[`${folder}/${child}`] = fs.readFileSync(path.join(dir, child), 'utf8');
    }
  };
  walk('');
  return files;
}

/** The initialize request's capabilities of a client like VS Code's, with or without pull diagnostics. */
export function clientCapabilities(pull: boolean): Record<string, unknown> {
  return {
    workspace: {
      configuration: true,
      didChangeWatchedFiles: { dynamicRegistration: true },
      ...(pull ? { diagnostics: { refreshSupport: false } } : {}),
    },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
      completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true } },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
      },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    window: { workDoneProgress: true },
  };
}
