import { compareNumbers, parts } from './numbers';
import type { Lines, TextLine } from './lines';

/**
 * Evidence rules: each reads the report's lines and proposes sections it has evidence for.
 * The index builder (./indexer.ts) weighs them; each rule is small and tested on its own.
 */

/** A proposed section heading: the number, its title, and where it is written. */
export interface HeadingEvidence {
  number: string;
  title: string;
  /** Line of the number (0-based). */
  line: number;
  /** Offsets of the heading text (number through title, possibly over two lines). */
  start: number;
  end: number;
  rule: 'markdown-heading' | 'chapter-line' | 'numbered-line' | 'bare-number' | 'trailing-number';
}

const DOTTED = String.raw`\d{1,2}(?:\.\d{1,3})+`;

/**
 * Looks like a section title rather than running text: short, starting with a capital or a digit,
 * not ending mid-sentence.
 */
export function titleLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 120) return false;
  if (!/^[\p{Lu}\p{N}"'“(]/u.test(t)) return false;
  if (/[,;:\-–]$/.test(t)) return false;
  if (t.split(/\s+/).length > 16) return false;
  return !/^(Authors?|Fig(ure)?|Table)\b/.test(t);
}

/** Section titles as the index keeps them: without the full stop PDF headings end with. */
export function cleanTitle(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(?<=[^.])\.$/, '')
    .trim();
}

/** `## 4.3 Adaptation` (Markdown reports), outside fenced code. */
export function markdownHeadings(lines: Lines): HeadingEvidence[] {
  const out: HeadingEvidence[] = [];
  let fence: string | null = null;
  for (const l of lines.lines) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(l.text);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = /^ {0,3}#{1,6}[ \t]+(\d{1,2}(?:\.\d{1,3})*)\.?[ \t]+(.*?)[ \t]*#*[ \t]*$/.exec(l.text);
    if (!m || m[2].trim() === '') continue;
    const numberAt = l.start + l.text.indexOf(m[1]);
    out.push({
      number: m[1],
      title: cleanTitle(m[2]),
      line: l.index,
      start: numberAt,
      end: l.start + l.text.trimEnd().length,
      rule: 'markdown-heading',
    });
  }
  return out;
}

/** `4 TECHNOLOGY`: a chapter is a lone number and an upper-case title (a footnote `82 Note that …` is not). */
export function chapterLines(lines: Lines): HeadingEvidence[] {
  const out: HeadingEvidence[] = [];
  for (const l of lines.lines) {
    const m = /^\s*(\d{1,2})\s+([\p{Lu}][\p{Lu}\p{N} ,&'’-]*\p{Lu})\s*$/u.exec(l.text);
    if (!m) continue;
    out.push({
      number: m[1],
      title: m[2],
      line: l.index,
      start: l.start + l.text.indexOf(m[1]),
      end: l.start + l.text.trimEnd().length,
      rule: 'chapter-line',
    });
  }
  return out;
}

/** `4.3.1 Methods for foundation model adaptation.`: a dotted number starting a line, then a title. */
export function numberedLines(lines: Lines): HeadingEvidence[] {
  const out: HeadingEvidence[] = [];
  const re = new RegExp(`^\\s*(${DOTTED})\\.?\\s+(\\S.*?)\\s*$`);
  for (const l of lines.lines) {
    const m = re.exec(l.text);
    if (!m || !titleLike(m[2])) continue;
    out.push({
      number: m[1],
      title: cleanTitle(m[2]),
      line: l.index,
      start: l.start + l.text.indexOf(m[1]),
      end: l.start + l.text.trimEnd().length,
      rule: 'numbered-line',
    });
  }
  return out;
}

function withTitleBelow(
  lines: Lines,
  l: TextLine,
  number: string,
  numberAt: number,
  rule: HeadingEvidence['rule'],
): HeadingEvidence | undefined {
  const next = lines.nextNonBlank(l.index);
  if (!next || next.index > l.index + 2 || !titleLike(next.text)) return undefined;
  return { number, title: cleanTitle(next.text), line: l.index, start: numberAt, end: next.start + next.text.trimEnd().length, rule };
}

/** `2.4.2` alone on its line, the title on the next one. */
export function bareNumbers(lines: Lines): HeadingEvidence[] {
  const out: HeadingEvidence[] = [];
  const re = new RegExp(`^\\s*(${DOTTED})\\.?\\s*$`);
  for (const l of lines.lines) {
    const m = re.exec(l.text);
    if (!m) continue;
    const e = withTitleBelow(lines, l, m[1], l.start + l.text.indexOf(m[1]), 'bare-number');
    if (e) out.push(e);
  }
  return out;
}

/** `Authors: … Manning 2.1.1` then `The nature of human language.`: a heading glued to the end of a line. */
export function trailingNumbers(lines: Lines): HeadingEvidence[] {
  const out: HeadingEvidence[] = [];
  const re = new RegExp(`\\S\\s+(${DOTTED})\\s*$`);
  for (const l of lines.lines) {
    const m = re.exec(l.text);
    if (!m) continue;
    const e = withTitleBelow(lines, l, m[1], l.start + m.index + m[0].indexOf(m[1], 1), 'trailing-number');
    if (e) out.push(e);
  }
  return out;
}

/**
 * Keeps the headings that continue the report's numbering: each must come after the last kept one and
 * be its plausible successor (the next number at some level, allowing one missing number), so
 * numbers in running text, tables and footnotes cannot break into the outline.
 */
export function inSequence(candidates: HeadingEvidence[]): HeadingEvidence[] {
  const sorted = [...candidates].sort((a, b) => a.line - b.line || a.start - b.start);
  const kept: HeadingEvidence[] = [];
  let last: number[] | null = null;
  for (const c of sorted) {
    const p = parts(c.number);
    // The first heading is a chapter line, or a number near the start of a numbering.
    if (last === null ? c.rule === 'chapter-line' || p.every((n) => n <= 2) : plausibleSuccessor(last, p)) {
      kept.push(c);
      last = p;
    }
  }
  return kept;
}

function plausibleSuccessor(last: number[], next: number[]): boolean {
  if (compareNumbers(next.join('.'), last.join('.')) <= 0) return false;
  let i = 0;
  while (i < next.length && next[i] === (last[i] ?? 0)) i++;
  if (i >= next.length) return false;
  const step = next[i] - (last[i] ?? 0);
  if (step < 1 || step > 2) return false;
  return next.slice(i + 1).every((n) => n <= 2);
}

/** `§4.3: Adaptation.` alone on its line: an overview entry naming a section by its title. */
export interface OverviewEvidence {
  number: string;
  title: string;
  line: number;
  start: number;
  end: number;
}

export function overviewEntries(lines: Lines): OverviewEvidence[] {
  const out: OverviewEvidence[] = [];
  for (const l of lines.lines) {
    const m = /^\s*(?:[-*+]\s+)?§\s?(\d{1,2}(?:\.\d{1,3})*):\s*(\p{Lu}.*?)\s*$/u.exec(l.text);
    if (!m || !titleLike(m[2])) continue;
    out.push({
      number: m[1],
      title: cleanTitle(m[2]),
      line: l.index,
      start: l.start + l.text.indexOf('§'),
      end: l.start + l.text.trimEnd().length,
    });
  }
  return out;
}
