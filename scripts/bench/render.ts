import type { CorpusManifest, Mix } from './corpus';
import type { Stats } from './measure';
import type { InteractiveResult } from './ours';
import type { PeerFailure } from './peers';
import type { ReportTiming } from './reportIndex';
import type { Hotspot } from './profile';

type Failure = { error: string };
type Measured = { wall: Stats; rss: Stats };
type PeerSummary = (Measured & { filesWithFindings: number }) | Failure;

export interface Results {
  command: string;
  date: string;
  machine: { cpu: string; memoryGb: number; node: string; os: string; loadBefore: number[]; loadAfter?: number[] };
  runs: number;
  seed: number;
  corpora: Omit<CorpusManifest, 'files'>[];
  cli: {
    size: number;
    clean?: boolean;
    mix?: Mix;
    floor: Measured;
    ours: Measured | Failure;
    check: { floorInvalid: number; errors: number; warnings: number };
  }[];
  peers: { size: number; mix?: Mix; yamlLanguageServer: PeerSummary; remark: PeerSummary }[];
  scans: (
    | {
        size: number;
        mix?: Mix;
        scan: Stats;
        rss: Stats;
        peakRss: Stats;
        duringScanP95: Stats;
        duringScanMax: Stats;
        duringScanSamples: number;
        startupMax?: Stats;
        published: number;
        withFindings: number;
      }
    | { size: number; mix?: Mix; error: string }
  )[];
  interactive?: { size: number; mix?: Mix; edits: number; result: InteractiveResult | Failure };
  peerKeystroke?: { edits: number; result: { latency: Stats; delayMs: number } | PeerFailure };
  report?: ReportTiming;
  profile?: { size: number; totalMs: number; functions: Hotspot[]; packages: Hotspot[] };
  notes: string[];
  totalSeconds?: number;
}

const n = (x: number): string => x.toLocaleString('en-US');
const sec = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const spread = (s: Stats, f: (x: number) => string): string => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const mb = (s: Stats): string => `${Math.round(s.median)} MB`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
const failed = <T extends object>(x: T | Failure): x is Failure => 'error' in x;
const mixOf = (x: { mix?: Mix }): Mix => x.mix ?? 'five';
/** A size with its mix, as the tables name a library. */
const library = (size: number, mix: Mix | undefined): string => `${n(size)} ${mix === 'real' ? 'real-shaped' : '5%'}`;

export function renderMarkdown(r: Results): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`Command: \`${r.command}\` — ${r.date}, ${r.totalSeconds ?? '?'} s in all.`);
  out.push(
    `Machine: ${m.cpu}, ${m.memoryGb} GB, ${m.os}, Node ${m.node}; load average ${m.loadBefore.join(' / ')} before, ${(m.loadAfter ?? []).join(' / ')} after (the 2 cores are shared with other agents, so absolute figures are noisy; ratios are taken within the same run, runs interleaved).`,
  );
  out.push(
    `Each figure: median (min–max) over ${r.runs} runs unless stated; wall time includes Node start-up; RSS is peak resident set size. Corpus seed ${r.seed}.`,
  );
  out.push('');
  out.push(
    '**Corpora**: ' +
      r.corpora
        .map(
          (c) =>
            `${library(c.size, c.mix)} files (${(c.bytes / 2 ** 20).toFixed(1)} MiB; mistakes: ${Object.entries(c.mistakes)
              .filter(([, v]) => v > 0)
              .map(([k, v]) => `${v} ${k}`)
              .join(', ')}; ${n(c.withReferences)} with section references)`,
        )
        .join('; ') +
      '.',
  );
  out.push('');
  out.push(
    "Two mixes of mistakes: **5%** of the files with one typical mistake each, and **real-shaped**, like the reference site's real library: about a third of the files with findings, most of them a legacy batch sharing three problems (no `readability`, a focus the data files lack, an undeclared field), the rest abbreviated values, unknown tags, missing links, legacy keys, duplicate links and § references to sections the report lacks; its vocabularies are in the site's data files, as the real library's are.",
  );
  out.push('');

  out.push('### 1 + 5. Whole library, cold process: ours vs the floor and the peers');
  out.push('');
  out.push('| files | tool | wall time | peak RSS | per file | ratio | files flagged |');
  out.push('|---:|---|---:|---:|---:|---|---:|');
  for (const c of r.cli) {
    const peer = c.clean ? undefined : r.peers.find((p) => p.size === c.size && mixOf(p) === mixOf(c));
    const files = c.clean ? `${n(c.size)} (no mistakes)` : library(c.size, c.mix);
    out.push(
      `| ${files} | floor (read + split + js-yaml + ajv) | ${spread(c.floor.wall, sec)} | ${mb(c.floor.rss)} | ${ms(c.floor.wall.median / c.size)} | | ${n(c.check.floorInvalid)} |`,
    );
    if (failed(c.ours)) out.push(`| ${files} | **resource-lint** | not measured: ${c.ours.error} | | | | |`);
    else
      out.push(
        `| ${files} | **resource-lint** | ${spread(c.ours.wall, sec)} | ${mb(c.ours.rss)} | ${ms(c.ours.wall.median / c.size)} | ours/floor **${ratio(c.ours.wall.median, c.floor.wall.median)}** | ${n(c.check.errors)} errors, ${n(c.check.warnings)} warnings |`,
      );
    if (!peer) continue;
    for (const [name, p] of [
      ['yaml-language-server (stdio, all files opened)', peer.yamlLanguageServer],
      ['remark-cli + remark-lint-frontmatter-schema', peer.remark],
    ] as const) {
      if (failed(p)) out.push(`| ${files} | ${name} | **could not run**: ${p.error} | | | | |`);
      else
        out.push(
          `| ${files} | ${name} | ${spread(p.wall, sec)} | ${mb(p.rss)} | ${ms(p.wall.median / c.size)} | ${failed(c.ours) ? '' : `peer/ours **${ratio(p.wall.median, c.ours.wall.median)}**`} | ${n(p.filesWithFindings)} |`,
        );
    }
  }
  for (const mix of ['five', 'real'] as const) {
    const measured = r.cli.filter((c) => !failed(c.ours) && !c.clean && mixOf(c) === mix);
    if (measured.length < 2) continue;
    const first = measured[0];
    const last = measured[measured.length - 1];
    const per = (c: (typeof measured)[number]): number => (c.ours as Measured).wall.median / c.size;
    out.push('');
    out.push(
      `Scaling (${mix === 'real' ? 'real-shaped' : '5%'}): per-file cost at ${n(last.size)} files is ${ratio(per(last), per(first))} that at ${n(first.size)} (floor: ${ratio(last.floor.wall.median / last.size, first.floor.wall.median / first.size)}).`,
    );
  }
  out.push('');

  out.push('### 2. Language server: initial workspace scan (spawned over stdio)');
  out.push('');
  out.push(
    "The scan ends when the server ends its progress, after the last file's diagnostics; clean files that never had problems get no publication (the editor shows them clean anyway), so only files with findings are counted as published. An open file is edited every 25 ms throughout (the next edit only after the previous one's diagnostics).",
  );
  out.push('');
  out.push(
    '| files | `initialized` → end of the scan | RSS after scan (peak) | keystroke→diagnostics during the scan: p95 / max (samples) | the same during start-up, before the scan: max | files published (with findings) |',
  );
  out.push('|---:|---:|---:|---:|---:|---:|');
  for (const s of r.scans) {
    if ('error' in s) out.push(`| ${library(s.size, s.mix)} | not measured: ${s.error} | | | | |`);
    else
      out.push(
        `| ${library(s.size, s.mix)} | ${spread(s.scan, sec)} | ${mb(s.rss)} (${mb(s.peakRss)}) | ${ms(s.duringScanP95.median)} / ${ms(s.duringScanMax.median)} (${n(s.duringScanSamples)}) | ${s.startupMax ? ms(s.startupMax.median) : '–'} | ${n(s.published)} (${n(s.withFindings)}) |`,
      );
  }
  out.push('');

  out.push('### 3. Language server: latency in an open resource');
  out.push('');
  if (r.interactive) {
    const i = r.interactive;
    out.push(
      `${library(i.size, i.mix)} workspace, ${i.edits} of each, one at a time; the server has no debounce (it checks on every change), so this is the whole delay an author sees.`,
    );
    out.push('');
    out.push('| request | p50 | p95 | max |');
    out.push('|---|---:|---:|---:|');
    if (failed(i.result)) out.push(`| all | not measured: ${i.result.error} | | |`);
    else {
      const row = (name: string, s: Stats | Failure): string =>
        failed(s) ? `| ${name} | not measured: ${s.error} | | |` : `| ${name} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} |`;
      out.push(row('didChange → publishDiagnostics', i.result.keystroke));
      for (const q of i.result.requests) {
        if (failed(q)) out.push(`| ${q.name} | not measured: ${q.error} | | |`);
        else
          out.push(
            row(
              `${q.name}${q.name.startsWith('completion') ? ` (${Math.round(q.answered)} items)` : ''}; first request ${ms(q.first)}`,
              q.stats,
            ),
          );
      }
    }
    if (r.peerKeystroke) {
      const p = r.peerKeystroke;
      if (failed(p.result)) out.push(`| yaml-language-server didChange → diagnostics | **could not run**: ${p.result.error} | | |`);
      else
        out.push(
          `| yaml-language-server didChange → diagnostics (${p.edits} edits; its built-in ${p.result.delayMs} ms validation delay included) | ${ms(p.result.latency.median)} | ${ms(p.result.latency.p95)} | ${ms(p.result.latency.max)} |`,
        );
    }
  } else out.push('Not measured (no server run).');
  out.push('');

  out.push('### 4. Report section index (seed report)');
  out.push('');
  if (!r.report || failed(r.report)) out.push(`Not measured: ${r.report && failed(r.report) ? r.report.error : 'skipped'}.`);
  else {
    const x = r.report;
    out.push(
      `${n(x.chars)} characters, ${x.sections} sections: first build ${ms(x.first)}, rebuild ${spread(x.warm, ms)} (in-process)${x.cli ? `; \`resource-lint sections --report … --format json\` as a cold process ${spread(x.cli, sec)}` : ''}.`,
    );
  }
  out.push('');

  if (r.profile) {
    out.push(`### CPU profile of the CLI at ${n(r.profile.size)} files (\`--cpu-prof\`, ${ms(r.profile.totalMs)} profiled)`);
    out.push('');
    out.push('| self time | share | function |');
    out.push('|---:|---:|---|');
    for (const h of r.profile.functions) out.push(`| ${ms(h.selfMs)} | ${(h.share * 100).toFixed(1)}% | \`${h.name}\` |`);
    out.push('');
  }

  out.push('### Targets');
  out.push('');
  out.push('| target | result | |');
  out.push('|---|---|---|');
  for (const t of targets(r)) out.push(`| ${t[0]} | ${t[1]} | ${t[2]} |`);
  if (r.notes.length) {
    out.push('');
    for (const note of r.notes) out.push(`- ${note}`);
  }
  return out.join('\n');
}

function targets(r: Results): [string, string, string][] {
  const rows: [string, string, string][] = [];
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : '**missed**');
  const standard = r.cli.filter((c) => !c.clean && mixOf(c) === 'five');
  const small = standard.find((c) => c.size === 1500) ?? standard[0];
  if (small) {
    const ours = failed(small.ours) ? undefined : small.ours.wall.median;
    rows.push([
      `CLI at ${n(small.size)} files ≤ 1.3× the floor`,
      ours ? ratio(ours, small.floor.wall.median) : '—',
      verdict(ours ? ours / small.floor.wall.median <= 1.3 : undefined),
    ]);
    const peer = r.peers.find((p) => p.size === small.size && mixOf(p) === 'five');
    if (peer) {
      for (const [name, p, want] of [
        ['yaml-language-server', peer.yamlLanguageServer, 3],
        ['remark', peer.remark, 25],
      ] as const) {
        const v = ours && !failed(p) ? p.wall.median / ours : undefined;
        rows.push([
          `${name} / ours ≈ ${want}×`,
          v ? `${v.toFixed(1)}×` : failed(p) ? `peer could not run` : '—',
          verdict(v === undefined ? undefined : v >= want),
        ]);
      }
    }
  }
  const measured = standard.filter((c) => !failed(c.ours));
  const big = measured[measured.length - 1];
  if (big && measured[0] && big !== measured[0]) {
    const per = (c: (typeof measured)[number]): number => (c.ours as Measured).wall.median / c.size;
    const growth = per(big) / per(measured[0]);
    rows.push([
      `linear: per-file cost at ${n(big.size)} ≤ 1.3× that at ${n(measured[0].size)}`,
      ratio(per(big), per(measured[0])),
      verdict(growth <= 1.3),
    ]);
    const rss = (big.ours as Measured).rss.median;
    rows.push([`peak RSS at ${n(big.size)} files < 1 GB (target stated for 150,000)`, `${Math.round(rss)} MB`, verdict(rss < 1024)]);
  }
  const scan = r.scans.find((s) => s.size === 15_000 && mixOf(s) === 'five');
  if (scan) {
    if ('error' in scan) rows.push(['server scan of 15,000 files < 5 s, RSS < 300 MB', 'not measured', verdict(undefined)]);
    else {
      rows.push(['server scan of 15,000 files < 5 s', sec(scan.scan.median), verdict(scan.scan.median < 5000)]);
      rows.push([
        'server RSS < 300 MB',
        `${Math.round(scan.rss.median)} MB (peak ${Math.round(scan.peakRss.median)} MB)`,
        verdict(scan.peakRss.median < 300),
      ]);
      rows.push([
        'editor responsive during the scan (keystroke p95 < 10 ms)',
        ms(scan.duringScanP95.median),
        verdict(scan.duringScanP95.median < 10),
      ]);
    }
  }
  rows.push(...realShapedTargets(r, verdict));
  const i = r.interactive?.result;
  if (i && !failed(i)) {
    const where = r.interactive?.mix === 'real' ? ' (real-shaped workspace)' : '';
    rows.push([`keystroke → diagnostics p95 < 10 ms${where}`, ms(i.keystroke.p95), verdict(i.keystroke.p95 < 10)]);
    if (r.interactive?.mix === 'real')
      rows.push(['real-shaped: keystroke → diagnostics p95 after the scan ≤ 1 ms', ms(i.keystroke.p95), verdict(i.keystroke.p95 <= 1)]);
    for (const q of i.requests) {
      if (failed(q)) rows.push([`${q.name} p95 < 5 ms`, 'not measured', verdict(undefined)]);
      else rows.push([`${q.name} p95 < 5 ms`, ms(q.stats.p95), verdict(q.stats.p95 < 5)]);
    }
  }
  if (r.report)
    rows.push([
      'report index < 30 ms',
      failed(r.report) ? 'not measured' : `${ms(r.report.first)} first, ${ms(r.report.warm.median)} rebuild`,
      verdict(failed(r.report) ? undefined : r.report.first < 30),
    ]);
  return rows;
}

/** The budgets of the real-shaped mix (issue 18): the CLI against the floor, RSS at scale, the scan, the peer. */
function realShapedTargets(r: Results, verdict: (ok: boolean | undefined) => string): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (const c of r.cli.filter((x) => !x.clean && mixOf(x) === 'real')) {
    const want = c.size <= 1500 ? 1.3 : 1.5;
    const ours = failed(c.ours) ? undefined : c.ours.wall.median;
    rows.push([
      `real-shaped: CLI at ${n(c.size)} files ≤ ${want}× the floor`,
      ours ? ratio(ours, c.floor.wall.median) : '—',
      verdict(ours ? ours / c.floor.wall.median <= want : undefined),
    ]);
    if (c.size >= 150_000 && !failed(c.ours))
      rows.push([
        `real-shaped: peak RSS at ${n(c.size)} files ≤ 400 MB`,
        `${Math.round(c.ours.rss.median)} MB`,
        verdict(c.ours.rss.median <= 400),
      ]);
    const peer = r.peers.find((p) => p.size === c.size && mixOf(p) === 'real');
    if (peer && ours) {
      const p = peer.yamlLanguageServer;
      const v = failed(p) ? undefined : p.wall.median / ours;
      rows.push([
        `real-shaped: yaml-language-server / ours at ${n(c.size)} files ≥ 4×`,
        v ? `${v.toFixed(1)}×` : 'peer could not run',
        verdict(v === undefined ? undefined : v >= 4),
      ]);
    }
  }
  const scan = r.scans.find((s) => s.size === 15_000 && mixOf(s) === 'real');
  if (scan && !('error' in scan)) {
    rows.push([
      'real-shaped: server `initialized` → end of scan, 15,000 files ≤ 1.5 s',
      sec(scan.scan.median),
      verdict(scan.scan.median <= 1500),
    ]);
    rows.push([
      'real-shaped: keystroke → diagnostics p95 during that scan ≤ 5 ms',
      ms(scan.duringScanP95.median),
      verdict(scan.duringScanP95.median <= 5),
    ]);
  }
  return rows;
}
