import type { TextEdit } from 'vscode-languageserver-types';
import { LineMap } from './positions';

/** An edit by UTF-16 offsets into one text; LSP `TextEdit`s are made from these at the edge. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Applies non-overlapping LSP edits to a text. Offsets are resolved against the original text, so
 * the order of `edits` does not matter; edits at the same offset keep their given order.
 */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineMap(text);
  return applyOffsetEdits(
    text,
    edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText })),
  );
}

export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - a.e.start - (b.e.end - b.e.start) || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Shrinks an edit to the characters that actually change: the common prefix and suffix of the old
 * and new text stay untouched (never splitting a surrogate pair), so a fix rewrites nothing it need not.
 */
export function minimalEdit(text: string, edit: OffsetEdit): OffsetEdit {
  const old = text.slice(edit.start, edit.end);
  const neu = edit.newText;
  let p = 0;
  const maxP = Math.min(old.length, neu.length);
  while (p < maxP && old.charCodeAt(p) === neu.charCodeAt(p)) p++;
  if (p > 0 && p < old.length && isLowSurrogate(old.charCodeAt(p))) p--;
  let s = 0;
  const maxS = Math.min(old.length, neu.length) - p;
  while (s < maxS && old.charCodeAt(old.length - 1 - s) === neu.charCodeAt(neu.length - 1 - s)) s++;
  if (s > 0 && s < old.length && isLowSurrogate(old.charCodeAt(old.length - s))) s--;
  return { start: edit.start + p, end: edit.end - s, newText: neu.slice(p, neu.length - s) };
}

/**
 * True when two edits cannot both apply. Two insertions at one point collide (their order would be a
 * guess); an insertion at the start or end of a replaced stretch does not.
 */
export function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  if (aInsert && bInsert) return a.start === b.start;
  if (aInsert) return a.start > b.start && a.start < b.end;
  if (bInsert) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Sorts edits (insertions before a replacement at the same offset) and joins the touching ones into one. */
export function joinTouching(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - a.e.start - (b.e.end - b.e.start) || a.i - b.i);
  const out: OffsetEdit[] = [];
  for (const { e } of sorted) {
    if (e.start === e.end && e.newText === '') continue;
    const last = out[out.length - 1];
    if (last && e.start === last.end) out[out.length - 1] = { start: last.start, end: e.end, newText: last.newText + e.newText };
    else out.push(e);
  }
  return out;
}

/**
 * The edits that remove items (by index) from a comma-separated list, a JSON array or a YAML flow
 * sequence, given each item's span in order. A run of consecutive items goes in one edit with the
 * separator before it (after it, for a run at the start), so the runs' edits never overlap or touch
 * and what is left has one separator between each two items; all of them leave only what surrounds
 * the items (`[ ]`).
 */
export function removeListItems(spans: readonly Pick<OffsetEdit, 'start' | 'end'>[], removed: ReadonlySet<number>): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (let a = 0; a < spans.length; a++) {
    if (!removed.has(a)) continue;
    let b = a;
    while (b + 1 < spans.length && removed.has(b + 1)) b++;
    if (a > 0) edits.push({ start: spans[a - 1].end, end: spans[b].end, newText: '' });
    else edits.push({ start: spans[0].start, end: b + 1 < spans.length ? spans[b + 1].start : spans[b].end, newText: '' });
    a = b;
  }
  return edits;
}

export function toTextEdits(lines: LineMap, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

/**
 * Edits that do not overlap, kept sorted (by start, then end), so whether another one collides is
 * answered by a binary search rather than a scan: fix-all plans thousands of fixes on one text.
 * In this order the ends never decrease (only an insertion can end before a stretch starting at its
 * own offset, and it sorts first), so the walk back from the last edit starting before `e` ends stops
 * at the first edit that ends before `e` starts.
 */
export class EditIndex {
  private readonly sorted: OffsetEdit[] = [];

  constructor(edits: readonly OffsetEdit[] = []) {
    for (const e of edits) this.add(e);
  }

  /** True when `e` overlaps an edit held (with `touching`, also when it only touches one). */
  collides(e: OffsetEdit, touching = false): boolean {
    for (let i = this.firstAfter(e.end, Infinity) - 1; i >= 0; i--) {
      const o = this.sorted[i];
      if (o.end < e.start) break;
      if (overlaps(o, e) || (touching && (o.end === e.start || e.end === o.start))) return true;
    }
    return false;
  }

  add(e: OffsetEdit): void {
    const at = this.firstAfter(e.start, e.end);
    if (at === this.sorted.length) this.sorted.push(e);
    else this.sorted.splice(at, 0, e);
  }

  /** The index of the first edit sorting after (start, end). */
  private firstAfter(start: number, end: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const o = this.sorted[mid];
      if (o.start < start || (o.start === start && o.end <= end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
