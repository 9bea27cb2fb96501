/**
 * `npm run bench`: generates the corpora, runs every measurement side by side with the floor and the
 * peers, prints one table and writes `.bench/results.{json,md}` (and BENCHMARKS.md's results block
 * with `--write`). Flags:
 *   --sizes 1500,15000      library sizes for the CLI and the floor (add 150000 for the scaling check)
 *   --runs 5                runs per measurement (median and spread over them)
 *   --peer-sizes 1500       sizes at which yaml-language-server and remark run too
 *   --server-sizes 1500,15000  workspace sizes for the server's initial scan
 *   --edits 500             keystrokes / completions / hovers in the 15,000-file workspace
 *   --seed 1                corpus seed
 *   --dir DIR               where corpora are generated (default: $TMPDIR/resource-authoring-bench; kept between runs)
 *   --no-ci                 skips the --cache / --changed-since budgets (measured at 15,000 files)
 *   --ci-only               only those budgets (no CLI rows, clean libraries, peers or server scans)
 *   --clean-sizes 1500,15000  sizes also measured on a library without mistakes (CLI and floor; --no-clean skips)
 *   --no-web                skips the web build's sizes and its Web Worker keystroke latency (scripts/bench/web.ts)
 *   --mixes five,real       the mixes of mistakes, side by side: 5% of files, and shaped like the real library
 *                           (a third with findings); the interactive latencies run in the real-shaped workspace
 *   --no-cli --no-peers --no-server --no-hostile --profile --write
 *   --vocab-only            only the vocabulary refactorings' budgets (references, rename, index memory) at 15,000 files
 *   --no-vocab              skips them (they run at the largest server size otherwise)
 */
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { ensureCorpus, MISTAKE_RATE, MIXES, REPORT_FIXTURE, type Corpus, type Mix } from './corpus';
import { stats, type Stats } from './measure';
import { remarkRun, yamlFiles, yamlLanguageServerKeystrokes, yamlLanguageServerRun, type PeerFailure, type PeerRun } from './peers';
import { measureCiKit } from './ciKit';
import { CLI, cliRun, floorRun, interactive, serverScan, type InteractiveResult, type ScanResult } from './ours';
import { summariseProfile } from './profile';
import { reportIndexTiming } from './reportIndex';
import { hostileBench, hostileNotes } from './hostile';
import { renderMarkdown, type Results } from './render';
import { measureVocabulary, vocabularyNote } from './vocab';
import { measureWeb, webNote } from './web';

const REPO = path.resolve(__dirname, '../..');
/** Results and the bundled floor script (git-ignored). */
const WORK = path.join(REPO, '.bench');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const has = (name: string): boolean => process.argv.includes(`--${name}`);
const list = (name: string, fallback: string): number[] => flag(name, fallback).split(',').filter(Boolean).map(Number);

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function buildFloor(): Promise<string> {
  const outfile = path.join(WORK, 'floor.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'floor.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'warning',
  });
  return outfile;
}

function machine(): Results['machine'] {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** `--vocab-only`: the vocabulary budgets alone, printed (no results file is written). */
async function vocabularyOnly(): Promise<void> {
  const corpusDir = path.resolve(flag('dir', path.join(os.tmpdir(), 'resource-authoring-bench')));
  const corpus = await ensureCorpus(corpusDir, Number(flag('vocab-size', '15000')), Number(flag('seed', '1')));
  log(`vocabularies at ${corpus.manifest.size} files`);
  process.stdout.write(`${vocabularyNote(await measureVocabulary(corpus, Number(flag('runs', '5'))))}\n`);
}

async function main(): Promise<void> {
  if (has('vocab-only')) return vocabularyOnly();
  const ciOnly = has('ci-only');
  const sizes = has('no-cli') ? [] : list('sizes', ciOnly ? '15000' : '1500,15000');
  const runs = Number(flag('runs', '5'));
  const seed = Number(flag('seed', '1'));
  const peerSizes = has('no-peers') || ciOnly ? [] : list('peer-sizes', '1500');
  const serverSizes = has('no-server') || ciOnly ? [] : list('server-sizes', '1500,15000');
  const edits = Number(flag('edits', '500'));
  const cleanSizes = has('no-clean') || ciOnly ? [] : list('clean-sizes', sizes.filter((x) => x <= 15_000).join(','));
  const mixes = flag('mixes', MIXES.join(','))
    .split(',')
    .filter((m): m is Mix => (MIXES as readonly string[]).includes(m));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  // Corpora live outside the repo so editors, linters and globs in the repo never walk 150,000 files.
  const corpusDir = path.resolve(flag('dir', path.join(os.tmpdir(), 'resource-authoring-bench')));
  await fs.mkdir(WORK, { recursive: true });
  await fs.mkdir(corpusDir, { recursive: true });
  const results: Results = {
    command,
    date: new Date().toISOString(),
    machine: machine(),
    runs,
    seed,
    corpora: [],
    cli: [],
    peers: [],
    scans: [],
    notes: [],
  };
  const started = Date.now();

  const floor = await buildFloor();
  const haveCli = existsSync(CLI);
  if (!haveCli)
    results.notes.push(
      `Measurement 1 (CLI) not measured: ${path.relative(REPO, CLI)} is not built on this branch (the CLI is not merged yet).`,
    );

  const corpora = new Map<string, Corpus>();
  const corpusOf = (mix: Mix, size: number): Corpus => corpora.get(`${mix}:${size}`)!;
  for (const mix of mixes) {
    for (const size of [...new Set([...sizes, ...peerSizes, ...serverSizes])].sort((a, b) => a - b)) {
      const t = Date.now();
      const corpus = await ensureCorpus(corpusDir, size, seed, MISTAKE_RATE, mix);
      corpora.set(`${mix}:${size}`, corpus);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped from the summary
      const { files, ...manifest } = corpus.manifest;
      results.corpora.push(manifest);
      log(`corpus ${size} (${mix}): ${corpus.root} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  }

  // 1 + 5a: the CLI and the floor, interleaved run by run so machine load hits both alike.
  const measureCli = async (corpus: Corpus, n: number, clean: boolean, mix: Mix): Promise<Results['cli'][number]> => {
    const floorRuns: { wallMs: number; peakRssMb: number }[] = [];
    const ourRuns: { wallMs: number; peakRssMb: number }[] = [];
    let check = { floorInvalid: 0, errors: 0, warnings: 0 };
    let ourError: string | undefined;
    for (let r = 0; r <= n; r++) {
      const f = await floorRun(floor, corpus);
      if (r > 0) floorRuns.push(f);
      check.floorInvalid = f.invalid;
      if (!haveCli || ourError) continue;
      try {
        const o = await cliRun(corpus);
        if (r > 0) ourRuns.push(o);
        check = { ...check, errors: o.errors, warnings: o.warnings };
      } catch (e) {
        ourError = (e as Error).message;
      }
    }
    const wall = (xs: { wallMs: number }[]): Stats => stats(xs.map((x) => x.wallMs));
    const rss = (xs: { peakRssMb: number }[]): Stats => stats(xs.map((x) => x.peakRssMb));
    const size = corpus.manifest.size;
    return {
      size,
      clean,
      mix,
      floor: { wall: wall(floorRuns), rss: rss(floorRuns) },
      ours: ourRuns.length ? { wall: wall(ourRuns), rss: rss(ourRuns) } : { error: ourError ?? 'not built' },
      check,
    };
  };
  for (const size of ciOnly ? [] : sizes) {
    for (const mix of mixes) {
      const n = size >= 150_000 ? Math.min(runs, 3) : runs;
      log(`CLI vs floor at ${size} files (${mix}), ${n} runs (+1 warm-up)`);
      results.cli.push(await measureCli(corpusOf(mix, size), n, false, mix));
    }
  }
  // The same libraries without mistakes: how much of the gap to the floor is the full (position-keeping)
  // analysis that only files with findings get.
  for (const size of cleanSizes) {
    const corpus = await ensureCorpus(corpusDir, size, seed, 0);
    log(`CLI vs floor at ${size} files without mistakes, ${runs} runs (+1 warm-up)`);
    results.cli.push(await measureCli(corpus, runs, true, 'five'));
  }

  // The CI budgets: --cache on an unchanged library, --changed-since with 10 changed files.
  if (haveCli && sizes.includes(15_000) && !has('no-ci') && mixes.includes('five')) {
    log(`--cache and --changed-since at 15000 files, ${runs} runs (+1 warm-up)`);
    const ci = await measureCiKit(corpusOf('five', 15_000), WORK, runs);
    const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
    const ratio = ci.cached.median / ci.walkFloor.median;
    results.notes.push(
      `CI kit at ${ci.size.toLocaleString('en')} files: \`--cache\`, nothing changed, ${s(ci.cached.median)} (${s(ci.cached.min)}–${s(ci.cached.max)}) against Node's start-up plus the directory walk ${s(ci.walkFloor.median)}: **${ratio.toFixed(2)}×** (target ≤ 1.2×, ${ratio <= 1.2 ? 'met' : '**missed**'}); \`--changed-since\` with ${ci.changedFiles} changed files ${s(ci.changedSince.median)} (${s(ci.changedSince.min)}–${s(ci.changedSince.max)}) (target ≤ 0.3 s, ${ci.changedSince.median <= 300 ? 'met' : '**missed**'}).`,
    );
  }

  // 5b, 5c: the peers on the same files and schema.
  for (const [mix, size] of mixes.flatMap((m) => peerSizes.map((x) => [m, x] as const))) {
    const corpus = corpusOf(mix, size);
    log(`yaml-language-server at ${size} files (${mix}), ${runs} runs`);
    const texts = await yamlFiles(corpus);
    const yls: PeerRun[] = [];
    let ylsError: string | undefined;
    for (let r = 0; r < runs && !ylsError; r++) {
      const run = await yamlLanguageServerRun(corpus, texts);
      if ('error' in run) ylsError = run.error;
      else yls.push(run);
    }
    const remarkRuns = Math.min(runs, size > 5000 ? 1 : 3);
    log(`remark-lint-frontmatter-schema at ${size} files, ${remarkRuns} runs`);
    const remark: PeerRun[] = [];
    let remarkError: string | undefined;
    for (let r = 0; r < remarkRuns && !remarkError; r++) {
      const run: PeerRun | PeerFailure = await remarkRun(corpus, 600_000);
      if ('error' in run) remarkError = run.error;
      else remark.push(run);
    }
    const summary = (xs: PeerRun[], error: string | undefined) =>
      xs.length
        ? { wall: stats(xs.map((x) => x.wallMs)), rss: stats(xs.map((x) => x.peakRssMb)), filesWithFindings: xs[0].filesWithFindings }
        : { error: error ?? 'did not run' };
    results.peers.push({ size, mix, yamlLanguageServer: summary(yls, ylsError), remark: summary(remark, remarkError) });
  }

  // 2 + 3: the language server's initial scan, then keystrokes / completion / hover in the largest workspace.
  let lastSession: Awaited<ReturnType<typeof serverScan>> | undefined;
  const interactiveSize = serverSizes.includes(15_000) ? 15_000 : serverSizes[serverSizes.length - 1];
  const interactiveMix: Mix = mixes.includes('real') ? 'real' : mixes[0];
  for (const [mix, size] of mixes.flatMap((m) => serverSizes.map((x) => [m, x] as const))) {
    const corpus = corpusOf(mix, size);
    const n = Math.min(runs, 3);
    const interactiveHere = size === interactiveSize && mix === interactiveMix;
    log(`server scan at ${size} files (${mix}), ${n} runs`);
    const scans: ScanResult[] = [];
    let error: string | undefined;
    for (let r = 0; r < n && !error; r++) {
      const session = await serverScan(corpus);
      if ('error' in session.scan) error = session.scan.error;
      else scans.push(session.scan);
      if (interactiveHere && r === n - 1) lastSession = session;
      else await session.client.stop();
    }
    if (error && interactiveHere && !lastSession) lastSession = await serverScan(corpus);
    results.scans.push(
      scans.length
        ? {
            size,
            mix,
            scan: stats(scans.map((s) => s.scanMs)),
            rss: stats(scans.map((s) => s.rssMb)),
            peakRss: stats(scans.map((s) => s.peakRssMb)),
            duringScanP95: stats(scans.map((s) => s.duringScan.p95)),
            duringScanMax: stats(scans.map((s) => s.duringScan.max)),
            duringScanSamples: scans.reduce((a, s) => a + s.duringScan.n, 0),
            startupMax: scans.some((s) => s.startup) ? stats(scans.filter((s) => s.startup).map((s) => s.startup!.max)) : undefined,
            published: scans[0].published,
            withFindings: scans[0].withFindings,
          }
        : { size, mix, error: error ?? 'no run' },
    );
  }
  if (lastSession && interactiveSize) {
    log(`keystrokes, completion and hover in the ${interactiveSize}-file workspace (${interactiveMix}), ${edits} each`);
    let inter: InteractiveResult | { error: string };
    try {
      inter = await interactive(lastSession, edits);
    } catch (e) {
      inter = { error: (e as Error).message };
    }
    results.interactive = { size: interactiveSize, mix: interactiveMix, edits, result: inter };
    await lastSession.client.stop();
    if (peerSizes.length > 0) {
      const peerEdits = Math.min(edits, 50);
      log(`yaml-language-server keystrokes, ${peerEdits} edits`);
      results.peerKeystroke = {
        edits: peerEdits,
        result: await yamlLanguageServerKeystrokes(corpusOf(interactiveMix, interactiveSize), peerEdits),
      };
    }
  } else if (serverSizes.length === 0) results.notes.push('Measurements 2 and 3 (server) skipped with --no-server.');

  // The vocabulary refactorings' budgets, in process at the largest server size.
  const vocabSize = serverSizes[serverSizes.length - 1];
  if (vocabSize && !has('no-vocab')) {
    log(`vocabularies at ${vocabSize} files`);
    results.notes.push(vocabularyNote(await measureVocabulary(corpusOf(mixes[0], vocabSize), runs)));
  }

  // The web build: bundle sizes, and keystroke latency in a Chromium Web Worker against the Node server.
  if (!has('no-web') && !ciOnly) {
    const webEdits = Math.min(edits, 200);
    log(`web build: bundle sizes, ${webEdits} keystrokes in the Node server and in a Chromium Web Worker`);
    try {
      results.notes.push(webNote(await measureWeb(webEdits), webEdits));
    } catch (e) {
      results.notes.push(`Web build not measured: ${(e as Error).message}`);
    }
  }

  // The hostile section: expensive documents, their budgets.
  if (!has('no-hostile') && !ciOnly) {
    log('hostile documents in the server, 3 rounds');
    results.notes.push(...hostileNotes(await hostileBench()));
  }

  // 4: the report's section index.
  log('report index');
  results.report = await reportIndexTiming(REPORT_FIXTURE, runs * 4);

  if (has('profile') && haveCli) {
    const size = sizes[0];
    const dir = path.join(WORK, 'profiles');
    await fs.rm(dir, { recursive: true, force: true });
    log(`CPU profile of the CLI at ${size} files -> ${dir}`);
    await cliRun(corpusOf(interactiveMix, size), ['--cpu-prof', '--cpu-prof-dir', dir]);
    results.profile = { size, ...(await summariseProfile(dir)) };
  }

  results.machine.loadAfter = os.loadavg().map((l) => Number(l.toFixed(2)));
  results.totalSeconds = Math.round((Date.now() - started) / 1000);
  const markdown = renderMarkdown(results);
  await fs.writeFile(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2));
  await fs.writeFile(path.join(WORK, 'results.md'), markdown);
  process.stdout.write(`${markdown}\n`);
  if (has('write')) await writeBenchmarksDoc(markdown);
  log(`done in ${results.totalSeconds} s; results in .bench/results.md${has('write') ? ' and BENCHMARKS.md' : ''}`);
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated block of BENCHMARKS.md, leaving the written analysis around it alone. */
async function writeBenchmarksDoc(markdown: string): Promise<void> {
  const file = path.join(REPO, 'BENCHMARKS.md');
  const doc = existsSync(file) ? await fs.readFile(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  const block = `${START}\n${markdown}\n${END}`;
  await fs.writeFile(file, a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + END.length) : `${doc}\n${block}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
