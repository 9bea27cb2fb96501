import type { Position, Range } from 'vscode-languageserver-types';

const LF = 10;
const CR = 13;
const isLineBreak = (c: number) => c === LF || c === CR;
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Offset ↔ LSP position for one text: 0-based lines, UTF-16 characters, and a line ends at CRLF, LF
 * or a lone CR, as the LSP says. The one such map of the code base: analyses, report indexes, fixes
 * and hosts (for a file that is not open in the editor, too) all use it. Making one costs nothing;
 * the table of line starts is built on first use, once.
 */
export class LineMap {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  /** The offset each line starts at; the first is 0. */
  lineStarts(): readonly number[] {
    if (!this.starts) {
      const starts = [0];
      // A regular expression finds the breaks of a long report several times faster than a loop over its characters.
      LINE_BREAK.lastIndex = 0;
      for (let m = LINE_BREAK.exec(this.text); m; m = LINE_BREAK.exec(this.text)) starts.push(m.index + m[0].length);
      this.starts = starts;
    }
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  /** The 0-based line an offset is on (offsets outside the text count as its first or last line). */
  lineAt(offset: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The end of line `line`'s text: before its line break. */
  lineEnd(line: number): number {
    const starts = this.lineStarts();
    let end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    const start = starts[Math.max(0, Math.min(line, starts.length - 1))];
    while (end > start && isLineBreak(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(at);
    const start = this.lineStarts()[line];
    // An offset inside a line break (between CR and LF) is the end of its line.
    return { line, character: this.beforeLineBreak(at, start) - start };
  }

  offset(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    // A character past the line's end is its end (the LSP's rule), never a place inside the break.
    return this.beforeLineBreak(Math.min(start + position.character, next), start);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }
}
