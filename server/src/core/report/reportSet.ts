import type { ReportIndex } from './indexer';

/**
 * The reports of a workspace, indexed. `generation` changes whenever any report's text changes, so
 * analyses cached under an older generation are recomputed.
 */
export interface ReportSet {
  generation: number;
  /** In a stable order (by URI): the first is the default target of a bare `§4.3`. */
  reports: readonly ReportIndex[];
}

export const NO_REPORTS: ReportSet = { generation: 0, reports: [] };

export function reportFor(set: ReportSet, uri: string): ReportIndex | undefined {
  return set.reports.find((r) => r.uri === uri);
}
