/** A text split into lines once, with each line's start offset, for line-based rules and positions. */
export interface TextLine {
  index: number;
  start: number;
  /** The line without its terminator. */
  text: string;
}

export class Lines {
  readonly lines: TextLine[] = [];

  constructor(readonly text: string) {
    const re = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      this.lines.push({ index: this.lines.length, start, text: text.slice(start, m.index) });
      start = m.index + m[0].length;
    }
    this.lines.push({ index: this.lines.length, start, text: text.slice(start) });
  }

  /** 0-based line of an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** LSP position (UTF-16 character) of an offset. */
  position(offset: number): { line: number; character: number } {
    const line = this.lineAt(offset);
    return { line, character: Math.min(offset, this.lines[line].start + this.lines[line].text.length) - this.lines[line].start };
  }

  /** The next line after `index` that is not blank. */
  nextNonBlank(index: number): TextLine | undefined {
    for (let i = index + 1; i < this.lines.length; i++) if (this.lines[i].text.trim() !== '') return this.lines[i];
    return undefined;
  }
}
