import type { Range } from 'vscode-languageserver-types';
import { fieldPair, isBlank, spanOf } from '../document';
import type { Analysis } from '../service';

/**
 * The workspace-level `duplicate-resource` check: two or more resources whose `link`s name the same
 * page. Pure bookkeeping: the host tells the index each file's link as it reads files, and asks
 * which files a change affects and what to report for one file.
 */

/**
 * The comparison key of a link: scheme and host lower-cased (the URL parser does that), a trailing
 * slash of the path dropped. A value that does not parse as a URL compares as written (trimmed).
 */
export function normaliseLink(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const link = value.trim();
  if (link === '') return undefined;
  // A regex rather than the URL parser: this runs for every file of a library, and duplicate-resource
  // (README, "What is checked") asks for exactly this much normalisation.
  const m = HTTP_URL.exec(link);
  if (!m) return link;
  const [, scheme, host, pathname, rest] = m;
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${pathname.replace(/\/+$/, '')}${rest}`;
}

/** scheme, host (with any user info and port), path, then query and fragment. */
const HTTP_URL = /^(https?):\/\/([^/?#]*)([^?#]*)(.*)$/i;

/** The key and the source range of a resource's `link`, read from a full analysis. */
export function linkOf(analysis: Analysis): { key: string; range: Range } | undefined {
  const data = analysis.parsed.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const key = normaliseLink((data as Record<string, unknown>).link);
  if (key === undefined) return undefined;
  const pair = fieldPair(analysis.parsed, 'link');
  const node = pair && !isBlank(pair.value) ? pair.value : pair?.key;
  const span = spanOf(analysis.parsed, node) ?? analysis.parsed.block?.open;
  if (!span) return undefined;
  return { key, range: analysis.lines.range(span.start, span.end) };
}

/** What to report for one file that shares its link with others. */
export interface DuplicateReport {
  /** The file's own `link` value. */
  range: Range;
  message: string;
  /** Every other file with the same link, where its link is. */
  others: { file: string; range: Range | undefined }[];
}

interface Entry {
  key: string;
  range: Range | undefined;
}

/**
 * Files by normalised link. File names are whatever the host uses (URIs in the server, root-relative
 * paths in the CLI); `describe` turns one into the name shown in messages.
 */
export class DuplicateLinkIndex {
  private readonly byFile = new Map<string, Entry>();
  /** The files of each link: most links have one file, kept as itself (a Set per file would dominate the index). */
  private readonly byKey = new Map<string, string | Set<string>>();

  /**
   * Records a file's link (undefined: it has none). Returns the other files whose report may have
   * changed: its old and new partners.
   */
  set(file: string, key: string | undefined, range?: Range): string[] {
    const old = this.byFile.get(file);
    if (old && old.key === key) {
      if (range) old.range = range;
      // The same link moved within the file: partners point at it, so they change too.
      return this.partners(file);
    }
    const affected = new Set<string>();
    if (old) {
      for (const f of this.partners(file)) affected.add(f);
      this.remove(file, old.key);
    }
    if (key !== undefined) {
      this.byFile.set(file, { key, range });
      const group = this.byKey.get(key);
      if (group === undefined) this.byKey.set(key, file);
      else if (typeof group === 'string') this.byKey.set(key, new Set([group, file]));
      else group.add(file);
      for (const f of this.partners(file)) affected.add(f);
    }
    return [...affected];
  }

  /** Forgets a file (deleted, or no longer a resource); returns its former partners. */
  delete(file: string): string[] {
    const old = this.byFile.get(file);
    if (!old) return [];
    const partners = this.partners(file);
    this.remove(file, old.key);
    return partners;
  }

  clear(): void {
    this.byFile.clear();
    this.byKey.clear();
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  /** Whether another file has the same link as `file` (asked of every file: no list is built). */
  hasPartners(file: string): boolean {
    const entry = this.byFile.get(file);
    return entry !== undefined && sizeOf(this.byKey.get(entry.key)) > 1;
  }

  /** The other files with the same link as `file`, in name order. */
  partners(file: string): string[] {
    const entry = this.byFile.get(file);
    if (!entry) return [];
    const group = this.byKey.get(entry.key);
    if (typeof group !== 'object' || group.size < 2) return [];
    return [...group].filter((f) => f !== file).sort();
  }

  /** Files that have partners but whose link position is not known yet (checked on a fast path). */
  missingRanges(): string[] {
    const out: string[] = [];
    for (const group of this.byKey.values()) {
      if (typeof group !== 'object' || group.size < 2) continue;
      for (const f of group) if (!this.byFile.get(f)?.range) out.push(f);
    }
    return out.sort();
  }

  /** Every file that shares its link with another. */
  duplicated(): string[] {
    const out: string[] = [];
    for (const group of this.byKey.values()) if (typeof group === 'object' && group.size > 1) out.push(...group);
    return out.sort();
  }

  report(file: string, describe: (file: string) => string = (f) => f): DuplicateReport | undefined {
    const entry = this.byFile.get(file);
    const partners = this.partners(file);
    if (!entry?.range || partners.length === 0) return undefined;
    const names = partners.map(describe);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return {
      range: entry.range,
      message: `The same link is already the link of ${shown}: each resource should have its own; remove the duplicate resource or correct its link.`,
      others: partners.map((f) => ({ file: f, range: this.byFile.get(f)?.range })),
    };
  }

  private remove(file: string, key: string): void {
    this.byFile.delete(file);
    const group = this.byKey.get(key);
    if (typeof group === 'string') {
      if (group === file) this.byKey.delete(key);
      return;
    }
    group?.delete(file);
    if (group?.size === 1) this.byKey.set(key, [...group][0]);
    else if (group?.size === 0) this.byKey.delete(key);
  }
}

const sizeOf = (group: string | Set<string> | undefined): number => (group === undefined ? 0 : typeof group === 'string' ? 1 : group.size);
