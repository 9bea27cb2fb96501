import { spawn } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROBE = path.join(__dirname, 'rss-probe.cjs');

export interface ProcessRun {
  wallMs: number;
  /** Peak resident set size in MiB. */
  peakRssMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node [nodeArgs] script args` as a cold process and measures wall time (spawn to exit, so
 * Node start-up is included, as a user or CI sees it) and peak RSS (through the preloaded probe).
 */
export async function runNode(
  script: string,
  args: readonly string[],
  opts: { cwd?: string; timeoutMs?: number; nodeArgs?: readonly string[] } = {},
): Promise<ProcessRun> {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '-r', PROBE, script, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (timer) clearTimeout(timer);
  let peakRssMb = NaN;
  try {
    peakRssMb = Number(await fs.readFile(rssFile, 'utf8')) / 1024;
    await fs.rm(rssFile, { force: true });
  } catch {
    // killed before exit: no probe output
  }
  return { wallMs, peakRssMb, code, stdout, stderr };
}

/** Current and peak RSS (MiB) of a live process, from /proc (Linux). */
export function rssOf(pid: number): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}

export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
  p95: number;
}

export function stats(values: readonly number[]): Stats {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN, p95: NaN };
  const q = (p: number): number => {
    const i = (v.length - 1) * p;
    const lo = Math.floor(i);
    return v[lo] + (v[Math.ceil(i)] - v[lo]) * (i - lo);
  };
  return { n: v.length, median: q(0.5), min: v[0], max: v[v.length - 1], p95: q(0.95) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
