import { severityOf, type Configuration } from '../configuration';
import type { Finding } from '../findings';
import type { Analysis } from '../service';
import { fixPasses, sameContext, type Analyze } from './fixAll';

export type { Analyze } from './fixAll';

/** Enough for any chain of fixes that reveal each other. */
const MAX_PASSES = 10;

export interface FixedText {
  /** The analysis of the final text (the first analysis itself when nothing was fixed). */
  analysis: Analysis;
  /** How many shown problems the fixes made disappear. */
  resolved: number;
}

/**
 * "Fix all" applied to a text until nothing fixable is left (`resource-lint --fix`): the passes of
 * fixAll.ts, each applied in full. `analyze` defaults to the first analysis's own context (its
 * reports and its role).
 */
export function fixUntilStable(analysis: Analysis, config: Configuration, analyze: Analyze = sameContext(analysis, config)): FixedText {
  const analyses = fixPasses(analysis, config, { analyze, maxPasses: MAX_PASSES });
  let resolved = 0;
  for (let i = 1; i < analyses.length; i++)
    resolved += resolvedBetween(analyses[i - 1].findings, analyses[i].findings, config, analyses[i].uri);
  return { analysis: analyses[analyses.length - 1], resolved };
}

/**
 * How many shown problems a pass made disappear. Problems are told apart by code and message (the
 * message names the field and value), not by position, which earlier edits shift.
 */
function resolvedBetween(before: readonly Finding[], after: readonly Finding[], config: Configuration, uri: string): number {
  const key = (f: Finding) => `${f.code}\u0000${f.message}`;
  const left = new Map<string, number>();
  for (const f of after) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  let gone = 0;
  for (const f of before) {
    if (severityOf(f.code, config, uri) === 'off') continue;
    const n = left.get(key(f)) ?? 0;
    if (n > 0) left.set(key(f), n - 1);
    else gone++;
  }
  return gone;
}
