import {
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentLink,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import { sectionName } from '../checks/sections';
import type { ReportIndex, ReportSection } from './indexer';
import { parseReferences, type SectionReference } from './references';
import type { ReportSet } from './reportSet';
import { resolveReference } from './resolve';

/** A document as the section features see it: text, URI, positions; `self` when it is a report. */
export interface SectionDocument {
  uri: string;
  text: string;
  position(offset: number): Position;
  offset(position: Position): number;
  /** The document's own index when it is one of the reports. */
  self?: ReportIndex;
}

function referencesOf(doc: SectionDocument): SectionReference[] {
  return doc.self && doc.self.text === doc.text ? doc.self.references : parseReferences(doc.text);
}

function reportRange(report: ReportIndex, start: number, end: number): Range {
  return { start: report.lines.position(start), end: report.lines.position(end) };
}

/** `4 TECHNOLOGY › 4.3 Adaptation` */
export function breadcrumb(report: ReportIndex, section: ReportSection): string {
  const chain: ReportSection[] = [];
  for (let s: ReportSection | undefined = section; s; s = s.parent ? report.byNumber.get(s.parent) : undefined) chain.unshift(s);
  return chain.map((s) => (s.title ? `${s.number} ${s.title}` : s.number)).join(' › ');
}

/** The canonical way to cite a section: `§4.3: adaptation` (its label, else its title). */
export function canonicalCitation(section: ReportSection): string {
  const name = section.label ?? section.title;
  return name ? `§${section.number}: ${name}` : `§${section.number}`;
}

/** The first ~300 characters of a section's own text, on one line. */
export function sectionExcerpt(report: ReportIndex, section: ReportSection, max = 300): string {
  const from = section.evidence === 'references' || section.evidence === 'overview' ? section.start : section.end;
  const raw = report.text
    .slice(from, Math.min(section.spanEnd, from + max * 3))
    .replace(/\s+/g, ' ')
    .trim();
  return raw.length > max ? raw.slice(0, max).replace(/\s+\S*$/, '') + ' …' : raw;
}

/** The resolved reference under `offset`, if any. */
export function referenceAt(
  doc: SectionDocument,
  offset: number,
  reports: ReportSet,
): { ref: SectionReference; report: ReportIndex; section: ReportSection; end: number } | undefined {
  for (const ref of referencesOf(doc)) {
    if (ref.start > offset) break;
    if (offset > ref.end && ref.kind === 'section' && ref.label === null) continue;
    const r = resolveReference(ref, doc.text, doc.uri, reports, doc.self);
    if (r.status === 'ok' && offset <= r.end) return { ref, report: r.report, section: r.section, end: r.end };
    if (r.status === 'label-mismatch' && offset <= ref.end) return { ref, report: r.report, section: r.section, end: ref.end };
  }
  return undefined;
}

/** The section whose heading is under `offset` in a report. */
export function headingAt(report: ReportIndex, offset: number): ReportSection | undefined {
  return report.sections.find((s) => s.evidence !== 'references' && s.evidence !== 'subsections' && offset >= s.start && offset <= s.end);
}

/** The section the cursor is on: a reference to it, or (in a report) its heading. */
export function sectionAt(
  doc: SectionDocument,
  offset: number,
  reports: ReportSet,
): { report: ReportIndex; section: ReportSection } | undefined {
  const r = referenceAt(doc, offset, reports);
  if (r) return r;
  if (doc.self) {
    const s = headingAt(doc.self, offset);
    if (s) return { report: doc.self, section: s };
  }
  return undefined;
}

const COMPLETION_PREFIX = /§([\p{L}\p{N}.-]*)$/u;

/** Completion after `§` (and `§4.` for subsections): every section, inserting its canonical citation. */
export function completeSections(doc: SectionDocument, offset: number, reports: ReportSet): CompletionItem[] | null {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const m = COMPLETION_PREFIX.exec(doc.text.slice(Math.max(lineStart, offset - 80), offset));
  if (!m) return null;
  const typed = m[1];
  const numeric = /^\d+(\.\d+)*\.?$/.test(typed) ? typed : '';
  const from = offset - m[0].length;
  const range = { start: doc.position(from), end: doc.position(offset) };
  const targets = doc.self ? [doc.self] : reports.reports;
  const items: CompletionItem[] = [];
  let order = 0;
  for (const report of targets) {
    for (const s of report.sections) {
      order++;
      if (numeric && !s.number.startsWith(numeric)) continue;
      const text = canonicalCitation(s);
      items.push({
        label: s.title ? `${s.number} ${s.title}` : s.number,
        kind: CompletionItemKind.Reference,
        detail: breadcrumb(report, s) + (targets.length > 1 ? ` (${reportFileName(report)})` : ''),
        documentation: { kind: MarkupKind.Markdown, value: `\`${text}\`\n\n${sectionExcerpt(report, s)}` },
        filterText: `§${s.number} ${s.title ?? ''} ${s.label ?? ''}`.trim(),
        sortText: String(order).padStart(5, '0'),
        textEdit: { range, newText: text },
      });
    }
  }
  return items;
}

export function reportFileName(report: ReportIndex): string {
  const path = report.uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Hover on a reference (or a report heading): number, title, breadcrumb, excerpt and how often it is cited. */
/** How often a section is cited, or `'counting'` while the workspace's texts are still being read. */
export type CitationCount = { places: number; files: number } | 'counting';

export function hoverSection(
  doc: SectionDocument,
  offset: number,
  reports: ReportSet,
  citations?: (report: ReportIndex, section: ReportSection) => CitationCount | undefined,
): Hover | null {
  const ref = referenceAt(doc, offset, reports);
  const hit =
    ref ??
    (doc.self
      ? (() => {
          const s = headingAt(doc.self!, offset);
          return s ? { report: doc.self!, section: s } : undefined;
        })()
      : undefined);
  if (!hit) return null;
  const { report, section } = hit;
  const lines = [
    `**${sectionName(section)}**${section.label ? ` · label \`${section.label}\`` : ''}`,
    '',
    `${breadcrumb(report, section)} — ${reportFileName(report)}`,
  ];
  const excerpt = sectionExcerpt(report, section);
  if (excerpt) lines.push('', excerpt.replace(/([\\`*_[\]<>#])/g, '\\$1'));
  const cited = citations?.(report, section);
  if (cited === 'counting') lines.push('', '*Counting the citations in the workspace…*');
  // Find All References counts one more than the citations: the section's own place in the report,
  // which the editor asks for too. Say so, or the two numbers look like a miscount.
  else if (cited)
    lines.push(
      '',
      cited.places === 0
        ? 'Not cited in the workspace.'
        : `Cited ${cited.places} time${cited.places === 1 ? '' : 's'} in ${cited.files} file${cited.files === 1 ? '' : 's'} in the workspace (Find All References lists these and the section itself).`,
    );
  const range = ref ? { start: doc.position(ref.ref.start), end: doc.position(ref.end) } : undefined;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, ...(range ? { range } : {}) };
}

/** Where a section starts in its report: the target of Go to Definition. */
export function sectionLocation(report: ReportIndex, section: ReportSection): Location {
  return { uri: report.uri, range: reportRange(report, section.start, section.end) };
}

export function definitionAt(doc: SectionDocument, offset: number, reports: ReportSet): Location | null {
  const r = referenceAt(doc, offset, reports);
  return r ? sectionLocation(r.report, r.section) : null;
}

/** A file to search for citations: its URI and text (open or read from disk by the host). */
export interface CitingText {
  uri: string;
  text: string;
  /** The file's own index when it is a report. */
  self?: ReportIndex;
}

/** Every place in `files` that cites `section` of `report`, as offsets per file. */
export function findCitations(
  files: Iterable<CitingText>,
  report: ReportIndex,
  section: ReportSection,
  reports: ReportSet,
): { uri: string; start: number; end: number }[] {
  const out: { uri: string; start: number; end: number }[] = [];
  // Most files of a large workspace cite nothing here: skip them without parsing. A citation is a
  // `§number`, or a link whose target names the report's file (every way a link resolves does).
  const path = report.uri.replace(/[?#].*$/, '');
  const encoded = path.slice(path.lastIndexOf('/') + 1);
  const decoded = reportFileName(report);
  const mayCite = (text: string): boolean =>
    text.includes('§' + section.number) || (text.includes('#') && (text.includes(decoded) || text.includes(encoded)));
  for (const f of files) {
    if (!f.self && !mayCite(f.text)) continue;
    const refs = f.self && f.self.text === f.text ? f.self.references : parseReferences(f.text);
    for (const ref of refs) {
      if (ref.number !== null && ref.number !== section.number) continue;
      const r = resolveReference(ref, f.text, f.uri, reports, f.self);
      if ((r.status === 'ok' || r.status === 'label-mismatch') && r.report === report && r.section === section) {
        out.push({ uri: f.uri, start: ref.start, end: r.status === 'ok' ? r.end : ref.end });
      }
    }
  }
  return out;
}

/** Each resolvable reference is a link to its section (line fragment, which VS Code opens at that line). */
export function sectionLinks(doc: SectionDocument, reports: ReportSet): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const ref of referencesOf(doc)) {
    const r = resolveReference(ref, doc.text, doc.uri, reports, doc.self);
    if (r.status !== 'ok' && r.status !== 'label-mismatch') continue;
    const end = r.status === 'ok' ? r.end : ref.end;
    const at = r.report.lines.position(r.section.start);
    out.push({
      range: {
        start: doc.position(ref.kind === 'link' ? ref.numberStart : ref.start),
        end: doc.position(ref.kind === 'link' ? ref.numberEnd : end),
      },
      target: `${r.report.uri}#L${at.line + 1},${at.character + 1}`,
      tooltip: sectionName(r.section),
    });
  }
  return out;
}

/** The report's outline: chapters and sections nested, even for plain text. */
export function reportSymbols(report: ReportIndex): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const made = new Map<string, { symbol: DocumentSymbol; start: number; end: number }>();
  for (const s of report.sections) {
    const parent = s.parent ? made.get(s.parent) : undefined;
    // Children stay inside their parent's range (a section known only from a citation elsewhere is pinned to its parent's end).
    const clamp = (o: number) => (parent ? Math.min(Math.max(o, parent.start), parent.end) : o);
    const start = clamp(s.start);
    const end = Math.max(start, clamp(s.spanEnd));
    const selEnd = Math.min(Math.max(clamp(s.end), start), end);
    const symbol: DocumentSymbol = {
      name: s.title ? `${s.number} ${s.title}` : s.number,
      detail: s.label ?? '',
      kind: s.parent ? SymbolKind.String : SymbolKind.Namespace,
      range: reportRange(report, start, end),
      selectionRange: reportRange(report, start, selEnd),
      children: [],
    };
    made.set(s.number, { symbol, start, end });
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
  }
  return roots;
}

/** Sections whose number, title or label contain every word of the query. */
export function sectionSymbols(reports: ReportSet, query: string): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const report of reports.reports) {
    for (const s of report.sections) {
      const hay = `${s.number} ${s.title ?? ''} ${s.label ?? ''}`.toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
      out.push({
        name: s.title ? `${s.number} ${s.title}` : s.number,
        kind: s.parent ? SymbolKind.String : SymbolKind.Namespace,
        location: sectionLocation(report, s),
        containerName: s.parent ? breadcrumb(report, report.byNumber.get(s.parent)!) : reportFileName(report),
      });
    }
  }
  return out;
}
