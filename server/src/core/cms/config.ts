import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Span } from '../document';
import { parserSentence } from '../yamlErrors';

/**
 * A Decap/Sveltia CMS configuration (`admin/config.yml`) read into the terms the checks use: its
 * collections, their files and fields, each with where it is written, so the configuration's own
 * problems point at the exact characters. Anchors, aliases and `<<` merge keys are resolved; what
 * this model does not name stays readable in `raw`.
 */

/** Where the CMS looks for its configuration, relative to the site's folder. */
export const CMS_CONFIG_PATH = /(?:^|\/)admin\/config\.ya?ml$/;

/** Aliases in a configuration beyond which it is treated as hostile (an alias bomb). */
const MAX_ALIASES = 1000;

/** Spans of the values of the keys written on one map (the value's node; the key's when it has no value). */
export type KeySpans = ReadonlyMap<string, Span>;

export interface CmsOption {
  label: string;
  value: string | number | boolean | null;
}

export interface CmsField {
  name: string;
  /** The editor's name for the field: `label`, else `name`. */
  label: string;
  hint?: string;
  /** `widget` as written; `string` when absent (the CMS's default). */
  widget: string;
  /** `required` as the CMS reads it: true unless `false`; a list of locales counts as required. */
  required: boolean;
  /** `required` as written, when it is not a boolean (a locale list, or something the linter reports). */
  requiredRaw?: unknown;
  hidden: boolean;
  default?: unknown;
  multiple: boolean;
  min?: number;
  max?: number;
  /** `value_type` of a number field (`int`, `float`): the value must then be a number. */
  valueType?: string;
  /** `pattern: [regex, message]`. */
  pattern?: { source: string; message: string };
  /** A select's `options`, strings normalised to `{label: s, value: s}`. */
  options?: CmsOption[];
  /** A datetime's `format`, `date_format`, `time_format` as written (`false` means no date or no time). */
  format?: string;
  dateFormat?: string | boolean;
  timeFormat?: string | boolean;
  /** A list's single sub-field (`field`), its object fields (`fields`), or its variable types (`types`). */
  field?: CmsField;
  fields?: CmsField[];
  types?: CmsField[];
  /** The key naming an item's type in a list with `types` (`typeKey`, default `type`). */
  typeKey: string;
  /** A relation's target: `collection`, `file` (of a files collection), `value_field`, `display_fields`, `search_fields`. */
  collection?: string;
  file?: string;
  valueField?: string;
  displayFields?: string[];
  searchFields?: string[];
  /** The field's `i18n` as written (`true`, `false`, `translate`, `duplicate`, `none`). */
  i18n?: unknown;
  /** Every key of the field as written (aliases resolved). */
  raw: Record<string, unknown>;
  /** The field's map in the configuration. */
  span: Span;
  spans: KeySpans;
}

export interface CmsFile {
  name: string;
  label: string;
  /** The data file's path, relative to the repository root (the workspace folder), as the CMS resolves it. */
  file: string;
  fields: CmsField[];
  raw: Record<string, unknown>;
  span: Span;
  spans: KeySpans;
}

export interface CmsCollection {
  name: string;
  label: string;
  labelSingular?: string;
  kind: 'folder' | 'files';
  /** A folder collection's folder, relative to the repository root (the workspace folder), without leading or trailing `/`. */
  folder?: string;
  /** A folder collection's file extension (`md` unless set). */
  extension: string;
  format?: string;
  /** `nested`: entries in sub-folders too, down to `depth` levels when given. */
  nested?: { depth?: number };
  /** `filter: {field, value}`: only entries whose field has that value belong to the collection. */
  filter?: { field: string; value: unknown };
  path?: string;
  slug?: string;
  /** `identifier_field` (default `title`). */
  identifierField: string;
  /** A folder collection's fields (the body included, as a field named `body`). */
  fields: CmsField[];
  /** A files collection's files. */
  files: CmsFile[];
  /** The collection's `i18n` as written. */
  i18n?: unknown;
  raw: Record<string, unknown>;
  span: Span;
  spans: KeySpans;
}

export interface CmsI18n {
  structure: string;
  locales: string[];
  defaultLocale: string;
  /** Sveltia: the default locale's files have no locale suffix. */
  omitDefaultLocaleFromFilePath: boolean;
}

export interface CmsConfig {
  uri: string;
  text: string;
  mediaFolder?: string;
  publicFolder?: string;
  i18n?: CmsI18n;
  collections: CmsCollection[];
  collection(name: string): CmsCollection | undefined;
  /** The configuration's top-level keys' value spans. */
  spans: KeySpans;
  /** YAML problems of the file itself; a configuration with any has no collections. */
  syntaxErrors: (Span & { message: string })[];
  /** The parsed document, for a linter that needs what the model does not keep. */
  yaml: Document.Parsed;
}

type Entries = Map<string, { value: Node | null; span: Span }>;

const toSpan = (node: Node | null | undefined, fallback: Span): Span =>
  node?.range ? { start: node.range[0], end: node.range[1] } : fallback;

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strList = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : undefined;

class Reader {
  aliases = 0;
  constructor(readonly doc: Document.Parsed) {}

  /** The node an alias stands for (bounded: a chain or bomb of aliases stops resolving). */
  resolve(node: unknown): Node | null {
    let n = node as Node | null;
    for (let hops = 0; n && isAlias(n); hops++) {
      if (hops > 16 || ++this.aliases > MAX_ALIASES) return null;
      n = (n.resolve(this.doc) as Node | undefined) ?? null;
    }
    return n ?? null;
  }

  /** A map's entries by key, merge keys applied (own keys win, as YAML 1.1's merge says). */
  entries(node: unknown, depth = 0): Entries {
    const out: Entries = new Map();
    const map = this.resolve(node);
    if (!map || !isMap(map) || depth > 16) return out;
    const merged: Entries[] = [];
    for (const pair of map.items as Pair<unknown, unknown>[]) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      // yaml marks a merge key with a symbol whose description is `<<`.
      const isMerge = key === '<<' || (typeof key === 'symbol' && key.description === '<<');
      const valueNode = (pair.value as Node | null) ?? null;
      if (isMerge) {
        const sources = this.resolve(valueNode);
        const list = sources && isSeq(sources) ? sources.items : [valueNode];
        for (const s of list) merged.push(this.entries(s, depth + 1));
        continue;
      }
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      const keySpan = toSpan(pair.key as Node, toSpan(map, { start: 0, end: 0 }));
      out.set(String(key), { value: valueNode, span: toSpan(valueNode, keySpan) });
    }
    for (const m of merged) for (const [k, v] of m) if (!out.has(k)) out.set(k, v);
    return out;
  }

  /** Plain data of a node, aliases resolved (bounded by the document's alias limit). */
  value(node: Node | null): unknown {
    const n = this.resolve(node);
    if (!n) return null;
    try {
      return n.toJS(this.doc, { maxAliasCount: MAX_ALIASES });
    } catch {
      return undefined;
    }
  }

  record(entries: Entries): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    for (const [k, v] of entries) raw[k] = this.value(v.value);
    return raw;
  }

  items(node: Node | null): Node[] {
    const n = this.resolve(node);
    return n && isSeq(n) ? (n.items as Node[]) : [];
  }

  spans(entries: Entries): KeySpans {
    return new Map([...entries].map(([k, v]) => [k, v.span]));
  }
}

function readOptions(v: unknown): CmsOption[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: CmsOption[] = [];
  for (const o of v) {
    if (typeof o === 'string' || typeof o === 'number' || typeof o === 'boolean') out.push({ label: String(o), value: o });
    else if (isRecord(o) && 'value' in o) {
      const value = o.value;
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null;
      if (scalar) out.push({ label: str(o.label) ?? String(value), value });
    }
  }
  return out;
}

function readField(r: Reader, node: Node): CmsField | undefined {
  const e = r.entries(node);
  if (e.size === 0) return undefined;
  const raw = r.record(e);
  const name = raw.name === undefined || raw.name === null ? '' : String(raw.name);
  const widget = str(raw.widget) ?? 'string';
  const required = raw.required === false ? false : true;
  const pattern = Array.isArray(raw.pattern) ? raw.pattern : typeof raw.pattern === 'string' ? [raw.pattern] : undefined;
  const sub = (key: string) => r.items(e.get(key)?.value ?? null).flatMap((n) => readField(r, n) ?? []);
  const single = e.get('field');
  const field: CmsField = {
    name,
    label: str(raw.label) ?? name,
    hint: str(raw.hint),
    widget,
    required,
    requiredRaw: typeof raw.required === 'boolean' || raw.required === undefined ? undefined : raw.required,
    hidden: widget === 'hidden',
    default: raw.default,
    multiple: raw.multiple === true,
    min: num(raw.min),
    max: num(raw.max),
    valueType: str(raw.value_type),
    pattern: pattern && typeof pattern[0] === 'string' ? { source: pattern[0], message: str(pattern[1]) ?? '' } : undefined,
    options: readOptions(raw.options),
    format: str(raw.format),
    dateFormat: typeof raw.date_format === 'string' || typeof raw.date_format === 'boolean' ? raw.date_format : undefined,
    timeFormat: typeof raw.time_format === 'string' || typeof raw.time_format === 'boolean' ? raw.time_format : undefined,
    field: single?.value ? readField(r, single.value) : undefined,
    fields: e.has('fields') ? sub('fields') : undefined,
    types: e.has('types') ? sub('types') : undefined,
    typeKey: str(raw.typeKey) ?? 'type',
    collection: str(raw.collection),
    file: str(raw.file),
    valueField: str(raw.value_field),
    displayFields: strList(raw.display_fields),
    searchFields: strList(raw.search_fields),
    i18n: raw.i18n,
    raw,
    span: toSpan(r.resolve(node), { start: 0, end: 0 }),
    spans: r.spans(e),
  };
  return field;
}

const trimSlashes = (p: string) => p.replace(/^\.?\/+/, '').replace(/\/+$/, '');

function readCollection(r: Reader, node: Node): CmsCollection | undefined {
  const e = r.entries(node);
  if (e.size === 0) return undefined;
  const raw = r.record(e);
  const name = raw.name === undefined || raw.name === null ? '' : String(raw.name);
  const fields = (n: Node | null) => r.items(n).flatMap((f) => readField(r, f) ?? []);
  const files: CmsFile[] = r.items(e.get('files')?.value ?? null).flatMap((f) => {
    const fe = r.entries(f);
    if (fe.size === 0) return [];
    const fraw = r.record(fe);
    const fname = fraw.name === undefined || fraw.name === null ? '' : String(fraw.name);
    return [
      {
        name: fname,
        label: str(fraw.label) ?? fname,
        file: trimSlashes(str(fraw.file) ?? ''),
        fields: fields(fe.get('fields')?.value ?? null),
        raw: fraw,
        span: toSpan(r.resolve(f), { start: 0, end: 0 }),
        spans: r.spans(fe),
      },
    ];
  });
  const nested = raw.nested === true ? {} : isRecord(raw.nested) ? { depth: num(raw.nested.depth) } : undefined;
  const filter =
    isRecord(raw.filter) && typeof raw.filter.field === 'string' ? { field: raw.filter.field, value: raw.filter.value } : undefined;
  const folder = str(raw.folder);
  return {
    name,
    label: str(raw.label) ?? name,
    labelSingular: str(raw.label_singular),
    kind: folder !== undefined || !e.has('files') ? 'folder' : 'files',
    folder: folder === undefined ? undefined : trimSlashes(folder),
    extension: (str(raw.extension) ?? 'md').replace(/^\./, ''),
    format: str(raw.format),
    nested,
    filter,
    path: str(raw.path),
    slug: str(raw.slug),
    identifierField: str(raw.identifier_field) ?? 'title',
    fields: fields(e.get('fields')?.value ?? null),
    files,
    i18n: raw.i18n,
    raw,
    span: toSpan(r.resolve(node), { start: 0, end: 0 }),
    spans: r.spans(e),
  };
}

function readI18n(v: unknown): CmsI18n | undefined {
  if (!isRecord(v)) return undefined;
  const locales = strList(v.locales) ?? [];
  return {
    structure: str(v.structure) ?? 'single_file',
    locales,
    defaultLocale: str(v.default_locale) ?? locales[0] ?? '',
    omitDefaultLocaleFromFilePath: v.omit_default_locale_from_file_path === true,
  };
}

/** Reads a configuration's text; never throws (a YAML problem leaves no collections and says where). */
export function parseCmsConfig(text: string, uri: string): CmsConfig {
  const doc = parseDocument(text, { merge: true, prettyErrors: false, logLevel: 'error' });
  const syntaxErrors = doc.errors.map((err) => ({
    start: err.pos[0],
    end: Math.max(err.pos[1], err.pos[0] + 1),
    message: `The CMS configuration is not valid YAML here: ${parserSentence(err.message)}.`,
  }));
  const r = new Reader(doc);
  const top = syntaxErrors.length === 0 ? r.entries(doc.contents) : (new Map() as Entries);
  const collections = r.items(top.get('collections')?.value ?? null).flatMap((c) => readCollection(r, c) ?? []);
  const byName = new Map(collections.map((c) => [c.name, c]));
  return {
    uri,
    text,
    mediaFolder: str(r.value(top.get('media_folder')?.value ?? null)),
    publicFolder: str(r.value(top.get('public_folder')?.value ?? null)),
    i18n: readI18n(r.value(top.get('i18n')?.value ?? null)),
    collections,
    collection: (name) => byName.get(name),
    spans: r.spans(top),
    syntaxErrors,
    yaml: doc,
  };
}

/**
 * The configuration a site uses among the paths found (root-relative): outside `node_modules`, the
 * shallowest, then the first by name, so the choice does not depend on the walk's order.
 */
export function pickCmsConfig(paths: readonly string[]): string | undefined {
  const found = paths.filter((p) => CMS_CONFIG_PATH.test(p) && !/(?:^|\/)node_modules\//.test(p));
  found.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return found[0];
}
