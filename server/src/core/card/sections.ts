import type { SectionReference } from '../report/references';
import { reportFor, type ReportSet } from '../report/reportSet';
import { resolveReference } from '../report/resolve';

/**
 * How the card turns section references into links. The card finds the references with the
 * editor's own parser (core/report/references.ts) in the text it renders, and asks a resolver
 * which section each one links to: `reportSectionResolver` on the workspace's reports, or none
 * (then references stay plain text).
 */

/** Where a section is: its report and the 0-based line it starts on, for the host to open it. */
export interface SectionLocation {
  uri: string;
  line: number;
}

/** A section of the report that a reference links to. */
export interface SectionTarget {
  /** The section number as the report writes it, e.g. `4.3`. */
  number: string;
  /** Its title, shown as the link's tooltip; null when the report gives none. */
  title?: string | null;
  /** Where the link ends in the text searched, when it runs past the reference (a title cited in several words). */
  end?: number;
  location?: SectionLocation;
}

export interface SectionResolver {
  /** The section `ref` (found in `text`, whose offsets it carries) links to; undefined to leave it text. */
  resolve(ref: SectionReference, text: string): SectionTarget | undefined;
}

/** A resolver on the workspace's reports, which also records where each section it linked is. */
export interface ReportSectionResolver extends SectionResolver {
  /** Every section linked so far, by number. */
  readonly linked: ReadonlyMap<string, SectionLocation>;
}

/**
 * Links as the editor resolves (core/report/resolve.ts): a reference the section check does not flag
 * links to its section. So does a number that exists under a label naming no section: the card may
 * see less of a label than the editor (a title cut by emphasis), and the editor flags it either way.
 * A label naming another section, an unknown number, a link outside the reports stay text.
 */
export function reportSectionResolver(reports: ReportSet, fromUri: string): ReportSectionResolver {
  const linked = new Map<string, SectionLocation>();
  const self = reportFor(reports, fromUri);
  return {
    linked,
    resolve(ref, text) {
      const r = resolveReference(ref, text, fromUri, reports, self);
      if (r.status !== 'ok' && !(r.status === 'label-mismatch' && !r.other)) return undefined;
      const location = { uri: r.report.uri, line: r.section.line };
      linked.set(r.section.number, location);
      return { number: r.section.number, title: r.section.title, end: r.status === 'ok' ? r.end : ref.end, location };
    },
  };
}
