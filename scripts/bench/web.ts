/**
 * The web build beside the Node one: the bundles' sizes, and keystroke → diagnostics latency of the
 * same document in the same workspace (the example workspace, test/e2e/workspace), once from
 * `dist/server.js` over stdio and once from `dist/browserServer.js` in a Web Worker in headless
 * Chromium (its files in the page, on a `vscode-test-web://` folder). Budget: the worker's p95
 * within 2× the Node server's.
 */
import { existsSync, promises as fs, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { clientCapabilities, filesOf, serveWorkerPage } from '../../test/browser/workerPage';
import { BenchClient, fileUri, now } from './lspClient';
import { sleep, stats, type Stats } from './measure';

const REPO = path.resolve(__dirname, '../..');
const WORKSPACE = path.join(REPO, 'test/e2e/workspace');
const DOCUMENT = 'resources/foundation-models.md';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface WebResult {
  sizes: { file: string; bytes: number }[];
  node: Stats;
  worker: Stats | { error: string };
}

/** Where the title's text starts: each keystroke types or deletes a character there. */
function titleSpot(text: string): { line: number; character: number } {
  const line = text.split('\n').findIndex((l) => l.startsWith('title:'));
  return { line, character: 'title: "On'.length };
}

async function nodeKeystrokes(edits: number): Promise<number[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ra-bench-web-'));
  await fs.cp(WORKSPACE, root, { recursive: true });
  const client = new BenchClient([path.join(REPO, 'dist/server.js'), '--stdio'], () => ({}));
  try {
    await client.initialize(root, { trusted: true });
    await client.connection.sendNotification('initialized', {});
    const file = path.join(root, DOCUMENT);
    const uri = fileUri(file);
    const text = await fs.readFile(file, 'utf8');
    const first = client.waitFor((p) => p.params.uri === uri && p.params.version === 1, 20_000);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await first;
    await sleep(1000); // the workspace check of the other files is over
    const { line, character } = titleSpot(text);
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const published = client.waitFor((p) => p.params.uri === uri && p.params.version === version, 10_000);
      const range = { start: { line, character }, end: { line, character: i % 2 === 0 ? character : character + 1 } };
      const sent = now();
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: i % 2 === 0 ? 'x' : '' }],
      });
      times.push((await published).at - sent);
    }
    return times;
  } finally {
    await client.connection.sendRequest('shutdown').catch(() => undefined);
    client.child.kill();
    await fs.rm(root, { recursive: true, force: true });
  }
}

async function workerKeystrokes(edits: number): Promise<number[]> {
  const server = await serveWorkerPage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/?csp=eval`);
    const folder = 'vscode-test-web://mount/site';
    const uri = `${folder}/${DOCUMENT}`;
    const text = await fs.readFile(path.join(WORKSPACE, DOCUMENT), 'utf8');
    const { line, character } = titleSpot(text);
    return (await page.evaluate(
      async ([files, folder, uri, capabilities, line, character, edits]) => {
        type Lsp = {
          request(m: string, p: unknown): Promise<unknown>;
          notify(m: string, p: unknown): void;
          files: Record<string, string>;
          waiters: { uri: string; version: number; resolve: (at: number) => void }[];
          keystrokes(uri: string, from: number, line: number, character: number, n: number): Promise<number[]>;
        };
        const w = globalThis as unknown as { startServer(f: unknown, s: unknown): void; lsp: Lsp };
        w.startServer(files, {});
        await w.lsp.request('initialize', {
          processId: null,
          rootUri: folder,
          capabilities,
          initializationOptions: { trusted: true, root: folder },
        });
        w.lsp.notify('initialized', {});
        const first = new Promise((resolve) => w.lsp.waiters.push({ uri, version: 1, resolve }));
        w.lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: w.lsp.files[uri] } });
        await first;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return w.lsp.keystrokes(uri, 1, line, character, edits);
      },
      [filesOf(WORKSPACE, folder), folder, uri, clientCapabilities(false), line, character, edits] as const,
    )) as number[];
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function measureWeb(edits: number): Promise<WebResult> {
  const sizes = ['dist/server.js', 'dist/browserServer.js', 'dist/extension.js', 'dist/browserExtension.js'].map((file) => ({
    file,
    bytes: statSync(path.join(REPO, file)).size,
  }));
  const node = stats(await nodeKeystrokes(edits));
  let worker: WebResult['worker'];
  if (!existsSync(CHROMIUM)) worker = { error: `no Chromium at ${CHROMIUM}` };
  else worker = stats(await workerKeystrokes(edits));
  return { sizes, node, worker };
}

/** The bench's note: sizes side by side and the latency budget. */
export function webNote(r: WebResult, edits: number): string {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  const size = (f: string) => kb(r.sizes.find((s) => s.file === f)!.bytes);
  const ms = (s: Stats) => `p95 ${s.p95.toFixed(1)} ms (median ${s.median.toFixed(1)} ms)`;
  const sizes =
    `Web build (production bundles): server ${size('dist/server.js')} (Node) vs ${size('dist/browserServer.js')} (Web Worker); ` +
    `client ${size('dist/extension.js')} (Node) vs ${size('dist/browserExtension.js')} (browser). They differ by the transports ` +
    `(vscode-languageserver/node and languageclient/node carry IPC, stdio, pipes, process handling; the browser ones only postMessage) ` +
    `and by the disk workspace (Node's fs), which the worker replaces with requests to the client.`;
  if ('error' in r.worker) return `${sizes} Keystroke → diagnostics in the worker not measured: ${r.worker.error}.`;
  const ratio = r.worker.p95 / r.node.p95;
  return (
    `${sizes} Keystroke → diagnostics on ${DOCUMENT} of the example workspace, ${edits} edits: Node server ${ms(r.node)}, ` +
    `Chromium Web Worker ${ms(r.worker)}: **${ratio.toFixed(2)}×** (budget ≤ 2×, ${ratio <= 2 ? 'met' : '**missed**'}).`
  );
}
