import { isSeq, type Node } from 'yaml';
import { spanOf, type ParsedResource } from '../document';
import type { OffsetEdit } from '../edits';
import { lineEndAfter, lineStartOf, listOf } from './source';
import type { Fixer } from './types';

/**
 * The edit that removes one list item and leaves a valid list: in a flow list, the item with the
 * separator before it (`, "x"`); in a block list, the item's whole line(s).
 */
export function removeItemEdit(parsed: ParsedResource, path: readonly (string | number)[]): OffsetEdit | null {
  const list = listOf(parsed, path);
  if (!list || !isSeq(list.seq)) return null;
  const items = list.seq.items as Node[];
  const item = spanOf(parsed, items[list.index]);
  if (!item) return null;
  if (list.seq.flow) {
    if (list.index > 0) {
      const prev = spanOf(parsed, items[list.index - 1]);
      return prev ? { start: prev.end, end: item.end, newText: '' } : null;
    }
    const next = items.length > 1 ? spanOf(parsed, items[1]) : null;
    return { start: item.start, end: next ? next.start : item.end, newText: '' };
  }
  const start = lineStartOf(parsed.text, item.start);
  // Only whitespace and the `-` indicator may precede the item on its line, or the line is not the item's alone.
  if (!/^[ \t]*-[ \t]*$/.test(parsed.text.slice(start, item.start))) return null;
  return { start, end: lineEndAfter(parsed.text, item.end), newText: '' };
}

/** `duplicate-value`: remove the repeat (an exact repeat loses nothing, so this is preferred). */
export const fixDuplicateValue: Fixer = (finding, ctx) => {
  const path = finding.data?.path;
  if (!path) return [];
  const edit = removeItemEdit(ctx.parsed, path);
  if (!edit) return [];
  return [{ title: 'Remove the repeated item', finding, edits: [edit], preferred: true, destructive: false }];
};
