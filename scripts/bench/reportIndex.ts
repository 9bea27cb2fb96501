import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { runNode, stats, type Stats } from './measure';
import { CLI } from './ours';

const INDEXER = path.resolve(__dirname, '../../server/src/core/report/indexer.ts');

export type ReportTiming = { sections: number; first: number; warm: Stats; cli?: Stats; chars: number } | { error: string };

type BuildIndex = (text: string, uri: string) => { sections: unknown[] | Map<string, unknown> };

/**
 * Measurement 4: building the section index of the seed report in-process (the first build, as
 * the server does it once per report version, and warm rebuilds), plus `resource-lint sections`
 * as a cold process. The indexer is loaded at run time so the bench builds before it exists.
 */
export async function reportIndexTiming(report: string, runs: number): Promise<ReportTiming> {
  if (!existsSync(INDEXER)) return { error: 'the report indexer (server/src/core/report/indexer.ts) is not on this branch yet' };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(INDEXER) as { buildReportIndex?: BuildIndex };
  if (typeof mod.buildReportIndex !== 'function') return { error: 'indexer.ts has no buildReportIndex(text, uri)' };
  const text = await fs.readFile(report, 'utf8');
  const uri = pathToFileURL(report).href;
  const t0 = performance.now();
  const index = mod.buildReportIndex(text, uri);
  const first = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    mod.buildReportIndex(text, uri);
    warm.push(performance.now() - t);
  }
  const sections = index.sections instanceof Map ? index.sections.size : Array.isArray(index.sections) ? index.sections.length : NaN;
  let cli: Stats | undefined;
  if (existsSync(CLI)) {
    const wall: number[] = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const r = await runNode(CLI, ['sections', '--report', report, '--format', 'json']);
      if (r.code !== 0) break;
      wall.push(r.wallMs);
    }
    if (wall.length > 0) cli = stats(wall);
  }
  return { sections, first, warm: stats(warm), cli, chars: text.length };
}
