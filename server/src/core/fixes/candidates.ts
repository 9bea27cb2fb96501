import { distance } from 'fastest-levenshtein';
import type { Term } from '../vocabulary';

/** How a replacement was found, best first: the tier decides ranking and whether a fix is unambiguous. */
export type MatchTier = 'case' | 'prefix' | 'label' | 'edit';

export interface Candidate {
  value: string;
  tier: MatchTier;
  /** Edit distance for the `edit` tier, 0 otherwise. */
  distance: number;
}

/** Words of a value or label: split at spaces, punctuation and camelCase humps. */
export function wordsOf(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

function initials(s: string): string {
  return wordsOf(s)
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

const MAX_DISTANCE = 2;

/**
 * Ranks the allowed terms as replacements for a wrong value: case-insensitive exact match, then a
 * unique prefix or abbreviation (`E` → Expert, `ML` → machineLearning), then a label match
 * (`AI and Machine Learning` → machineLearning), then a small edit distance. Only the best
 * non-empty tier is returned; `unambiguous` says whether it holds exactly one term.
 */
export function rankCandidates(value: string, terms: readonly Term[]): Ranked {
  // A library's wrong values repeat (a batch with the same focus): the message and the fix of each rank them again.
  let known = ranked.get(terms);
  if (!known) ranked.set(terms, (known = new Map()));
  const hit = known.get(value);
  if (hit) return hit;
  const result = rank(value, terms);
  if (known.size >= MAX_REMEMBERED) known.clear();
  known.set(value, result);
  return result;
}

export interface Ranked {
  readonly candidates: readonly Candidate[];
  readonly unambiguous: boolean;
}

/** Rankings by vocabulary (its terms array, one per configuration) and value. */
const ranked = new WeakMap<readonly Term[], Map<string, Ranked>>();
const MAX_REMEMBERED = 2000;

function rank(value: string, terms: readonly Term[]): Ranked {
  const v = value.trim();
  if (!v) return { candidates: [], unambiguous: false };
  const lower = v.toLowerCase();
  const tiers: [MatchTier, (t: Term) => number | false][] = [
    ['case', (t) => t.value.toLowerCase() === lower && 0],
    [
      'prefix',
      (t) =>
        (t.value.toLowerCase().startsWith(lower) ||
          (lower.length >= 2 && initials(t.value) === lower) ||
          (!!t.label && lower.length >= 2 && initials(t.label) === lower)) &&
        0,
    ],
    [
      'label',
      (t) =>
        !!t.label && (t.label.toLowerCase() === lower || squash(t.label) === squash(v) || t.label.toLowerCase().startsWith(lower)) && 0,
    ],
    [
      'edit',
      (t) => {
        const d = Math.min(distance(lower, t.value.toLowerCase()), t.label ? distance(lower, t.label.toLowerCase()) : Infinity);
        return d <= MAX_DISTANCE && d < Math.max(lower.length, 2) ? d : false;
      },
    ],
  ];
  for (const [tier, test] of tiers) {
    const found: Candidate[] = [];
    for (const t of terms) {
      const r = test(t);
      if (r !== false) found.push({ value: t.value, tier, distance: r });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => a.distance - b.distance);
    const best = found.filter((c) => c.distance === found[0].distance);
    return { candidates: found.slice(0, 3), unambiguous: best.length === 1 };
  }
  return { candidates: [], unambiguous: false };
}

/**
 * Ranks known field names as the intended name of an unknown key (`learntags` → learnTags): names
 * not yet in the file, within a small edit distance, nearest first. The unknown-field message and its
 * rename fix both read this, so what the message suggests is what the fix offers.
 */
export function rankFieldNames(key: string, fields: readonly string[], present: ReadonlySet<string>): { name: string; distance: number }[] {
  const lower = key.toLowerCase();
  return fields
    .filter((f) => !present.has(f))
    .map((f) => ({ name: f, distance: distance(lower, f.toLowerCase()) }))
    .filter((c) => c.distance <= MAX_DISTANCE && c.distance < key.length)
    .sort((a, b) => a.distance - b.distance);
}
