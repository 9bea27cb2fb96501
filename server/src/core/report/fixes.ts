import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { SectionFix } from '../checks/sections';
import { findingOfDiagnostic } from '../findingLink';
import type { Finding } from '../findings';
import type { Analysis } from '../service';

const SECTION_CODES = new Set(['unknown-section', 'section-label-mismatch']);

/** The repairs a section finding carries (computed by the check, which knows the report). */
export function sectionFixes(finding: Finding): SectionFix[] {
  if (!SECTION_CODES.has(finding.code)) return [];
  const fixes = finding.data?.fixes;
  return Array.isArray(fixes) ? (fixes as SectionFix[]) : [];
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * Quick fixes for the section findings of `analysis` that touch `range`: "Change label to 'adaptation'",
 * "Change number to §4.8". Each edit replaces only the label or the number.
 */
export function sectionCodeActions(analysis: Analysis, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const f of analysis.findings) {
    const fixes = sectionFixes(f);
    if (fixes.length === 0) continue;
    const fRange = analysis.lines.range(f.start, f.end);
    if (!overlaps(fRange, range)) continue;
    // The diagnostic of this finding, by the link in its data (as the frontmatter fixes find theirs).
    const diagnostic = diagnostics.find((d) => findingOfDiagnostic(analysis, d) === f);
    for (const fix of fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred,
        ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
        edit: { changes: { [analysis.uri]: fix.edits.map((e) => ({ range: analysis.lines.range(e.start, e.end), newText: e.newText })) } },
      });
    }
  }
  return out;
}
