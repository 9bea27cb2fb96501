import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cardProblems } from '../core/card/problems';
import { renderCard } from '../core/card/render';
import { reportSectionResolver } from '../core/card/sections';
import type { ReportSet } from '../core/report/reportSet';
import type { ResourceLanguageService } from '../core/service';
import type { RenderCardResult } from './cardProtocol';

/**
 * Renders the card for one open document from the service's cached analysis (the same parse and
 * findings as its diagnostics), recording where each linked section is so the client can open it.
 */
export function renderCardFor(
  doc: TextDocument,
  service: ResourceLanguageService,
  isResource: boolean,
  reports?: ReportSet,
): RenderCardResult {
  const config = service.configuration;
  const analysis = service.analyze({ uri: doc.uri, version: doc.version, text: doc.getText() });
  const problems = cardProblems(analysis, config);
  const resolver = reports && reportSectionResolver(reports, doc.uri);
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
    sections: resolver ? Object.fromEntries(resolver.linked) : {},
    isResource,
  };
}
