import { cardProblems } from '../card/problems';
import { renderCard } from '../card/render';
import type { SectionResolver, SectionTarget } from '../card/sections';
import type { Configuration } from '../configuration';
import { parseReferences } from '../report/references';
import type { ReportSet } from '../report/reportSet';
import { resolveReference } from '../report/resolve';
import type { Analysis } from '../service';

/** Where a section the card links to (`data-section="4.3"`) is, so a click can open the report there. */
export interface CardSectionLocation {
  uri: string;
  line: number;
}

/** The rendered card of one document version (the `resourceAuthoring/renderCard` result). */
export interface RenderedCard {
  uri: string;
  version: number;
  html: string;
  problems: {
    code: string;
    message: string;
    severity: 'error' | 'warning' | 'information' | 'hint';
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
  sections: Record<string, CardSectionLocation>;
  isResource: boolean;
}

interface LocatedSection {
  target: SectionTarget;
  location: CardSectionLocation;
}

/**
 * Resolves what the card found (`4.3` + `adaptation`, or a link's href) with the same parser and
 * resolver as the section diagnostics, so a reference the card links is one the editor does not flag.
 */
function locate(text: string, fromUri: string, reports: ReportSet): LocatedSection | undefined {
  const ref = parseReferences(text)[0];
  if (!ref) return undefined;
  const r = resolveReference(ref, text, fromUri, reports);
  // The card sees only the first word of a label (`§4.3: Security` of "Security and privacy"):
  // a number that exists links to its section unless the label names another one.
  if (r.status !== 'ok' && !(r.status === 'label-mismatch' && !r.other)) return undefined;
  return { target: { number: r.section.number, title: r.section.title }, location: { uri: r.report.uri, line: r.section.line } };
}

/** Renders the card from the document's analysis (the same parse and findings as its diagnostics). */
export function renderCardFor(analysis: Analysis, config: Configuration, reports: ReportSet, isResource: boolean): RenderedCard {
  const problems = cardProblems(analysis, config);
  const sections: Record<string, CardSectionLocation> = {};
  const remember = (found: LocatedSection | undefined): SectionTarget | undefined => {
    if (found) sections[found.target.number] = found.location;
    return found?.target;
  };
  const uri = analysis.uri;
  const resolver: SectionResolver = {
    section: (number, label) => remember(locate(label ? `§${number}: ${label}` : `§${number}`, uri, reports)),
    // Only the link's target matters; characters that would end the Markdown link cannot be in it.
    link: (href) => (/[()\s<>]/.test(href) ? undefined : remember(locate(`[x](${href})`, uri, reports))),
  };
  const html = renderCard({ parsed: analysis.parsed, vocabularies: config.vocabularies, problems }, { sections: resolver });
  return {
    uri,
    version: analysis.version,
    html,
    problems: problems.map((p) => ({
      code: p.code,
      message: p.message,
      severity: p.severity,
      range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
    })),
    sections,
    isResource,
  };
}
