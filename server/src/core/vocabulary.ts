import bundledTags from '../../../data/vocabularies/resourceTags.json';
import bundledFocuses from '../../../data/vocabularies/resourceFocuses.json';
import bundledTypes from '../../../data/vocabularies/resourceTypes.json';
import bundledCategories from '../../../data/vocabularies/resourceCategories.json';
import { CATEGORIES_FILE_NAME, VOCABULARY_FILE_NAMES } from '../../../protocol/src/names';
import { withoutBom } from './host';

/** The three vocabularies a resource's values come from, by the field that uses them. */
export type VocabularyName = 'learnTags' | 'focus' | 'type';
export const VOCABULARY_NAMES: readonly VocabularyName[] = ['learnTags', 'focus', 'type'];

/** File name and top-level key of each vocabulary's data file, as the reference site names them. */
export const VOCABULARY_FILES: Record<VocabularyName, { file: string; key: string; noun: string }> = {
  learnTags: { file: VOCABULARY_FILE_NAMES.learnTags, key: 'resourceTags', noun: 'learn tag' },
  focus: { file: VOCABULARY_FILE_NAMES.focus, key: 'resourceFocuses', noun: 'focus' },
  type: { file: VOCABULARY_FILE_NAMES.type, key: 'resourceTypes', noun: 'resource type' },
};
export const CATEGORIES_FILE = CATEGORIES_FILE_NAME;

export interface Term {
  value: string;
  label?: string;
}

export interface Vocabulary {
  name: VocabularyName;
  terms: Term[];
  values: ReadonlySet<string>;
  /** Where it was read from, as shown to authors: a workspace-relative path, or "the bundled resourceTags.json". */
  source: string;
  /** The data file's URI; undefined for the bundled default. */
  uri?: string;
  /** The file's text, kept so fixes can add a term with a minimal edit. */
  text?: string;
}

export interface Category {
  id: string;
  label: string;
  focuses: string[];
}

export interface Vocabularies {
  learnTags: Vocabulary;
  focus: Vocabulary;
  type: Vocabulary;
  categories: Category[];
  /** The workspace's categories file (its URI and text), for navigation and edits; undefined for the bundled one. */
  categoriesFile?: { uri: string; text: string };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function termsFrom(json: unknown, key: string): Term[] | string {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return `it should be an object like {"${key}": [{"value": …}]}`;
  const obj = json as Record<string, unknown>;
  const list = Array.isArray(obj[key]) ? obj[key] : Object.values(obj).find(Array.isArray);
  if (!Array.isArray(list)) return `it has no "${key}" list`;
  const terms: Term[] = [];
  for (const [i, item] of list.entries()) {
    if (!item || typeof item !== 'object' || typeof (item as { value?: unknown }).value !== 'string') {
      return `entry ${i + 1} has no string "value"`;
    }
    const { value, label } = item as { value: string; label?: unknown };
    terms.push(typeof label === 'string' ? { value, label } : { value });
  }
  return terms;
}

function make(name: VocabularyName, terms: Term[], source: string, uri?: string, text?: string): Vocabulary {
  return { name, terms, values: new Set(terms.map((t) => t.value)), source, uri, text };
}

/** Parses a vocabulary data file's text; an error says what is wrong in one sentence. */
export function parseVocabulary(name: VocabularyName, text: string, source: string, uri?: string): Parsed<Vocabulary> {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(text));
  } catch (e) {
    return { ok: false, error: `${source} is not valid JSON (${(e as Error).message}).` };
  }
  const terms = termsFrom(json, VOCABULARY_FILES[name].key);
  if (typeof terms === 'string') return { ok: false, error: `${source} is not a ${VOCABULARY_FILES[name].noun} vocabulary: ${terms}.` };
  return { ok: true, value: make(name, terms, source, uri, text) };
}

export function parseCategories(text: string, source: string): Parsed<Category[]> {
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(text));
  } catch (e) {
    return { ok: false, error: `${source} is not valid JSON (${(e as Error).message}).` };
  }
  const list = (json as { resourceCategories?: unknown })?.resourceCategories;
  if (!Array.isArray(list)) return { ok: false, error: `${source} has no "resourceCategories" list.` };
  const categories: Category[] = [];
  for (const item of list) {
    const c = item as { categoryId?: unknown; categoryLabel?: unknown; focuses?: unknown };
    if (typeof c?.categoryId !== 'string') continue;
    categories.push({
      id: c.categoryId,
      label: typeof c.categoryLabel === 'string' ? c.categoryLabel.trim() : c.categoryId,
      focuses: Array.isArray(c.focuses) ? c.focuses.filter((f): f is string => typeof f === 'string') : [],
    });
  }
  return { ok: true, value: categories };
}

let bundled: Vocabularies | undefined;

/** The reference site's data files, shipped inside the bundle: no I/O. */
export function bundledVocabularies(): Vocabularies {
  if (!bundled) {
    const load = (name: VocabularyName, json: unknown): Vocabulary => {
      const terms = termsFrom(json, VOCABULARY_FILES[name].key);
      if (typeof terms === 'string') throw new Error(`bundled ${VOCABULARY_FILES[name].file}: ${terms}`);
      return make(name, terms, `the bundled ${VOCABULARY_FILES[name].file}`);
    };
    const categories = parseCategories(JSON.stringify(bundledCategories), `the bundled ${CATEGORIES_FILE}`);
    bundled = {
      learnTags: load('learnTags', bundledTags),
      focus: load('focus', bundledFocuses),
      type: load('type', bundledTypes),
      categories: categories.ok ? categories.value : [],
    };
  }
  return bundled;
}

/** The category labels a focus belongs to. */
export function categoriesOfFocus(vocabularies: Vocabularies, focus: string): Category[] {
  return vocabularies.categories.filter((c) => c.focuses.includes(focus));
}
