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

/** `resource-lint --root CORPUS --format json`, checked for having really seen every file (REPORT_PATH included). */
export async function cliRun(corpus: Corpus, nodeArgs: readonly string[] = []): Promise<CliRun> {
  const run = await runNode(CLI, ['--root', corpus.root, '--format', 'json'], { cwd: corpus.root, nodeArgs, timeoutMs: 30 * 60_000 });
  let summary: { files?: number; errors?: number; warnings?: number } = {};
  try {
    summary = (JSON.parse(run.stdout) as { summary: typeof summary }).summary;
  } catch {
    throw new Error(`resource-lint printed no JSON (exit ${run.code}): ${run.stderr.slice(0, 800)}`);
  }
  // Every resource, and the report: without paths resource-lint checks reports too, as the editor does.
  const expected = corpus.manifest.size + 1;
  if (summary.files !== expected) throw new Error(`resource-lint checked ${summary.files} files, expected ${expected}`);
  return { ...run, files: summary.files ?? 0, errors: summary.errors ?? 0, warnings: summary.warnings ?? 0 };
}

export async function floorRun(floorScript: string, corpus: Corpus): Promise<ProcessRun & { invalid: number }> {
  const run = await runNode(floorScript, [corpus.root, corpus.schemaPath]);
  const out = JSON.parse(run.stdout) as { files: number; invalid: number };
  if (out.files !== corpus.manifest.size) throw new Error(`floor read ${out.files} files, expected ${corpus.manifest.size}`);
  return { ...run, invalid: out.invalid };
}

/**
 * The file the editor has open: the first resource whose body cites the report with a label
 * (`§4.3: adaptation`), so the keystrokes also re-check section references, and completion and hover
 * have a reference to work on. Falls back to the first file.
 */
async function openCandidate(corpus: Corpus): Promise<{ file: string; text: string }> {
  let first: { file: string; text: string } | undefined;
  for (const rel of corpus.manifest.files.slice(0, 500)) {
    const file = path.join(corpus.root, rel);
    const text = await fs.readFile(file, 'utf8');
    first ??= { file, text };
    if (/§\d+(\.\d+)*:/.test(text) && !text.startsWith('\ufeff') && !text.includes('\r')) return { file, text };
  }
  return first!;
}

function startServer(corpus: Corpus): BenchClient {
  return new BenchClient([SERVER, '--stdio'], () => ({}), corpus.root);
}

export interface ScanResult {
  /** From `initialized` to the last publishDiagnostics of a resource file that is not open. */
  scanMs: number;
  /** Distinct resource files (not open) that got diagnostics published (with or without findings). */
  published: number;
  withFindings: number;
  rssMb: number;
  peakRssMb: number;
  /** didChange -> publishDiagnostics of an open file while the scan runs (responsiveness). */
  duringScan: Stats;
  /** The same before the scan began: start-up (settings, vocabularies, schema, reports). */
  startup: Stats | undefined;
}

export interface ServerSession {
  client: BenchClient;
  capabilities: Record<string, unknown>;
  scan: ScanResult | { error: string };
  open: { uri: string; text: string; version: number };
}

/**
 * Starts the server on the corpus and measures its initial workspace scan: the time from
 * `initialized` to the end of the scan's work-done progress, which the server ends after the last
 * file's diagnostics (a server without progress: the last publication). While it runs, an open file is edited every
 * 25 ms (one edit at a time, so a slow answer is never hidden behind the next) to see whether the
 * editor stays responsive; 25 ms gives enough samples for a p95 of a scan that lasts a second.
 */
export async function serverScan(corpus: Corpus): Promise<ServerSession> {
  const client = startServer(corpus);
  const init = await client.initialize(corpus.root, { trusted: true });
  const capabilities = (init.capabilities ?? {}) as Record<string, unknown>;
  const { file, text } = await openCandidate(corpus);
  const uri = fileUri(file);
  const open = { uri, text, version: 1 };
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  const resources = new Set(corpus.manifest.files.map((f) => fileUri(path.join(corpus.root, f))));
  const seen = new Set<string>();
  let withFindings = 0;
  let last = 0;
  client.onPublish(({ params, at }) => {
    if (!resources.has(params.uri) || params.uri === uri) return;
    // Every publication counts towards the end of the scan: duplicate partners are re-published last.
    last = at;
    if (seen.has(params.uri)) return;
    seen.add(params.uri);
    if (params.diagnostics.length > 0) withFindings++;
  });
  const start = now();
  await client.connection.sendNotification('initialized', {});

  const samples: { sent: number; ms: number }[] = [];
  let scanning = true;
  const probe = (async () => {
    while (scanning) {
      await sleep(25);
      if (!scanning) break;
      const version = ++open.version;
      const edit =
        version % 2 === 0
          ? { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: 'x' }
          : { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '' };
      const published = client.waitFor((p) => p.params.uri === uri && p.params.version === version, 30_000).catch(() => undefined);
      const sent = now();
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] });
      const p = await published;
      if (p) samples.push({ sent, ms: p.at - sent });
    }
  })();

  const deadline = start + 120_000 + corpus.manifest.size * 10;
  let scan: ScanResult | { error: string };
  for (;;) {
    await sleep(50);
    const t = now();
    // Done when the scan's progress ends (after its last publication, duplicate partners included);
    // a server without progress: when every file has its diagnostics and nothing came for a second.
    if (client.progressEnds.length > 0) break;
    if (seen.size === resources.size - 1 && t - last > 1000) break;
    if (last > 0 && t - last > 5000) break;
    if (last === 0 && t - start > 5000) break;
    if (t > deadline) break;
  }
  scanning = false;
  await probe;
  // Leave the open file as it was, so later measurements start from the real text.
  if (open.version % 2 === 0) {
    const version = ++open.version;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '' }],
    });
    await client.waitFor((p) => p.params.uri === uri && p.params.version === version, 30_000).catch(() => undefined);
  }
  const seenOthers = [...seen].filter((u) => u !== uri).length;
  if (seenOthers === 0) {
    scan = { error: 'the server published diagnostics for no file it was not shown: it has no workspace scan in this build' };
  } else {
    const rss = client.rss();
    // Clean files get no publication (nothing to show), so the progress end marks the scan's end.
    const end = client.progressEnds[0] ?? last;
    // Keystrokes sent before the scan's progress began waited for start-up (the reports and the
    // vocabularies every check needs), not for the scan: reported apart.
    const begin = client.progressBegins[0] ?? start;
    const startup = samples.filter((x) => x.sent < begin).map((x) => x.ms);
    const during = samples.filter((x) => x.sent >= begin).map((x) => x.ms);
    scan = {
      scanMs: end - start,
      published: seen.size,
      withFindings,
      rssMb: rss.rssMb,
      peakRssMb: rss.peakRssMb,
      duringScan: stats(during),
      startup: startup.length ? stats(startup) : undefined,
    };
  }
  return { client, capabilities, scan, open };
}

export interface RequestTiming {
  /** What was asked, e.g. "completion after § in the body". */
  name: string;
  stats: Stats;
  /** The first request alone (it may fill caches, e.g. hover reads every file once). */
  first: number;
  /** Items (completion) or 1/0 for a hover with content, averaged over the requests. */
  answered: number;
}

export interface InteractiveResult {
  keystroke: Stats;
  requests: (RequestTiming | { name: string; error: string })[];
}

/**
 * Keystroke latency in an open resource: `edits` one-character edits (alternately typing into and
 * deleting from the title, then the focus value, which makes it invalid and valid again), each timed
 * from didChange to the publishDiagnostics of that version. Then completion and hover, `edits`
 * requests each, at the places an author asks for them: the focus value / key in the frontmatter
 * and a § reference in the body. A request the server does not answer there is reported as such.
 */
export async function interactive(session: ServerSession, edits: number): Promise<InteractiveResult> {
  const { client, open } = session;
  const lines = open.text.split(/\r?\n/);
  const at = (key: string): number =>
    Math.max(
      0,
      lines.findIndex((l) => l.startsWith(`${key}:`)),
    );
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
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: open.uri, version },
      contentChanges: [change],
    });
    keystroke.push((await published).at - sent);
  }
  const textDocument = { uri: open.uri };
  const timed = async (
    name: string,
    method: string,
    position: { line: number; character: number },
    count: (r: unknown) => number,
  ): Promise<RequestTiming | { name: string; error: string }> => {
    const samples: number[] = [];
    let total = 0;
    try {
      for (let i = 0; i < edits; i++) {
        const sent = now();
        const r = await client.connection.sendRequest(method, { textDocument, position });
        samples.push(now() - sent);
        total += count(r);
      }
    } catch (e) {
      return { name, error: `${method} failed: ${(e as Error).message}` };
    }
    if (total === 0) return { name, error: 'no answer there in this build (null / no items)' };
    return { name, stats: stats(samples), first: samples[0], answered: total / edits };
  };
  const items = (r: unknown): number => (Array.isArray(r) ? r.length : ((r as { items?: unknown[] } | null)?.items?.length ?? 0));
  const hovered = (r: unknown): number => (r ? 1 : 0);
  const requests: InteractiveResult['requests'] = [];
  const focusValue = { line: focusLine, character: Math.min(lines[focusLine].length, 8) };
  const refLine = lines.findIndex((l) => /§\d/.test(l));
  const ref = refLine >= 0 ? { line: refLine, character: lines[refLine].indexOf('§') } : undefined;
  const can = (cap: string): boolean => Boolean(session.capabilities[cap]);
  if (can('completionProvider')) {
    requests.push(await timed('completion: focus value (frontmatter)', 'textDocument/completion', focusValue, items));
    if (ref)
      requests.push(
        await timed('completion: after § in the body', 'textDocument/completion', { line: ref.line, character: ref.character + 1 }, items),
      );
  } else requests.push({ name: 'completion', error: 'the server does not offer completion in this build' });
  if (can('hoverProvider')) {
    requests.push(await timed('hover: focus key (frontmatter)', 'textDocument/hover', { line: focusLine, character: 2 }, hovered));
    if (ref)
      requests.push(
        await timed('hover: § reference in the body', 'textDocument/hover', { line: ref.line, character: ref.character + 2 }, hovered),
      );
  } else requests.push({ name: 'hover', error: 'the server does not offer hover in this build' });
  return { keystroke: stats(keystroke), requests };
}
