import type { DiagnosticCode } from '../codes';
import type { Configuration } from '../configuration';
import { minimalEdit } from '../edits';
import type { Finding } from '../findings';
import type { Analysis } from '../service';
import { fixDuplicateValue } from './duplicateValue';
import { fixEmptyValue } from './emptyValue';
import { fixInvalidType } from './invalidType';
import { fixInvalidUrl } from './invalidUrl';
import { fixInvalidValue } from './invalidValue';
import { fixRequired } from './required';
import { fixSectionReference } from './sectionReference';
import { fixUnusedSuppression } from './suppression';
import { mergeTouching, type Fix, type FixContext, type Fixer } from './types';
import { fixUnknownField } from './unknownField';

/** One fixer per code: the quick fixes, fix all and `resource-lint --fix` all come from here. */
export const FIXERS: Partial<Record<DiagnosticCode, Fixer>> = {
  'invalid-value': fixInvalidValue,
  'duplicate-value': fixDuplicateValue,
  'unknown-field': fixUnknownField,
  required: fixRequired,
  'empty-value': fixEmptyValue,
  'invalid-type': fixInvalidType,
  'invalid-url': fixInvalidUrl,
  'unknown-section': fixSectionReference,
  'section-label-mismatch': fixSectionReference,
  'unused-suppression': fixUnusedSuppression,
};

/** What a fixer may read besides the finding: the analysis's text, findings and reports, and the configuration. */
export function contextOf(analysis: Analysis, config: Configuration, preferredOnly = false): FixContext {
  const ctx: FixContext = { parsed: analysis.parsed, config, findings: analysis.findings, uri: analysis.uri, reports: analysis.reports };
  if (analysis.self) ctx.self = analysis.self;
  if (preferredOnly) ctx.preferredOnly = true;
  return ctx;
}

/**
 * Every fix for one finding, best first; edits are minimal (or whole words) and a deleting fix is never
 * preferred. With `preferredOnly`, fixes that are never preferred may be left out.
 */
export function fixesForFinding(finding: Finding, analysis: Analysis, config: Configuration, preferredOnly = false): Fix[] {
  const fixer = FIXERS[finding.code];
  if (!fixer) return [];
  let fixes: Fix[];
  try {
    fixes = fixer(finding, contextOf(analysis, config, preferredOnly));
  } catch {
    return []; // a fix is a convenience: a bug in one must not cost the editor its other actions
  }
  const text = analysis.parsed.text;
  return fixes.map((f) => ({
    ...f,
    preferred: f.preferred && !f.destructive,
    edits: mergeTouching(
      (f.wholeWords ? f.edits : f.edits.map((e) => minimalEdit(text, e))).filter((e) => e.start !== e.end || e.newText !== ''),
    ),
  }));
}

/** The one fix "fix all" may apply for a finding: preferred and not destructive. */
export function preferredFix(finding: Finding, analysis: Analysis, config: Configuration): Fix | undefined {
  return fixesForFinding(finding, analysis, config, true).find((f) => f.preferred && !f.destructive && f.edits.length > 0 && !f.fileEdit);
}

/** Whether "fix all" (and `resource-lint --fix`) repairs this finding. */
export function hasPreferredFix(finding: Finding, analysis: Analysis, config: Configuration): boolean {
  return preferredFix(finding, analysis, config) !== undefined;
}
