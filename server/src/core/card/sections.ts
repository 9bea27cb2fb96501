/**
 * Section references in a resource's Markdown (`§4.3`, `§4.3: adaptation`) and how the card turns
 * them into links. The card does not know the report: the host passes a resolver built on the
 * report index, or none (then references stay plain text).
 */

/** A section of the report that a reference resolved to. */
export interface SectionTarget {
  /** The section number as the report writes it, e.g. `4.3`. */
  number: string;
  /** Its title, shown as the link's tooltip; null when the report gives none. */
  title?: string | null;
}

export interface SectionResolver {
  /** The section a `§number` reference (with the label written after it, if any) names; undefined when there is none. */
  section(number: string, label?: string): SectionTarget | undefined;
  /** The section a relative Markdown link into the report (`reports/report.md#4.3`) points at, if any. */
  link?(href: string): SectionTarget | undefined;
}

/** A reference found in a run of text: offsets into that text. */
export interface SectionReference {
  start: number;
  end: number;
  number: string;
  label?: string;
}

// `§4.3`, `§ 4.3`, `§4.3: adaptation`, `§4.9: ai-safety`; a trailing full stop is not part of the number.
const REFERENCE = /§[ \u00a0]?(\d+(?:\.\d+)*)(?::[ \t]*([A-Za-z][A-Za-z0-9-]*))?/g;

/** The section references in one run of text, in order. */
export function findSectionReferences(text: string): SectionReference[] {
  const found: SectionReference[] = [];
  if (!text.includes('§')) return found;
  for (const m of text.matchAll(REFERENCE)) {
    const ref: SectionReference = { start: m.index, end: m.index + m[0].length, number: m[1] };
    if (m[2]) ref.label = m[2];
    found.push(ref);
  }
  return found;
}
