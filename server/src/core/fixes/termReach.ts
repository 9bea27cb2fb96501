import type { VocabularyName } from '../vocabulary';
import type { Fix } from './types';

/** How many problems, in how many files, adding a value to a vocabulary clears (the project counts them). */
export type TermReach = (vocabulary: VocabularyName, value: string) => { problems: number; files: number };

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * One diagnostic's fixes with "Add 'X' to <data file>" saying what it clears across the workspace, and
 * first when it clears problems in more than this file: one edit then does what many per-file fixes would.
 * It stays non-preferred (it edits a data file, which the author decides on).
 */
export function rankByReach(fixes: readonly Fix[], reach: TermReach | undefined): Fix[] {
  if (!reach) return [...fixes];
  const wide: Fix[] = [];
  const rest: Fix[] = [];
  for (const fix of fixes) {
    const adds = fix.addsTerm;
    const counted = adds ? reach(adds.vocabulary, adds.value) : undefined;
    if (!counted || counted.problems < 2) {
      rest.push(fix);
      continue;
    }
    const title = `${fix.title} (clears ${plural(counted.problems, 'problem', 'problems')} in ${plural(counted.files, 'file', 'files')})`;
    (counted.files > 1 ? wide : rest).push({ ...fix, title });
  }
  return [...wide, ...rest];
}
