import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/** Offset ↔ LSP position (0-based lines, UTF-16 characters) for one text, computed lazily once. */
export class LineMap {
  private doc: TextDocument;
  constructor(text: string) {
    this.doc = TextDocument.create('mem://text', 'markdown', 0, text);
  }
  position(offset: number): Position {
    return this.doc.positionAt(offset);
  }
  offset(position: Position): number {
    return this.doc.offsetAt(position);
  }
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
