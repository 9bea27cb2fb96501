import {
  bareNumbers,
  chapterLines,
  inSequence,
  markdownHeadings,
  numberedLines,
  overviewEntries,
  trailingNumbers,
  type HeadingEvidence,
  type OverviewEvidence,
} from './evidence';
import type { LineMap } from '../positions';
import { Lines } from './lines';
import { compareNumbers, parentOf, parts } from './numbers';
import { parseReferences, type SectionReference } from './references';
import { githubSlug } from './slug';

/** Why the index believes a section exists. */
export type SectionEvidence = HeadingEvidence['rule'] | 'subsections' | 'overview' | 'references';

/** One numbered section of a report. Offsets are UTF-16 offsets into the report text. */
export interface ReportSection {
  number: string;
  title: string | null;
  /** The label the report's own references use most for this number (`adaptation`); null when none. */
  label: string | null;
  parent: string | null;
  /** 0-based line of the heading, or of the first evidence for a section without one. */
  line: number;
  /** The heading (or evidence) span: the selection range of the outline, the target of F12. */
  start: number;
  end: number;
  /** Where the section's text runs until (exclusive): the start of the next section that is not inside it. */
  spanEnd: number;
  evidence: SectionEvidence;
  /** GitHub-style anchor of `number title`, the `#` fragment links may use. */
  slug: string;
}

export type ReportFormat = 'markdown' | 'text';

export interface ReportIndex {
  uri: string;
  format: ReportFormat;
  text: string;
  /** Offset ↔ position in the report's text. */
  lines: LineMap;
  /** Every section, in the report's numbering order (its document order). */
  sections: ReportSection[];
  byNumber: Map<string, ReportSection>;
  /** The report's own references, parsed once. */
  references: SectionReference[];
}

/** Markdown reports have `#` headings; anything else (text extracted from a PDF) is read as plain lines. */
export function reportFormat(uri: string): ReportFormat {
  return /\.(md|markdown|mdx)$/i.test(uri.replace(/[?#].*$/, '')) ? 'markdown' : 'text';
}

function headings(lines: Lines, format: ReportFormat): HeadingEvidence[] {
  if (format === 'markdown') {
    const seen = new Set<string>();
    return markdownHeadings(lines).filter((h) => !seen.has(h.number) && seen.add(h.number));
  }
  return inSequence([...chapterLines(lines), ...numberedLines(lines), ...bareNumbers(lines), ...trailingNumbers(lines)]);
}

/** A lower-case word after `§4.3:` in running text is a label; a capitalised one is a title. */
function isLabel(ref: SectionReference): boolean {
  return ref.label !== null && !/\p{Lu}/u.test(ref.label);
}

/**
 * Builds the section index of a report from evidence: headings (several rules for PDF text), the
 * sections those imply (a 4.3.1 proves a 4.3), overview entries (`§4.7: Security and privacy.`) and
 * the report's own references, which also give each section its canonical label.
 */
export function buildReportIndex(text: string, uri: string, declared: ReportFormat = reportFormat(uri)): ReportIndex {
  const lines = new Lines(text);
  // A `.md` file without one numbered `#` heading is plain text under a Markdown name (a PDF export
  // pasted into a .md): its headings are plain lines, so the plain-text rules read it.
  const format = declared === 'markdown' && headings(lines, 'markdown').length === 0 ? 'text' : declared;
  const references = parseReferences(text).filter((r) => r.kind === 'section');
  const overview = overviewEntries(lines);
  const overviewAt = new Set(overview.map((o) => o.start));
  const byNumber = new Map<string, ReportSection>();
  const add = (s: Omit<ReportSection, 'parent' | 'label' | 'spanEnd' | 'slug'>): ReportSection => {
    const section: ReportSection = { ...s, parent: parentOf(s.number), label: null, spanEnd: text.length, slug: '' };
    byNumber.set(s.number, section);
    return section;
  };

  for (const h of headings(lines, format))
    add({ number: h.number, title: h.title, line: h.line, start: h.start, end: h.end, evidence: h.rule });

  // A subsection proves its parents: they start where their first subsection does.
  for (const s of [...byNumber.values()].sort((a, b) => b.line - a.line)) {
    for (let p = parentOf(s.number); p !== null; p = parentOf(p)) {
      const known = byNumber.get(p);
      if (known && known.evidence !== 'subsections') break;
      if (known && known.line <= s.line) continue;
      add({ number: p, title: null, line: s.line, start: s.start, end: s.start, evidence: 'subsections' });
    }
  }

  const titles = new Map<string, OverviewEvidence>();
  for (const o of overview) if (!titles.has(o.number)) titles.set(o.number, o);
  const firstCitation = new Map<string, SectionReference>();
  const labelCounts = new Map<string, Map<string, number>>();
  for (const r of references) {
    const n = r.number!;
    if (!firstCitation.has(n)) firstCitation.set(n, r);
    if (!isLabel(r) || overviewAt.has(r.start)) continue;
    const counts = labelCounts.get(n) ?? new Map<string, number>();
    counts.set(r.label!, (counts.get(r.label!) ?? 0) + 1);
    labelCounts.set(n, counts);
  }

  // Sections named only by the overview or the report's own references exist when they fit the
  // numbering: their parent exists and they fill a gap or follow the last sibling. Only text extracted
  // from a PDF loses headings; in Markdown a cited number without a heading is the report's mistake.
  const implied = format === 'text' ? [...new Set([...titles.keys(), ...firstCitation.keys()])].sort(compareNumbers) : [];
  for (const n of implied) {
    if (byNumber.has(n) || !fitsNumbering(n, byNumber)) continue;
    const o = titles.get(n);
    if (o) add({ number: n, title: null, line: o.line, start: o.start, end: o.end, evidence: 'overview' });
    else {
      const r = firstCitation.get(n)!;
      add({ number: n, title: null, line: lines.lineAt(r.start), start: r.start, end: r.end, evidence: 'references' });
    }
  }

  const sections = [...byNumber.values()].sort((a, b) => compareNumbers(a.number, b.number));
  for (const s of sections) {
    if (s.title === null) s.title = titles.get(s.number)?.title ?? null;
    s.label = mostUsed(labelCounts.get(s.number));
    s.slug = githubSlug(s.title ? `${s.number} ${s.title}` : s.number);
  }
  for (const s of sections) if (s.evidence === 'subsections') startWhereTitled(s, sections, lines);
  assignSpans(sections, text.length);
  return { uri, format, text, lines: lines.positions, sections, byNumber, references };
}

/** The words of a title that text about it would repeat: `Security and privacy` → `secur`, `priva`. */
function titleStems(title: string): string[] {
  return (title.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5));
}

/**
 * A section proved only by its subsections lost its heading in the extraction, but its own text
 * (the introduction before its first subsection) is still there: it starts at the first line after
 * the preceding heading that names every word of the section's title outside a citation (`4.7 Security and privacy`
 * starts at "… a variety of security and privacy threats."). Without such a line it stays at its
 * first subsection.
 */
function startWhereTitled(section: ReportSection, sections: ReportSection[], lines: Lines): void {
  if (!section.title) return;
  // One pattern per word of the title, compiled once for all the lines searched.
  const stems = titleStems(section.title).map((stem) => new RegExp(`(?<!\\p{L})${stem}`, 'u'));
  if (stems.length === 0) return;
  let from = 0;
  for (const o of sections) {
    if (o === section || o.evidence === 'references' || o.number.startsWith(section.number + '.')) continue;
    if (o.start < section.start) from = Math.max(from, o.end);
  }
  const first = lines.lineAt(from) + 1;
  const last = lines.lineAt(section.start);
  for (let i = first; i < last; i++) {
    const l = lines.lines[i];
    // A citation names the title too (`§4.3: adaptation` in another section's text): not this section's text.
    const words = l.text.replace(/§\s?\d[\d.]*(?::\s*[\p{L}\p{N}-]+)?/gu, ' ').toLowerCase();
    if (!stems.every((stem) => stem.test(words))) continue;
    const at = l.start + (l.text.length - l.text.trimStart().length);
    Object.assign(section, { line: i, start: at, end: at });
    return;
  }
}

function fitsNumbering(number: string, known: Map<string, ReportSection>): boolean {
  const parent = parentOf(number);
  if (parent === null) return false; // a chapter needs a heading or an overview entry with subsections
  if (!known.has(parent)) return false;
  const last = parts(number).pop()!;
  let maxSibling = 0;
  for (const s of known.values()) if (parentOf(s.number) === parent) maxSibling = Math.max(maxSibling, parts(s.number).pop()!);
  return last <= maxSibling + 1;
}

function mostUsed(counts: Map<string, number> | undefined): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [label, c] of counts ?? []) if (c > n) [best, n] = [label, c];
  return best;
}

/** A section's text runs until the next section (in numbering order) that starts after it and is not inside it. */
function assignSpans(sections: ReportSection[], textEnd: number): void {
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i];
    let end = textEnd;
    for (let j = i + 1; j < sections.length; j++) {
      const o = sections[j];
      if (o.number.startsWith(s.number + '.')) continue;
      if (o.start > s.start) {
        end = o.start;
        break;
      }
    }
    for (let j = i + 1; j < sections.length && sections[j].number.startsWith(s.number + '.'); j++) end = Math.max(end, sections[j].spanEnd);
    s.spanEnd = Math.max(end, s.end);
  }
}
