import type { Finding } from '../findings';
import type { ReportIndex, ReportSection } from '../report/indexer';
import { parseReferences, type SectionReference } from '../report/references';
import type { ReportSet } from '../report/reportSet';
import { resolveReference, sectionNamedBy } from '../report/resolve';

/** One alternative repair of a finding: plain offset edits into the same text (see ../report/fixes.ts). */
export interface SectionFix {
  title: string;
  preferred: boolean;
  edits: { start: number; end: number; newText: string }[];
}

export function sectionName(s: ReportSection): string {
  return s.title ? `§${s.number} ${s.title}` : `§${s.number}`;
}

function reportName(report: ReportIndex): string {
  const path = report.uri.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function changeNumber(ref: SectionReference, to: ReportSection, preferred: boolean): SectionFix {
  return { title: `Change number to §${to.number}`, preferred, edits: [{ start: ref.numberStart, end: ref.numberEnd, newText: to.number }] };
}

/**
 * Section references in a resource (or in a report itself): numbers the report lacks, labels that name
 * another section or none, and references with no report to point into (once per file).
 */
export function checkSections(text: string, docUri: string, reports: ReportSet, self?: ReportIndex): Finding[] {
  const refs = self && self.text === text ? self.references : parseReferences(text);
  const out: Finding[] = [];
  let noReport = false;
  for (const ref of refs) {
    const r = resolveReference(ref, text, docUri, reports, self);
    if (r.status === 'no-report') {
      if (noReport) continue;
      noReport = true;
      out.push({
        code: 'no-report', start: ref.start, end: ref.end,
        message: 'This file cites report sections, but no report was found: set resourceAuthoring.reports to the report\'s path (default: files under reports/).',
        data: { number: ref.number },
      });
    } else if (r.status === 'unknown-section') {
      const fixes: SectionFix[] = [];
      const named = ref.kind === 'section' ? sectionNamedBy(r.report, text, ref) : undefined;
      if (named) fixes.push(changeNumber(ref, named, true));
      const written = ref.kind === 'link' ? `#${ref.fragment}` : `§${ref.number}`;
      out.push({
        code: 'unknown-section',
        start: ref.kind === 'link' ? ref.numberStart : ref.start,
        end: ref.numberEnd,
        message: `${reportName(r.report)} has no section ${written}.${named ? ` '${ref.label}' is ${sectionName(named)}.` : ''}`,
        data: { number: ref.number, label: ref.label, report: r.report.uri, fixes },
      });
    } else if (r.status === 'label-mismatch') {
      const s = r.section;
      const wanted = s.label ?? s.title;
      const fixes: SectionFix[] = [];
      if (wanted) fixes.push({ title: `Change label to '${wanted}'`, preferred: !r.other, edits: [{ start: ref.labelStart, end: ref.labelEnd, newText: wanted }] });
      if (r.other) fixes.push(changeNumber(ref, r.other, false));
      const names = [s.label ? `'${s.label}'` : '', s.title ? `its title '${s.title}'` : ''].filter(Boolean).join(' or ');
      out.push({
        code: 'section-label-mismatch', start: ref.labelStart, end: ref.labelEnd,
        message: `'${ref.label}' does not name §${s.number}${r.other ? ` (it names ${sectionName(r.other)})` : ''}.${names ? ` Use ${names}.` : ''}`,
        data: { number: ref.number, label: ref.label, report: r.report.uri, expected: [s.label, s.title].filter((x): x is string => !!x), fixes },
      });
    }
  }
  return out;
}
