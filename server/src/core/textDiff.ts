import { minimalEdit, type OffsetEdit } from './edits';

/** The lines of a text, each with its line break (`\n` or `\r\n`), so joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Edits turning `before` into `after`: one per run of changed lines (a longest-common-subsequence diff
 * of the lines that differ), each shrunk to the characters that change. Unchanged lines, and so a
 * body a fix never touches, are never part of an edit.
 */
export function diffEdits(before: string, after: string): OffsetEdit[] {
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  // Fixes change a few frontmatter lines: the common head and tail leave a small middle to diff.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  let offset = a.slice(0, head).reduce((n, l) => n + l.length, 0);
  const edits: OffsetEdit[] = [];
  let run: OffsetEdit | undefined;
  const flush = () => {
    if (run) edits.push(minimalEdit(before, run));
    run = undefined;
  };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      flush();
      offset += x[i].length;
      i++;
      j++;
    } else if (j < y.length && (i === x.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      run ??= { start: offset, end: offset, newText: '' };
      run.newText += y[j++];
    } else {
      run ??= { start: offset, end: offset, newText: '' };
      offset += x[i].length;
      run.end = offset;
      i++;
    }
  }
  flush();
  return edits;
}
