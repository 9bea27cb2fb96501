/**
 * Finds the YAML frontmatter block of a Markdown text: `---` on the first line (after an optional
 * BOM), YAML, then a closing `---` (or `...`) line. Offsets are UTF-16 indices into the text.
 */
export interface FrontmatterBlock {
  /** The text starts with U+FEFF. */
  bom: boolean;
  /** The opening `---` (without its line break). */
  open: { start: number; end: number };
  /** The YAML between the delimiters, from the line after `---` to the start of the closing line. */
  content: { start: number; end: number };
  /** The closing delimiter, or null when the block is never closed. */
  close: { start: number; end: number } | null;
  /** Where the Markdown body starts (after the closing line's line break). */
  bodyStart: number;
}

const OPEN = /---[ \t]*(?:\r\n|\n|\r|$)/y;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

export function findFrontmatter(text: string): FrontmatterBlock | null {
  const bom = text.charCodeAt(0) === 0xfeff;
  const start = bom ? 1 : 0;
  OPEN.lastIndex = start;
  const m = OPEN.exec(text);
  if (!m) return null;
  const open = { start, end: start + 3 };
  const contentStart = start + m[0].length;
  let lineStart = contentStart;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }
    // Only lines starting with '-' or '.' can close; checking the first char keeps this linear and cheap.
    const first = text.charCodeAt(lineStart);
    if ((first === 45 || first === 46) && CLOSE.test(text.slice(lineStart, lineEnd))) {
      const bodyStart = skipLineBreak(text, lineEnd);
      return {
        bom,
        open,
        content: { start: contentStart, end: lineStart },
        close: { start: lineStart, end: lineStart + 3 },
        bodyStart,
      };
    }
    const next = skipLineBreak(text, lineEnd);
    if (next === lineEnd) break;
    lineStart = next;
  }
  return { bom, open, content: { start: contentStart, end: text.length }, close: null, bodyStart: text.length };
}

/** The offset after the line break at `i` (CRLF, LF or CR), or `i` when there is none. */
export function skipLineBreak(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return c === 10 ? i + 1 : i;
}

/** The text's prevailing line break, for edits that insert lines. */
export function lineBreakOf(text: string): '\r\n' | '\n' | '\r' {
  const i = text.search(/\r\n|\n|\r/);
  if (i < 0) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}
