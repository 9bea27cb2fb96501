import { parseReferences } from '../core/report/references';
import { resolveReference } from '../core/report/resolve';
import type { ReportSet } from '../core/report/reportSet';
import type { LocatedSection, ReportSections } from './cardPreview';

/**
 * The card's section links, resolved by the same parser and resolver as the section diagnostics
 * (core/report), so a reference the card links is exactly one the editor does not flag. The card
 * hands over what it found (`4.3` + `adaptation`, or a link's href); it is re-written as the
 * reference it was and resolved against the current reports.
 */
export function reportSections(reports: () => ReportSet): ReportSections {
  const resolve = (text: string, fromUri: string): LocatedSection | undefined => {
    const ref = parseReferences(text)[0];
    if (!ref) return undefined;
    const r = resolveReference(ref, text, fromUri, reports());
    // The card sees only the first word of a label (`§4.3: Security` of "Security and privacy"):
    // a number that exists links to its section unless the label names another one (the editor
    // flags the mismatch either way).
    if (r.status !== 'ok' && !(r.status === 'label-mismatch' && !r.other)) return undefined;
    return {
      target: { number: r.section.number, title: r.section.title },
      location: { uri: r.report.uri, line: r.section.line },
    };
  };
  return {
    section: (number, label, fromUri) => resolve(label ? `§${number}: ${label}` : `§${number}`, fromUri),
    // Only the link's target matters; characters that would end the Markdown link cannot be in it.
    link: (href, fromUri) => (/[()\s<>]/.test(href) ? undefined : resolve(`[x](${href})`, fromUri)),
  };
}
