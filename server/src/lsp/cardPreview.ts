import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cardProblems } from '../core/card/problems';
import { renderCard } from '../core/card/render';
import type { SectionResolver, SectionTarget } from '../core/card/sections';
import type { ResourceLanguageService } from '../core/service';
import type { CardSectionLocation, RenderCardResult } from '../../../protocol/src/requests';

/** A section of the report found for a reference, and where it is. */
export interface LocatedSection {
  target: SectionTarget;
  location: CardSectionLocation;
}

/** What the server knows about the report, for turning references into links (none until a report is indexed). */
export interface ReportSections {
  section(number: string, label: string | undefined, fromUri: string): LocatedSection | undefined;
  link?(href: string, fromUri: string): LocatedSection | undefined;
}

/**
 * Renders the card for one open document from the service's cached analysis (the same parse and
 * findings as its diagnostics), recording where each linked section is so the client can open it.
 */
export function renderCardFor(
  doc: TextDocument,
  service: ResourceLanguageService,
  isResource: boolean,
  report?: ReportSections,
): RenderCardResult {
  const config = service.configuration;
  const analysis = service.analyze({ uri: doc.uri, version: doc.version, text: doc.getText() });
  const problems = cardProblems(analysis, config);
  const sections: Record<string, CardSectionLocation> = {};
  const remember = (found: LocatedSection | undefined): SectionTarget | undefined => {
    if (found) sections[found.target.number] = found.location;
    return found?.target;
  };
  const resolver: SectionResolver | undefined = report && {
    section: (number, label) => remember(report.section(number, label, doc.uri)),
    link: report.link ? (href) => remember(report.link?.(href, doc.uri)) : undefined,
  };
  const html = renderCard({ parsed: analysis.parsed, vocabularies: config.vocabularies, problems }, { sections: resolver });
  return {
    uri: doc.uri,
    version: doc.version,
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
