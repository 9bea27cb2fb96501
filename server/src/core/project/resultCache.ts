import type { DocumentRole } from '../service';
import { hashText } from '../hash';
import type { Workspace } from '../host';
import type { FileVerdict } from './fileIndex';

/** Where the host keeps the cache (a file for the CLI): the whole cache as one text. */
export interface CacheStore {
  /** The text last written; undefined when there is none (or it cannot be read). */
  read(): Promise<string | undefined>;
  /** Replaces the text, atomically. */
  write(text: string): Promise<void>;
}

export interface ResultCacheOptions {
  store: CacheStore;
  /** The product's version: another version may check differently, so its cache is not used. */
  version: string;
}

/** Bumped when the cache's layout changes. */
const FORMAT = 2;

/** One file: its stamp (size and time, a first test), its content hash, its role and verdict. */
type Entry = [stamp: string | null, hash: string, role: DocumentRole, verdict: FileVerdict];

/**
 * One file as stored: its verdict without the link is an index into the table of distinct ones (most
 * files share the verdict with no findings), its link and the link's position beside it. Names are
 * the URIs after the prefix all share. Kept small: the whole file is parsed on every cached run.
 */
type Stored = [stamp: string | null, hash: string, role: DocumentRole, verdict: number, link?: string | null, range?: number[]];

interface StoredCache {
  format: number;
  key: string;
  base: string;
  verdicts: FileVerdict[];
  files: Record<string, Stored>;
}

/**
 * Each checked file's verdict, keyed by its content's hash, valid for one configuration (its hash
 * covers the settings, the files they were read from, the reports and the product version): an
 * unchanged file is not read again (same stamp) or not checked again (same content). Any cache text
 * that is not one this code wrote for this configuration is ignored, never an error.
 */
export class ResultCache {
  private entries = new Map<string, Entry>();
  private dirty = false;

  private constructor(
    private readonly store: CacheStore,
    private readonly key: string,
  ) {}

  /** The cache for the configuration described by `parts`; empty when the stored one is for another, or unreadable. */
  static async open(options: ResultCacheOptions, parts: readonly string[]): Promise<ResultCache> {
    const key = hashText([options.version, ...parts].join('\0'));
    const cache = new ResultCache(options.store, key);
    let text: string | undefined;
    try {
      text = await options.store.read();
    } catch {
      text = undefined;
    }
    if (text === undefined) return cache;
    try {
      const doc = JSON.parse(text) as Partial<StoredCache>;
      if (doc.format === FORMAT && doc.key === key && typeof doc.base === 'string' && isObject(doc.files) && Array.isArray(doc.verdicts)) {
        const verdicts = doc.verdicts.map((v) => (isVerdict(v) ? v : undefined));
        for (const name in doc.files) {
          const entry = toEntry(doc.files[name], verdicts);
          if (entry) cache.entries.set(doc.base + name, entry);
        }
      } else cache.dirty = true;
    } catch {
      cache.dirty = true; // corrupt: rebuilt by this run
    }
    return cache;
  }

  /** The verdict of a file whose stamp is unchanged: known without reading it. */
  byStamp(uri: string, stamp: string | undefined, role: DocumentRole): FileVerdict | undefined {
    const e = this.entries.get(uri);
    return e && stamp !== undefined && e[0] === stamp && e[2] === role ? e[3] : undefined;
  }

  /** The verdict of a file read again whose content is unchanged (the stamp is refreshed). */
  byContent(uri: string, text: string, stamp: string | undefined, role: DocumentRole): { verdict?: FileVerdict; hash: string } {
    const hash = hashText(text);
    const e = this.entries.get(uri);
    if (!e || e[1] !== hash || e[2] !== role) return { hash };
    if (e[0] !== (stamp ?? null)) {
      this.entries.set(uri, [stamp ?? null, hash, role, e[3]]);
      this.dirty = true;
    }
    return { verdict: e[3], hash };
  }

  put(uri: string, stamp: string | undefined, hash: string, role: DocumentRole, verdict: FileVerdict): void {
    this.entries.set(uri, [stamp ?? null, hash, role, verdict]);
    this.dirty = true;
  }

  /** Replaces a stored verdict by a more complete one of the same content (a link's position found later). */
  refine(uri: string, verdict: FileVerdict | undefined): void {
    const e = this.entries.get(uri);
    if (!e || !verdict || e[3] === verdict) return;
    this.entries.set(uri, [e[0], e[1], e[2], verdict]);
    this.dirty = true;
  }

  forget(uri: string): void {
    if (this.entries.delete(uri)) this.dirty = true;
  }

  /** The entries in their stored form. */
  private stored(): StoredCache {
    let base: string | undefined;
    for (const uri of this.entries.keys()) {
      base ??= uri.slice(0, uri.lastIndexOf('/') + 1);
      while (!uri.startsWith(base)) base = base.slice(0, base.lastIndexOf('/', base.length - 2) + 1);
    }
    base ??= '';
    const verdicts: FileVerdict[] = [];
    const index = new Map<string, number>();
    // No prototype: a file may be named `__proto__`.
    const files = Object.create(null) as Record<string, Stored>;
    for (const [uri, [stamp, hash, role, verdict]] of this.entries) {
      const { link, linkRange, ...shape } = verdict;
      const json = JSON.stringify(shape);
      let i = index.get(json);
      if (i === undefined) index.set(json, (i = verdicts.push(shape) - 1));
      const stored: Stored = [stamp, hash, role, i];
      if (link !== undefined) stored.push(link);
      const r = linkRange;
      if (link !== undefined && r) stored.push([r.start.line, r.start.character, r.end.line, r.end.character]);
      files[uri.slice(base.length)] = stored;
    }
    return { format: FORMAT, key: this.key, base, verdicts, files };
  }

  /** Writes the cache when anything changed. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    await this.store.write(JSON.stringify(this.stored()));
    this.dirty = false;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isVerdict(v: unknown): v is FileVerdict {
  return isObject(v) && Array.isArray(v.own) && v.link === undefined && v.linkRange === undefined;
}

/** A stored file back as an entry; undefined for anything this code did not write. */
function toEntry(s: unknown, verdicts: readonly (FileVerdict | undefined)[]): Entry | undefined {
  if (!Array.isArray(s) || s.length < 4 || s.length > 6) return undefined;
  const [stamp, hash, role, index, link, range] = s as unknown[];
  if ((stamp !== null && typeof stamp !== 'string') || typeof hash !== 'string' || (role !== 'resource' && role !== 'report'))
    return undefined;
  const shape = typeof index === 'number' ? verdicts[index] : undefined;
  if (!shape || (link !== undefined && link !== null && typeof link !== 'string')) return undefined;
  if (range !== undefined && !(Array.isArray(range) && range.length === 4 && range.every((n) => typeof n === 'number'))) return undefined;
  if (typeof link !== 'string') return [stamp, hash, role, shape];
  const [sl, sc, el, ec] = (range ?? []) as number[];
  const linkRange = range ? { start: { line: sl, character: sc }, end: { line: el, character: ec } } : undefined;
  return [stamp, hash, role, { ...shape, link, ...(linkRange ? { linkRange } : {}) }];
}

/** A file as `checkFiles` gets it: a verdict from the cache, or its text (with what the cache needs to store it). */
export interface ReadFile {
  text?: string;
  cached?: FileVerdict;
  stamp?: string;
  hash?: string;
}

/**
 * Reads files through the cache: an unchanged stamp gives the cached verdict unread, unchanged
 * content gives it unchecked; otherwise the text. Without a cache (or with `use` off), just the text.
 */
export function cachedReader(
  workspace: Workspace,
  cache: ResultCache | undefined,
  use: boolean,
  roleOf: (uri: string) => DocumentRole,
): (uri: string) => Promise<ReadFile> {
  if (!cache) return async (uri) => ({ text: await workspace.readText(uri) });
  return async (uri) => {
    const stamp = await workspace.stamp?.(uri);
    const role = roleOf(uri);
    if (use) {
      const known = cache.byStamp(uri, stamp, role);
      if (known) return { cached: known };
    }
    const text = await workspace.readText(uri);
    if (text === undefined) return {};
    const { verdict, hash } = cache.byContent(uri, text, stamp, role);
    return use && verdict ? { cached: verdict } : { text, stamp, hash };
  };
}
