import { LineMap } from '../positions';

/** A text split into lines once, with each line's start offset, for line-based rules. */
export interface TextLine {
  index: number;
  start: number;
  /** The line without its terminator. */
  text: string;
}

export class Lines {
  readonly lines: TextLine[] = [];
  /** Offset ↔ position of the same text (its line starts are the ones these lines are cut at). */
  readonly positions: LineMap;

  constructor(readonly text: string) {
    this.positions = new LineMap(text);
    const starts = this.positions.lineStarts();
    for (let i = 0; i < starts.length; i++) {
      this.lines.push({ index: i, start: starts[i], text: text.slice(starts[i], this.positions.lineEnd(i)) });
    }
  }

  /** 0-based line of an offset. */
  lineAt(offset: number): number {
    return this.positions.lineAt(offset);
  }

  /** The next line after `index` that is not blank. */
  nextNonBlank(index: number): TextLine | undefined {
    for (let i = index + 1; i < this.lines.length; i++) if (this.lines[i].text.trim() !== '') return this.lines[i];
    return undefined;
  }
}
