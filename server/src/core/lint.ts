import type { Range } from 'vscode-languageserver-types';
import { linkOf, normaliseLink } from './checks/duplicates';
import type { Configuration } from './configuration';
import type { ParsedResource } from './document';
import { quickCheck } from './quick';
import { exceedsSizeLimits } from './sizeLimit';
import { checkSections } from './checks/sections';
import { NO_REPORTS } from './report/reportSet';
import { analyzeText, type Analysis, type AnalysisContext } from './service';

/** One file's verdict when many files are checked (CLI, workspace scan). */
export interface FileCheck {
  /** The full analysis, present whenever the fast path could not vouch for the text. */
  analysis?: Analysis;
  /** The normalised `link`, for the workspace-level duplicate check. */
  link?: string;
  /** Where the link is; only known from a full analysis. */
  linkRange?: Range;
  /** The frontmatter as plain data, when the fast path vouched for the text (its term values are read from it). */
  data?: Record<string, unknown>;
}

/**
 * Checks one text the cheapest way that gives the same verdict as `analyzeText`: the fast path
 * when it can vouch for the text, the full analysis (with exact ranges) otherwise.
 */
const DEFAULT_URI = 'mem://resource';

export function checkResourceText(text: string, config: Configuration, uri?: string, context: AnalysisContext = {}): FileCheck {
  // Past the size limits the analysis is one finding, made without parsing: cheaper than the fast path.
  if (exceedsSizeLimits(text, config.settings.limits)) return fromAnalysis(analyzeText(text, config, uri, 0, context));
  const quick = quickCheck(text, config);
  // The fast path checks the frontmatter only; section references are checked here (cheap, no YAML
  // parse), and only a file with a finding there needs the full analysis for its report.
  if (quick.clean && checkSections(text, uri ?? DEFAULT_URI, context.reports ?? NO_REPORTS).length === 0) {
    return { link: normaliseLink(quick.data.link), data: quick.data };
  }
  return fromAnalysis(analyzeText(text, config, uri, 0, withParsed(context, quick.parsed?.())));
}

export function fromAnalysis(analysis: Analysis): FileCheck {
  const link = linkOf(analysis);
  return { analysis, link: link?.key, linkRange: link?.range };
}

function withParsed(context: AnalysisContext, parsed: ParsedResource | undefined): AnalysisContext {
  return parsed ? { ...context, parsed } : context;
}
