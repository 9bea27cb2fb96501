import type { Range } from 'vscode-languageserver-types';
import { linkOf, normaliseLink } from './checks/duplicates';
import type { Configuration } from './configuration';
import { quickCheck } from './quick';
import { analyzeText, type Analysis } from './service';

/** One file's verdict when many files are checked (CLI, workspace scan). */
export interface FileCheck {
  /** The full analysis, present whenever the fast path could not vouch for the text. */
  analysis?: Analysis;
  /** The normalised `link`, for the workspace-level duplicate check. */
  link?: string;
  /** Where the link is; only known from a full analysis. */
  linkRange?: Range;
}

/**
 * Checks one text the cheapest way that gives the same verdict as `analyzeText`: the fast path
 * when it can vouch for the text, the full analysis (with exact ranges) otherwise.
 */
export function checkResourceText(text: string, config: Configuration, uri?: string): FileCheck {
  const quick = quickCheck(text, config);
  if (quick.clean) return { link: normaliseLink(quick.data.link) };
  return fromAnalysis(analyzeText(text, config, uri));
}

export function fromAnalysis(analysis: Analysis): FileCheck {
  const link = linkOf(analysis);
  return { analysis, link: link?.key, linkRange: link?.range };
}
