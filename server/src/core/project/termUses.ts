import type { Range } from 'vscode-languageserver-types';
import type { QuoteStyle } from '../fixes/source';
import type { LineMap } from '../positions';
import type { VocabularyName } from '../vocabulary';
import type { TermUse, TermValue } from '../vocab/uses';

/** A use of a term as the index keeps it: where it is as an LSP range, and how it is written. */
export interface IndexedUse extends TermValue {
  range: Range;
  quote: QuoteStyle;
  inFlow: boolean;
  index: number | null;
}

const QUOTES: readonly QuoteStyle[] = ['plain', 'double', 'single'];
/** Integers kept per use: start line, start character, end line, end character, and the flags. */
const STRIDE = 5;

/** What one file uses: term ids in order and, once known, their positions (STRIDE integers each). */
interface FileUses {
  ids: Int32Array;
  positions: Int32Array | null;
}

/**
 * Every use of every vocabulary term across the checked files, kept up to date as each file is
 * checked: which files use a term (answered without reading any file) and, per file, where each use
 * is. A file the fast path vouched for is known by its values first; its positions come from a YAML
 * parse of its text when they are first needed (`resolve`), or from the full analysis it was checked with.
 * Terms are interned to small integers and positions held in typed arrays, so 15,000 files cost a few MB.
 */
export class TermUseIndex {
  private readonly ids = new Map<string, number>();
  private readonly terms: TermValue[] = [];
  private readonly byFile = new Map<string, FileUses>();
  private readonly byTerm = new Map<number, Set<string>>();

  private idOf(vocabulary: VocabularyName, value: string): number {
    const key = `${vocabulary}\u0000${value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(key, id);
      this.terms.push({ vocabulary, value });
    }
    return id;
  }

  /** Records a file's uses with their positions (from a parse of its text), replacing what it had. */
  set(uri: string, uses: readonly TermUse[], lines: LineMap): void {
    const positions = new Int32Array(uses.length * STRIDE);
    uses.forEach((u, i) => {
      const start = lines.position(u.start);
      const end = lines.position(u.end);
      const flags = QUOTES.indexOf(u.quote) | (u.inFlow ? 4 : 0) | ((u.index === null ? 0 : u.index + 1) << 3);
      positions.set([start.line, start.character, end.line, end.character, flags], i * STRIDE);
    });
    this.record(
      uri,
      Int32Array.from(uses, (u) => this.idOf(u.vocabulary, u.value)),
      positions,
    );
  }

  /** Records a file's term values without positions (the fast path vouched for it), replacing what it had. */
  setValues(uri: string, values: readonly TermValue[]): void {
    this.record(
      uri,
      Int32Array.from(values, (v) => this.idOf(v.vocabulary, v.value)),
      null,
    );
  }

  private record(uri: string, ids: Int32Array, positions: Int32Array | null): void {
    this.delete(uri);
    if (ids.length === 0) return;
    this.byFile.set(uri, { ids, positions });
    for (const id of ids) {
      let files = this.byTerm.get(id);
      if (!files) this.byTerm.set(id, (files = new Set()));
      files.add(uri);
    }
  }

  delete(uri: string): void {
    const known = this.byFile.get(uri);
    if (!known) return;
    this.byFile.delete(uri);
    for (const id of known.ids) {
      const files = this.byTerm.get(id);
      files?.delete(uri);
      if (files?.size === 0) this.byTerm.delete(id);
    }
  }

  /** The files that use a term. */
  files(vocabulary: VocabularyName, value: string): string[] {
    const id = this.ids.get(`${vocabulary}\u0000${value}`);
    const files = id === undefined ? undefined : this.byTerm.get(id);
    return files ? [...files] : [];
  }

  /** How many files use a term. */
  count(vocabulary: VocabularyName, value: string): number {
    const id = this.ids.get(`${vocabulary}\u0000${value}`);
    return id === undefined ? 0 : (this.byTerm.get(id)?.size ?? 0);
  }

  /** Whether a file's positions are known (or it uses nothing). */
  resolved(uri: string): boolean {
    const known = this.byFile.get(uri);
    return !known || known.positions !== null;
  }

  /** The files whose positions are not known yet. */
  unresolved(): string[] {
    const out: string[] = [];
    for (const [uri, f] of this.byFile) if (!f.positions) out.push(uri);
    return out;
  }

  /** A file's uses with their positions, in order (of one term only with `only`); undefined while unresolved. */
  uses(uri: string, only?: TermValue): IndexedUse[] | undefined {
    const known = this.byFile.get(uri);
    if (!known) return [];
    const p = known.positions;
    if (!p) return undefined;
    const want = only ? this.ids.get(`${only.vocabulary}\u0000${only.value}`) : undefined;
    if (only && want === undefined) return [];
    const out: IndexedUse[] = [];
    known.ids.forEach((id, i) => {
      if (want !== undefined && id !== want) return;
      const o = i * STRIDE;
      const flags = p[o + 4];
      out.push({
        ...this.terms[id],
        range: { start: { line: p[o], character: p[o + 1] }, end: { line: p[o + 2], character: p[o + 3] } },
        quote: QUOTES[flags & 3],
        inFlow: (flags & 4) !== 0,
        index: flags >> 3 === 0 ? null : (flags >> 3) - 1,
      });
    });
    return out;
  }

  /**
   * Where a term is used in a file, as LSP ranges appended to `out` (no other object made: a tag of
   * 5,000 files is listed in milliseconds); false while the file's positions are unknown.
   */
  ranges(uri: string, term: TermValue, out: { uri: string; range: Range }[]): boolean {
    const known = this.byFile.get(uri);
    if (!known) return true;
    const p = known.positions;
    if (!p) return false;
    const want = this.ids.get(`${term.vocabulary}\u0000${term.value}`);
    const ids = known.ids;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] !== want) continue;
      const o = i * STRIDE;
      out.push({ uri, range: { start: { line: p[o], character: p[o + 1] }, end: { line: p[o + 2], character: p[o + 3] } } });
    }
    return true;
  }

  /** Every used term with the number of files using it. */
  counts(): { term: TermValue; files: number }[] {
    return [...this.byTerm].map(([id, files]) => ({ term: this.terms[id], files: files.size }));
  }

  get size(): number {
    return this.byFile.size;
  }
}
