import { promises as fs } from 'fs';
import * as path from 'path';
import type { Corpus } from './corpus';
import { BenchClient, fileUri, now } from './lspClient';
import { runNode, sleep, stats, type ProcessRun, type Stats } from './measure';

/** Our side: the CLI as a cold process, and the language server driven over stdio like an editor. */

const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'dist/cli.js');
export const SERVER = path.join(REPO, 'dist/server.js');

export interface CliRun extends ProcessRun {
  files: number;
  errors: number;
  warnings: number;
}

/** `resource-lint --root CORPUS --format json`, checked for having really seen every file. */
export async function cliRun(corpus: Corpus, nodeArgs: readonly string[] = []): Promise<CliRun> {
  const run = await runNode(CLI, ['--root', corpus.root, '--format', 'json'], { cwd: corpus.root, nodeArgs, timeoutMs: 30 * 60_000 });
  let summary: { files?: number; errors?: number; warnings?: number } = {};
  try {
    summary = (JSON.parse(run.stdout) as { summary: typeof summary }).summary;
  } catch {
    throw new Error(`resource-lint printed no JSON (exit ${run.code}): ${run.stderr.slice(0, 800)}`);
  }
  if (summary.files !== corpus.manifest.size) throw new Error(`resource-lint checked ${summary.files} files, expected ${corpus.manifest.size}`);
  return { ...run, files: summary.files ?? 0, errors: summary.errors ?? 0, warnings: summary.warnings ?? 0 };
}

export async function floorRun(floorScript: string, corpus: Corpus): Promise<ProcessRun & { invalid: number }> {
  const run = await runNode(floorScript, [corpus.root, corpus.schemaPath]);
  const out = JSON.parse(run.stdout) as { files: number; invalid: number };
  if (out.files !== corpus.manifest.size) throw new Error(`floor read ${out.files} files, expected ${corpus.manifest.size}`);
  return { ...run, invalid: out.invalid };
}

function startServer(corpus: Corpus): BenchClient {
  return new BenchClient([SERVER, '--stdio'], () => ({}), corpus.root);
}

export interface ScanResult {
  /** From `initialized` to the last resource file's publishDiagnostics. */
  scanMs: number;
  /** Distinct resource files that got diagnostics published (with or without findings). */
  published: number;
  withFindings: number;
  rssMb: number;
  peakRssMb: number;
  /** didChange -> publishDiagnostics of an open file while the scan runs (responsiveness). */
  duringScan: Stats;
}

export interface ServerSession {
  client: BenchClient;
  capabilities: Record<string, unknown>;
  scan: ScanResult | { error: string };
  open: { uri: string; text: string; version: number };
}

/**
 * Starts the server on the corpus and measures its initial workspace scan: the time from
 * `initialized` to the last resource file's diagnostics (complete when every file has been
 * published, else after 3 s without a new one). While it runs, an open file is edited every
 * 100 ms to see whether the editor stays responsive.
 */
export async function serverScan(corpus: Corpus): Promise<ServerSession> {
  const client = startServer(corpus);
  const init = await client.initialize(corpus.root, { trusted: true });
  const capabilities = (init.capabilities ?? {}) as Record<string, unknown>;
  const file = path.join(corpus.root, corpus.manifest.files[0]);
  const uri = fileUri(file);
  const text = await fs.readFile(file, 'utf8');
  const open = { uri, text, version: 1 };
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  const resources = new Set(corpus.manifest.files.map((f) => fileUri(path.join(corpus.root, f))));
  const seen = new Set<string>();
  let withFindings = 0;
  let last = 0;
  client.onPublish(({ params, at }) => {
    if (!resources.has(params.uri) || seen.has(params.uri)) return;
    seen.add(params.uri);
    if (params.diagnostics.length > 0) withFindings++;
    last = at;
  });
  const start = now();
  await client.connection.sendNotification('initialized', {});

  const during: number[] = [];
  let scanning = true;
  const probe = (async () => {
    while (scanning) {
      await sleep(100);
      if (!scanning) break;
      const version = ++open.version;
      const edit = version % 2 === 0 ? { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: 'x' } : { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '' };
      const published = client.waitFor((p) => p.params.uri === uri && p.params.version === version, 30_000).catch(() => undefined);
      const sent = now();
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] });
      const p = await published;
      if (p) during.push(p.at - sent);
    }
  })();

  const deadline = start + 120_000 + corpus.manifest.size * 10;
  let scan: ScanResult | { error: string };
  for (;;) {
    await sleep(50);
    const t = now();
    if (seen.size === resources.size) break;
    if (last > 0 && t - last > 3000) break;
    if (last === 0 && t - start > 5000) break;
    if (t > deadline) break;
  }
  scanning = false;
  await probe;
  // Leave the open file as it was, so later measurements start from the real text.
  if (open.version % 2 === 0) {
    const version = ++open.version;
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '' }] });
    await client.waitFor((p) => p.params.uri === uri && p.params.version === version, 30_000).catch(() => undefined);
  }
  const seenOthers = [...seen].filter((u) => u !== uri).length;
  if (seenOthers === 0) {
    scan = { error: 'the server published diagnostics for no file it was not shown: it has no workspace scan in this build' };
  } else {
    const rss = client.rss();
    scan = { scanMs: last - start, published: seen.size, withFindings, rssMb: rss.rssMb, peakRssMb: rss.peakRssMb, duringScan: stats(during) };
  }
  return { client, capabilities, scan, open };
}

export interface InteractiveResult {
  keystroke: Stats;
  completion: Stats | { error: string };
  hover: Stats | { error: string };
  completionItems: number;
  hoverEmpty: number;
}

/**
 * Keystroke latency in an open resource: `edits` one-character edits (alternately typing into and
 * deleting from the title, then the focus value, which makes it invalid and valid again), each timed
 * from didChange to the publishDiagnostics of that version. Then completion in the focus value and
 * hover on the focus key, `edits` requests each.
 */
export async function interactive(session: ServerSession, edits: number): Promise<InteractiveResult> {
  const { client, open } = session;
  const lines = open.text.split(/\r?\n/);
  const at = (key: string): number => Math.max(0, lines.findIndex((l) => l.startsWith(`${key}:`)));
  const titleLine = at('title');
  const focusLine = at('focus');
  const keystroke: number[] = [];
  for (let i = 0; i < edits; i++) {
    const line = i % 4 < 2 ? titleLine : focusLine;
    const insert = i % 2 === 0;
    const change = insert
      ? { range: { start: { line, character: 8 }, end: { line, character: 8 } }, text: 'x' }
      : { range: { start: { line, character: 8 }, end: { line, character: 9 } }, text: '' };
    const version = ++open.version;
    const published = client.waitFor((p) => p.params.uri === open.uri && p.params.version === version, 10_000);
    const sent = now();
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: open.uri, version }, contentChanges: [change] });
    keystroke.push((await published).at - sent);
  }
  const position = { line: focusLine, character: Math.min(lines[focusLine].length, 10) };
  const timed = async (method: string, params: object, count: (r: unknown) => number): Promise<{ stats: Stats; total: number } | { error: string }> => {
    const samples: number[] = [];
    let total = 0;
    try {
      for (let i = 0; i < edits; i++) {
        const sent = now();
        const r = await client.connection.sendRequest(method, params);
        samples.push(now() - sent);
        total += count(r);
      }
    } catch (e) {
      return { error: `${method} failed: ${(e as Error).message}` };
    }
    return { stats: stats(samples), total };
  };
  const textDocument = { uri: open.uri };
  const completion = session.capabilities.completionProvider
    ? await timed('textDocument/completion', { textDocument, position }, (r) => (Array.isArray(r) ? r.length : ((r as { items?: unknown[] } | null)?.items?.length ?? 0)))
    : { error: 'the server does not offer completion in this build' };
  const hover = session.capabilities.hoverProvider
    ? await timed('textDocument/hover', { textDocument, position: { line: focusLine, character: 2 } }, (r) => (r ? 0 : 1))
    : { error: 'the server does not offer hover in this build' };
  return {
    keystroke: stats(keystroke),
    completion: 'error' in completion ? completion : completion.stats,
    hover: 'error' in hover ? hover : hover.stats,
    completionItems: 'error' in completion ? 0 : completion.total / edits,
    hoverEmpty: 'error' in hover ? 0 : hover.total,
  };
}
