import type { FieldInfo } from './schema';
import { VOCABULARY_FILES, type Vocabularies } from './vocabulary';

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

export function invalidValueMessage(field: FieldInfo | undefined, value: unknown, allowed: readonly string[], vocabularies: Vocabularies): string {
  const name = field?.name ?? 'this field';
  if (field?.vocabulary) {
    const v = vocabularies[field.vocabulary];
    const noun = VOCABULARY_FILES[field.vocabulary].noun;
    return `${quote(value)} is not a ${noun} in ${v.source}.${allowedSentence(allowed)}`;
  }
  if (name === 'readability') return `${quote(value)} is not a readability level.${allowedSentence(allowed)}`;
  return `${quote(value)} is not allowed in ${name}.${allowedSentence(allowed)}`;
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

export function unknownFieldMessage(key: string, known: readonly string[]): string {
  return `'${key}' is not a resource field. Resource fields are: ${known.join(', ')}.`;
}

export function invalidUrlMessage(name: string, value: unknown): string {
  return `${quote(value)} is not an absolute http(s) URL; '${name}' must start with https:// or http://.`;
}
