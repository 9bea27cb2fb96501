import type { Finding } from '../findings';
import type { ReportIndex, ReportSection } from '../report/indexer';
import { parseReferences, type SectionReference } from '../report/references';
import type { ReportSet } from '../report/reportSet';
import { resolveReference, sectionNamedBy } from '../report/resolve';

export function sectionName(s: ReportSection): string {
  return s.title ? `§${s.number} ${s.title}` : `§${s.number}`;
}

function reportName(report: ReportIndex): string {
  const path = report.uri.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** The references the check reads in `text`: a report's own are those parsed once with its index. */
export function referencesIn(text: string, self?: ReportIndex): readonly SectionReference[] {
  return self && self.text === text ? self.references : parseReferences(text);
}

/** Where the finding about `ref` sits: its number (a link's fragment) when unknown, its label when it names another section. */
export function findingSpan(ref: SectionReference, code: 'unknown-section' | 'section-label-mismatch'): { start: number; end: number } {
  if (code === 'section-label-mismatch') return { start: ref.labelStart, end: ref.labelEnd };
  return { start: ref.kind === 'link' ? ref.numberStart : ref.start, end: ref.numberEnd };
}

/**
 * Section references in a resource (or in a report itself): numbers the report lacks, labels that name
 * another section or none, and references with no report to point into (once per file).
 */
export function checkSections(text: string, docUri: string, reports: ReportSet, self?: ReportIndex): Finding[] {
  const refs = referencesIn(text, self);
  const out: Finding[] = [];
  let noReport = false;
  for (const ref of refs) {
    const r = resolveReference(ref, text, docUri, reports, self);
    if (r.status === 'no-report') {
      if (noReport) continue;
      noReport = true;
      out.push({
        code: 'no-report',
        start: ref.start,
        end: ref.end,
        message:
          "This file cites report sections, but no report was found: set resourceAuthoring.reports to the report's path (default: files under reports/).",
        data: { number: ref.number },
      });
    } else if (r.status === 'unknown-section') {
      const named = ref.kind === 'section' ? sectionNamedBy(r.report, text, ref) : undefined;
      const written = ref.kind === 'link' ? `#${ref.fragment}` : `§${ref.number}`;
      out.push({
        code: 'unknown-section',
        ...findingSpan(ref, 'unknown-section'),
        message: `${reportName(r.report)} has no section ${written}.${named ? ` '${ref.label}' is ${sectionName(named)}.` : ''}`,
        data: { number: ref.number, label: ref.label, report: r.report.uri },
      });
    } else if (r.status === 'label-mismatch') {
      const s = r.section;
      const names = [s.label ? `'${s.label}'` : '', s.title ? `its title '${s.title}'` : ''].filter(Boolean).join(' or ');
      out.push({
        code: 'section-label-mismatch',
        ...findingSpan(ref, 'section-label-mismatch'),
        message: `'${ref.label}' does not name §${s.number}${r.other ? ` (it names ${sectionName(r.other)})` : ''}.${names ? ` Use ${names}.` : ''}`,
        data: { number: ref.number, label: ref.label, report: r.report.uri, expected: [s.label, s.title].filter((x): x is string => !!x) },
      });
    }
  }
  return out;
}
