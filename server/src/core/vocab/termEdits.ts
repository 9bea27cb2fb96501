import { isSeq, type Node, type Pair } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { fieldPair, spanOf, type ParsedResource } from '../document';
import { joinTouching, removeListItems, type OffsetEdit } from '../edits';
import { afterColon } from '../fixes/shapes';
import { lineEndAfter, lineStartOf, renderScalar } from '../fixes/source';
import type { IndexedUse } from '../project/termUses';
import { VOCABULARY_FILES, type VocabularyName } from '../vocabulary';
import { categoryEntries, replaceJsonString, vocabularyEntries } from './dataFile';
import { termUsesOf } from './uses';

/** What happens to a term everywhere: renamed (merged when `to` is a term already), or retired (removed, or replaced by `to`). */
export type TermChange =
  | { kind: 'rename'; vocabulary: VocabularyName; value: string; to: string }
  | { kind: 'retire'; vocabulary: VocabularyName; value: string; replaceWith?: string }
  | { kind: 'label'; vocabulary: VocabularyName; value: string; label: string };

/** The value a term's uses end up with: another term, or none (the uses are removed). */
export function targetOf(change: TermChange): string | null {
  if (change.kind === 'rename') return change.to;
  if (change.kind === 'retire') return change.replaceWith ?? null;
  return change.value;
}

/** A resource's edits for a change of one term, or why it cannot be made there. */
export type ResourceEdits = { edits: OffsetEdit[] } | { blocked: 'required' };

/**
 * The edits one resource needs when the uses of `value` become `to` (null: go): a list item is renamed
 * in its quoting, or removed where the list has `to` already (a merge leaves no repeat) or `to` is
 * null; a single value (`focus: X`) is replaced, and cannot be removed (`blocked`). Only the values
 * change: the list's style, the other items, comments and line breaks stay as they are.
 */
export function resourceEdits(parsed: ParsedResource, vocabulary: VocabularyName, value: string, to: string | null): ResourceEdits {
  const uses = termUsesOf(parsed).filter((u) => u.vocabulary === vocabulary && u.value === value);
  if (uses.length === 0) return { edits: [] };
  const pair = fieldPair(parsed, vocabulary);
  const seq = pair?.value;
  if (!pair || !isSeq(seq)) {
    if (to === null) return { blocked: 'required' };
    return { edits: uses.map((u) => ({ start: u.start, end: u.end, newText: renderScalar(to, u.quote, u.inFlow) })) };
  }
  const items = seq.items as Node[];
  const hasTarget = to !== null && termUsesOf(parsed).some((u) => u.vocabulary === vocabulary && u.value === to);
  if (to !== null && !hasTarget) {
    return { edits: uses.map((u) => ({ start: u.start, end: u.end, newText: renderScalar(to, u.quote, u.inFlow) })) };
  }
  const removed = new Set(uses.map((u) => u.index!));
  return { edits: removeItems(parsed, pair as Pair<Node, Node | null>, items, removed) };
}

/** Removes list items by index: consecutive ones with one edit, an emptied block list becoming `[]`. */
function removeItems(
  parsed: ParsedResource,
  pair: Pair<Node, Node | null>,
  items: readonly Node[],
  removed: ReadonlySet<number>,
): OffsetEdit[] {
  const spans = items.map((i) => spanOf(parsed, i)!);
  const seq = pair.value as Node & { flow?: boolean };
  if (seq.flow) return removeListItems(spans, removed);
  if (removed.size === items.length) {
    const colon = afterColon(parsed, pair);
    const end = spans[spans.length - 1].end;
    return colon === null ? [] : [{ start: colon, end, newText: ' []' }];
  }
  return joinTouching(
    [...removed].map((i) => ({
      start: lineStartOf(parsed.text, spans[i].start),
      end: lineEndAfter(parsed.text, spans[i].end),
      newText: '',
    })),
  );
}

/**
 * A rename's edit of one use known from the index, when the file needs nothing but the value
 * rewritten: only the characters between the quotes (the whole value when plain) change.
 */
export function renameUseEdit(use: IndexedUse, to: string): TextEdit {
  const { start, end } = use.range;
  if (use.quote !== 'plain' && start.line === end.line) {
    const inner = use.quote === 'double' ? JSON.stringify(to).slice(1, -1) : to.replace(/'/g, "''");
    return {
      range: { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } },
      newText: inner,
    };
  }
  return { range: use.range, newText: renderScalar(to, use.quote, use.inFlow) };
}

/**
 * The data file's edits: the entry's value renamed, its label changed, or (retired, or merged onto
 * another term) the entry removed with its separator; a value the file repeats is renamed or removed
 * everywhere (its label is the first entry's); undefined when the file does not have the term.
 */
export function dataFileEdits(text: string, change: TermChange, merge: boolean): OffsetEdit[] | undefined {
  const list = vocabularyEntries(text, VOCABULARY_FILES[change.vocabulary].key);
  const at = indexesOf(list?.items ?? [], change.value);
  if (!list || at.length === 0) return undefined;
  if (change.kind === 'label') {
    const entry = list.items[at[0]];
    return entry.labelSpan ? [replaceJsonString(entry.labelSpan, change.label)] : undefined;
  }
  if (change.kind === 'retire' || merge) return removeListItems(list.spans, new Set(at));
  return at.map((i) => replaceJsonString(list.items[i].valueSpan, change.to));
}

/** The categories file's edits for a focus renamed (or merged, without a repeat) or retired; empty when no category names it. */
export function categoryEdits(text: string, value: string, to: string | null): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const category of categoryEntries(text) ?? []) {
    const items = category.focuses.items;
    const at = indexesOf(items, value);
    if (at.length === 0) continue;
    if (to !== null && !items.some((f) => f.value === to)) {
      for (const i of at) edits.push(replaceJsonString(items[i].span, to));
      continue;
    }
    edits.push(...removeListItems(category.focuses.spans, new Set(at)));
  }
  return edits;
}

/** Where a list (of data entries or focuses) has `value`: every occurrence, a repeat too. */
function indexesOf(items: readonly { value: string }[], value: string): number[] {
  return items.flatMap((item, i) => (item.value === value ? [i] : []));
}
