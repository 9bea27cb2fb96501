import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { severityOf, type Configuration } from '../configuration';
import type { Analysis } from '../service';
import { toTextEdits } from '../edits';
import { findingOfDiagnostic } from '../findingLink';
import { LineMap } from '../positions';
import { ADD_ALL_TITLE, addAllMissingEdits, missingFieldFindings } from './addAll';
import { fixAllOffsetEdits } from './fixAll';
import { contextOf, fixesForFinding, hasPreferredFix } from './fixers';
import { disableFixes } from './suppression';
import { rankByReach, type TermReach } from './termReach';
import type { Fix } from './types';

export type { Fix } from './types';
export type { TermReach } from './termReach';
export { fixAllOffsetEdits } from './fixAll';
export { fixesForFinding, hasPreferredFix } from './fixers';
export { disableFixes } from './suppression';
export { fixUntilStable, type Analyze, type FixedText } from './untilStable';

/** The code action kind of "fix all" for resources (VS Code runs it on save via editor.codeActionsOnSave). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.resources`;

/** Every preferred, non-destructive fix of the document as non-overlapping LSP edits. */
export function fixAllEdits(analysis: Analysis, config: Configuration): TextEdit[] {
  return toTextEdits(analysis.lines, fixAllOffsetEdits(analysis, config));
}

function workspaceEdit(fix: Fix, analysis: Analysis, uri: string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  if (fix.edits.length > 0) changes[uri] = toTextEdits(analysis.lines, fix.edits);
  if (fix.fileEdit) changes[fix.fileEdit.uri] = toTextEdits(new LineMap(fix.fileEdit.text), fix.fileEdit.edits);
  return { changes };
}

/**
 * Quick fixes for the diagnostics the editor asks about, each matched to its own finding by the link
 * in its data (see findingLink.ts); with two or more fields missing, one more that adds them all.
 * With `reach`, a fix adding a missing term to a vocabulary says how many problems it clears.
 */
export function codeActionsFor(
  analysis: Analysis,
  config: Configuration,
  diagnostics: Diagnostic[],
  uri: string,
  reach?: TermReach,
  outOfTime: () => boolean = () => false,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const asked: Diagnostic[] = [];
  for (const d of diagnostics) {
    // A client asking about thousands of diagnostics at once gets the fixes found within the budget.
    if (outOfTime()) break;
    // unused-suppression of a duplicate-resource directive is the workspace's report, made from the analysis's pending ones.
    const finding =
      findingOfDiagnostic(analysis, d) ??
      findingOfDiagnostic({ findings: analysis.suppression.unlessDuplicated, lines: analysis.lines }, d);
    if (!finding) continue;
    if (finding.code === 'required') asked.push(d);
    // The repairs first, those clearing the most problems across the workspace ahead; silencing the
    // finding comes last (a quick fix only: fix-all never silences).
    for (const fix of [...rankByReach(fixesForFinding(finding, analysis, config), reach), ...disableFixes(finding, analysis)]) {
      if (fix.edits.length === 0 && !fix.fileEdit) continue;
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: workspaceEdit(fix, analysis, uri),
      };
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  const missing = missingFieldFindings(analysis, config);
  if (asked.length > 0 && missing.length > 1) {
    const edits = addAllMissingEdits(missing, contextOf(analysis, config));
    if (edits.length > 0) {
      actions.push({
        title: ADD_ALL_TITLE,
        kind: CodeActionKind.QuickFix,
        diagnostics: asked,
        edit: { changes: { [uri]: toTextEdits(analysis.lines, edits) } },
      });
    }
  }
  return actions;
}

/** Whether "fix all" repairs at least `least` shown problems of the text (counting stops there: a file can have thousands). */
function fixesAtLeast(analysis: Analysis, config: Configuration, least: number): boolean {
  let count = 0;
  for (const f of analysis.findings) {
    if (severityOf(f.code, config, analysis.uri) !== 'off' && hasPreferredFix(f, analysis, config) && ++count >= least) return true;
  }
  return false;
}

export const FIX_ALL_QUICK_FIX_TITLE = 'Fix all auto-fixable resource problems';

/**
 * "Fix all" as a quick fix, for the light-bulb menu (which lists no source actions), when the text has
 * more than one fixable problem; its edit is the `source.fixAll.resources` action's.
 */
export function fixAllQuickFix(analysis: Analysis, config: Configuration, uri: string): CodeAction | null {
  if (!fixesAtLeast(analysis, config, 2)) return null;
  const all = fixAllAction(analysis, config, uri);
  return all && { ...all, title: FIX_ALL_QUICK_FIX_TITLE, kind: CodeActionKind.QuickFix };
}

/** The `source.fixAll.resources` action, or null when there is nothing to fix. */
export function fixAllAction(analysis: Analysis, config: Configuration, uri: string): CodeAction | null {
  const edits = fixAllEdits(analysis, config);
  if (edits.length === 0) return null;
  return { title: 'Fix all resource problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}
