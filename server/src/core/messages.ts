import { rankCandidates, rankFieldNames } from './fixes/candidates';
import type { FieldInfo } from './schema';
import { VOCABULARY_FILES, type Term, type Vocabularies } from './vocabulary';

/** Sentences for authors: what is wrong, and what is allowed. */

const LIST_LIMIT = 12;

export function quote(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  return JSON.stringify(value) ?? String(value);
}

export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `the text ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return String(value);
}

function allowedSentence(values: readonly string[]): string {
  if (values.length === 0) return '';
  if (values.length > LIST_LIMIT) return '';
  return ` Use one of: ${values.join(', ')}.`;
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
function alternatives(values: readonly string[]): string {
  const quoted = values.map((v) => quote(v));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** " Did you mean …?" naming the replacements the quick fixes offer, or nothing. */
function didYouMean(values: readonly string[]): string {
  return values.length > 0 ? ` Did you mean ${alternatives(values)}?` : '';
}

export function invalidValueMessage(
  field: FieldInfo | undefined,
  value: unknown,
  allowed: readonly string[],
  vocabularies: Vocabularies,
): string {
  const name = field?.name ?? 'this field';
  // The same terms and ranking the "Change to" fixes use (fixes/invalidValue.ts), so both agree.
  const terms: readonly Term[] = field?.vocabulary ? vocabularies[field.vocabulary].terms : allowed.map((v) => ({ value: v }));
  const suggested = typeof value === 'string' ? rankCandidates(value, terms).candidates.map((c) => c.value) : [];
  // A long list is cut by the Problems panel: with a suggestion it is left out, without one the
  // message says how many there are and where to see them.
  const long = allowed.length > LIST_LIMIT && suggested.length === 0;
  const seeThem = (what: string) => ` Completion and the hover on '${name}' list the ${allowed.length} ${what}.`;
  const rest = didYouMean(suggested) + (allowed.length > LIST_LIMIT ? '' : allowedSentence(allowed));
  if (field?.vocabulary) {
    const v = vocabularies[field.vocabulary];
    const noun = VOCABULARY_FILES[field.vocabulary].noun;
    const nouns = noun.endsWith('s') ? `${noun}es` : `${noun}s`;
    return `${quote(value)} is not a ${noun} in ${v.source}.${long ? seeThem(nouns) : rest}`;
  }
  if (long) return `${quote(value)} is not allowed in ${name}.${seeThem('allowed values')}`;
  if (name === 'readability') return `${quote(value)} is not a readability level.${rest}`;
  return `${quote(value)} is not allowed in ${name}.${rest}`;
}

export function requiredMessage(field: FieldInfo | undefined, name: string): string {
  const d = field?.description.replace(/\.$/, '') ?? '';
  const what = d ? ` (${d[0].toLowerCase()}${d.slice(1)})` : '';
  return `The required field '${name}' is missing${what}.`;
}

export function emptyMessage(field: FieldInfo | undefined, name: string, allowed: readonly string[] | undefined): string {
  const shape = field?.shape === 'list' ? 'at least one item' : 'a value';
  return `The required field '${name}' is empty; it needs ${shape}.${allowed ? allowedSentence(allowed) : ''}`;
}

export function invalidTypeMessage(name: string, expected: string[], value: unknown): string {
  const got = describeKind(value);
  if (expected.includes('array')) {
    const example = typeof value === 'string' ? `${name}: ["${value}"]` : `${name}: ["…"]`;
    return `'${name}' must be a list, not ${got}. Write it as ${example}.`;
  }
  if (expected.includes('boolean')) {
    return `'${name}' must be true or false (without quotes), not ${got}.`;
  }
  if (expected.includes('string')) {
    return `'${name}' must be text, not ${got}.${typeof value === 'number' || typeof value === 'boolean' ? ' Put it in quotes.' : ''}`;
  }
  if (expected.includes('object')) return `The frontmatter must be a set of 'key: value' fields, not ${got}.`;
  return `'${name}' must be ${expected.join(' or ')}, not ${got}.`;
}

export function duplicateMessage(name: string, value: unknown): string {
  return `${quote(value)} is already in ${name}; remove the repeat.`;
}

/**
 * The rename targets the unknown-field fix offers (fixes/unknownField.ts), or else the fields the
 * file can still have: listing all of them made a message the Problems panel cuts off.
 */
export function unknownFieldMessage(key: string, known: readonly string[], present: ReadonlySet<string>): string {
  const targets = rankFieldNames(key, known, present)
    .slice(0, 3)
    .map((t) => t.name);
  if (targets.length > 0) return `'${key}' is not a resource field.${didYouMean(targets)}`;
  const absent = known.filter((f) => !present.has(f));
  return absent.length > 0
    ? `'${key}' is not a resource field. Fields this file does not have yet: ${absent.join(', ')}.`
    : `'${key}' is not a resource field, and this file already has every resource field.`;
}

export function invalidUrlMessage(name: string, value: unknown): string {
  return `${quote(value)} is not an absolute http(s) URL; '${name}' must start with https:// or http://.`;
}
