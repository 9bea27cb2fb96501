import type { Configuration } from '../configuration';
import { applyOffsetEdits } from '../edits';
import type { Finding } from '../findings';
import { fixAllOffsetEdits } from '../fixes';
import type { Analysis } from '../service';
import { severityOf } from '../settings';

/** Enough for any chain of fixes that reveal each other; a guard against two fixes undoing each other. */
const MAX_PASSES = 10;

/**
 * Fix-all, pass after pass, until nothing fixable is left or a pass changes nothing (or returns to an
 * earlier text): the final analysis and how many reported problems disappeared on the way.
 */
export function fixUntilStable(
  analysis: Analysis, config: Configuration, analyze: (text: string, version: number) => Analysis,
): { analysis: Analysis; resolved: number } {
  let current = analysis;
  let resolved = 0;
  const seen = new Set([analysis.parsed.text]);
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const edits = fixAllOffsetEdits(current, config);
    if (edits.length === 0) break;
    const next = applyOffsetEdits(current.parsed.text, edits);
    if (seen.has(next)) break;
    seen.add(next);
    const after = analyze(next, current.version + 1);
    resolved += disappeared(current.findings, after.findings, config);
    current = after;
  }
  return { analysis: current, resolved };
}

/**
 * How many shown problems a pass made disappear. Problems are told apart by code and message (the
 * message names the field and value), not by position, which earlier edits shift.
 */
function disappeared(before: readonly Finding[], after: readonly Finding[], config: Configuration): number {
  const key = (f: Finding) => `${f.code}\u0000${f.message}`;
  const left = new Map<string, number>();
  for (const f of after) left.set(key(f), (left.get(key(f)) ?? 0) + 1);
  let gone = 0;
  for (const f of before) {
    if (severityOf(f.code, config.settings) === 'off') continue;
    const n = left.get(key(f)) ?? 0;
    if (n > 0) left.set(key(f), n - 1);
    else gone++;
  }
  return gone;
}
