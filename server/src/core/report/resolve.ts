import { Utils, URI } from 'vscode-uri';
import type { ReportIndex, ReportSection } from './indexer';
import type { SectionReference } from './references';
import type { ReportSet } from './reportSet';
import { githubSlug, looseKey } from './slug';

export type Resolution =
  /** The section exists and the label (if any) names it; `end` may extend the reference over a multi-word title. */
  | { status: 'ok'; report: ReportIndex; section: ReportSection; end: number }
  | { status: 'unknown-section'; report: ReportIndex }
  /** The number exists; the label names `other` (another section), or none when `other` is undefined. */
  | { status: 'label-mismatch'; report: ReportIndex; section: ReportSection; other?: ReportSection }
  | { status: 'no-report' }
  /** A Markdown link that does not point into a report: not a section reference at all. */
  | { status: 'not-a-reference' };

/**
 * Where `title` is written at `offset` in `text` (case- and punctuation-insensitive, line breaks
 * allowed), returning the offset after it, or -1. `§4.3: Security and privacy` cites by title.
 */
export function matchTitleAt(text: string, offset: number, title: string): number {
  const want = looseKey(title);
  if (!want) return -1;
  let i = offset;
  let k = 0;
  const limit = Math.min(text.length, offset + title.length * 2 + 16);
  while (k < want.length && i < limit) {
    const c = text[i].toLowerCase();
    if (/[\p{L}\p{N}]/u.test(c)) {
      if (c !== want[k]) return -1;
      k++;
    } else if (c === '§' || (c === '\n' && text[i + 1] === '\n')) return -1;
    i++;
  }
  if (k < want.length) return -1;
  // The title must end at a word boundary: "Law" does not cite by title in "Lawyers".
  return i < text.length && /[\p{L}\p{N}]/u.test(text[i]) ? -1 : i;
}

function labelNames(section: ReportSection, text: string, ref: SectionReference): number {
  const key = looseKey(ref.label ?? '');
  if (section.label && looseKey(section.label) === key) return ref.labelEnd;
  if (section.title) {
    if (looseKey(section.title) === key) return ref.labelEnd;
    const end = matchTitleAt(text, ref.labelStart, section.title);
    if (end >= 0) return end;
  }
  return -1;
}

/** The report a Markdown link points into: relative to the citing file, to the workspace root, or by path suffix. */
function linkedReport(target: string, docUri: string, set: ReportSet, self: ReportIndex | undefined): ReportIndex | undefined {
  if (target === '') return self;
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // keep as written
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded)) {
    return set.reports.find((r) => r.uri === decoded || URI.parse(r.uri).toString() === URI.parse(decoded).toString());
  }
  try {
    const resolved = Utils.resolvePath(Utils.dirname(URI.parse(docUri)), decoded).toString();
    const hit = set.reports.find((r) => URI.parse(r.uri).toString() === resolved);
    if (hit) return hit;
  } catch {
    // an unparsable URI: try the suffix match
  }
  const suffix = '/' + decoded.replace(/^(\.\/|\/)+/, '').replace(/^(\.\.\/)+/, '');
  const matches = set.reports.filter((r) => URI.parse(r.uri).path.endsWith(suffix));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Another section of the same report that the label names (by label or title). */
export function sectionNamedBy(
  report: ReportIndex,
  text: string,
  ref: SectionReference,
  except?: ReportSection,
): ReportSection | undefined {
  if (!ref.label) return undefined;
  return report.sections.find((s) => s !== except && labelNames(s, text, ref) >= 0);
}

/**
 * Resolves one reference of `text` (the document at `docUri`) against the reports. A report's own
 * references resolve against itself; elsewhere a bare `§` resolves against the first report that
 * has the number.
 */
export function resolveReference(ref: SectionReference, text: string, docUri: string, set: ReportSet, self?: ReportIndex): Resolution {
  let report: ReportIndex | undefined;
  let section: ReportSection | undefined;
  if (ref.kind === 'link') {
    report = linkedReport(ref.target ?? '', docUri, set, self);
    if (!report) return { status: 'not-a-reference' };
    const fragment = (ref.fragment ?? '').toLowerCase();
    section =
      ref.number !== null
        ? report.byNumber.get(ref.number)
        : report.sections.find((s) => s.slug === fragment || (s.title !== null && githubSlug(s.title) === fragment));
    return section ? { status: 'ok', report, section, end: ref.end } : { status: 'unknown-section', report };
  }
  const candidates = self ? [self] : set.reports;
  if (candidates.length === 0) return { status: 'no-report' };
  report = candidates.find((r) => r.byNumber.has(ref.number!)) ?? candidates[0];
  section = report.byNumber.get(ref.number!);
  if (!section) return { status: 'unknown-section', report };
  if (ref.label === null) return { status: 'ok', report, section, end: ref.end };
  const end = labelNames(section, text, ref);
  if (end >= 0) return { status: 'ok', report, section, end };
  return { status: 'label-mismatch', report, section, other: sectionNamedBy(report, text, ref, section) };
}
