import { promises as fs } from 'fs';
import * as path from 'path';

/** The part of a V8 `.cpuprofile` the summary needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  startTime: number;
  endTime: number;
}

export interface Hotspot {
  name: string;
  selfMs: number;
  share: number;
}

/**
 * Self time per function (and per package for dependencies) from the newest `.cpuprofile` in
 * `dir`: what dominates a run, to record in BENCHMARKS.md when a target is missed.
 */
export async function summariseProfile(dir: string, top = 12): Promise<{ totalMs: number; functions: Hotspot[]; packages: Hotspot[] }> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  const stamped = await Promise.all(files.map(async (f) => ({ f, t: (await fs.stat(path.join(dir, f))).mtimeMs })));
  const newest = stamped.sort((a, b) => b.t - a.t)[0];
  if (!newest) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(await fs.readFile(path.join(dir, newest.f), 'utf8')) as CpuProfile;
  const totalHits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const name = `${functionName || '(anonymous)'} ${file ? `${path.basename(file)}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    byPackage.set(packageOf(file, functionName), (byPackage.get(packageOf(file, functionName)) ?? 0) + hits);
  }
  const rank = (m: Map<string, number>): Hotspot[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, selfMs: (hits / totalHits) * totalMs, share: hits / totalHits }));
  return { totalMs, functions: rank(byFunction), packages: rank(byPackage) };
}

/** Bundled code keeps its source path in the function's URL only as the bundle; group by the bundle, node internals and GC. */
function packageOf(file: string, functionName: string): string {
  if (!file) return functionName.startsWith('(') ? functionName : '(native)';
  if (file.startsWith('node:')) return 'node internals';
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0)
    return file
      .slice(nm + 13)
      .split('/')
      .slice(0, file.slice(nm + 13).startsWith('@') ? 2 : 1)
      .join('/');
  return path.basename(file);
}
