import type { ParsedResource } from '../document';
import { findingSpan, referencesIn } from '../checks/sections';
import type { Finding } from '../findings';
import type { ReportSection } from '../report/indexer';
import type { SectionReference } from '../report/references';
import { resolveReference, sectionNamedBy } from '../report/resolve';
import type { Fix, FixContext, Fixer } from './types';

// The references of one parsed text, read once however many of its findings are fixed (a report can carry hundreds).
const referencesOf = new WeakMap<ParsedResource, readonly SectionReference[]>();

/** The reference a section finding was made for: the one whose number or label it spans. */
function referenceOf(finding: Finding, ctx: FixContext): SectionReference | undefined {
  if (finding.code !== 'unknown-section' && finding.code !== 'section-label-mismatch') return undefined;
  let refs = referencesOf.get(ctx.parsed);
  if (!refs) referencesOf.set(ctx.parsed, (refs = referencesIn(ctx.parsed.text, ctx.self)));
  const code = finding.code;
  return refs.find((r) => {
    const span = findingSpan(r, code);
    return span.start === finding.start && span.end === finding.end;
  });
}

function changeNumber(finding: Finding, ref: SectionReference, to: ReportSection, preferred: boolean): Fix {
  return {
    title: `Change number to §${to.number}`,
    finding,
    preferred,
    destructive: false,
    wholeWords: true,
    edits: [{ start: ref.numberStart, end: ref.numberEnd, newText: to.number }],
  };
}

/**
 * `unknown-section`: the number of the section its label names ("Change number to §4.8", preferred).
 * `section-label-mismatch`: the section's own label or title ("Change label to 'adaptation'"), preferred
 * unless the label names another section, which is then offered as the number to change to. Each
 * edit replaces only the label or the number.
 */
export const fixSectionReference: Fixer = (finding, ctx) => {
  const ref = referenceOf(finding, ctx);
  if (!ref) return [];
  const text = ctx.parsed.text;
  const r = resolveReference(ref, text, ctx.uri, ctx.reports, ctx.self);
  if (finding.code === 'unknown-section' && r.status === 'unknown-section') {
    const named = ref.kind === 'section' ? sectionNamedBy(r.report, text, ref) : undefined;
    return named ? [changeNumber(finding, ref, named, true)] : [];
  }
  if (finding.code === 'section-label-mismatch' && r.status === 'label-mismatch') {
    const fixes: Fix[] = [];
    const wanted = r.section.label ?? r.section.title;
    if (wanted) {
      fixes.push({
        title: `Change label to '${wanted}'`,
        finding,
        preferred: !r.other,
        destructive: false,
        wholeWords: true,
        edits: [{ start: ref.labelStart, end: ref.labelEnd, newText: wanted }],
      });
    }
    if (r.other) fixes.push(changeNumber(finding, ref, r.other, false));
    return fixes;
  }
  return [];
};
