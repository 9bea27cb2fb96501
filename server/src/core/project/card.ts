import { cardProblems } from '../card/problems';
import { renderCard } from '../card/render';
import { reportSectionResolver, type SectionLocation } from '../card/sections';
import { renderSiteTile } from '../card/siteTile';
import type { Configuration } from '../configuration';
import type { ReportSet } from '../report/reportSet';
import type { Analysis } from '../service';
import type { CardSettings } from '../settings';
import type { SiteCardState } from './siteTemplate';

/** Where a section the card links to (`data-section="4.3"`) is, so a click can open the report there. */
export type CardSectionLocation = SectionLocation;

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

/**
 * Renders the card from the document's analysis (the same parse and findings as its diagnostics);
 * its section links are resolved as the editor resolves them, and where each linked section is goes
 * with it so the client can open the report there.
 */
export function renderCardFor(
  analysis: Analysis,
  config: Configuration,
  reports: ReportSet,
  isResource: boolean,
  site: SiteCardState = {},
  card?: CardSettings,
): RenderedCard {
  const problems = cardProblems(analysis, config);
  const resolver = reportSectionResolver(reports, analysis.uri);
  const html = renderCard(
    { parsed: analysis.parsed, vocabularies: config.vocabularies, problems },
    { sections: resolver, ...siteOptions(analysis, site, card) },
  );
  return {
    uri: analysis.uri,
    version: analysis.version,
    html,
    problems: problems.map((p) => ({
      code: p.code,
      message: p.message,
      severity: p.severity,
      range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
    })),
    sections: Object.fromEntries(resolver.linked),
    isResource,
  };
}

/** The site's tile for the card when the site has one that may run and the frontmatter is a map; else why not. */
function siteOptions(
  analysis: Analysis,
  site: SiteCardState,
  card: CardSettings | undefined,
): { siteTile?: { html: string; css: string }; siteNote?: string } {
  const data = analysis.parsed.data;
  if (!site.template) return site.note ? { siteNote: site.note } : {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const tile = renderSiteTile(site.template, data as Record<string, unknown>, card?.fields ?? {});
  if (!tile.ok)
    return { siteNote: `The site's template ${site.template.path} could not be rendered (${tile.error}); this is the built-in card.` };
  return { siteTile: { html: tile.html, css: site.template.css } };
}
