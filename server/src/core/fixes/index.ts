import { isScalar, isSeq, type Node } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { DiagnosticCode } from '../codes';
import type { Configuration } from '../configuration';
import { analyzeText, type Analysis } from '../service';
import { applyOffsetEdits, joinTouching, minimalEdit, overlaps, toTextEdits, type OffsetEdit } from '../edits';
import { findingOfDiagnostic } from '../findingLink';
import type { Finding } from '../findings';
import { LineMap } from '../positions';
import { severityOf } from '../settings';
import { ADD_ALL_TITLE, addAllMissingEdits, missingFieldFindings } from './addAll';
import { fixDuplicateValue, removeItemEdit } from './duplicateValue';
import { fixEmptyValue } from './emptyValue';
import { fixInvalidType } from './invalidType';
import { fixInvalidUrl } from './invalidUrl';
import { fixInvalidValue } from './invalidValue';
import { fixRequired } from './required';
import { fixSectionReference } from './sectionReference';
import { listOf } from './source';
import { mergeTouching, type Fix, type FixContext, type Fixer } from './types';
import { fixUnknownField } from './unknownField';

export type { Fix } from './types';

/** The code action kind of "fix all" for resources (VS Code runs it on save via editor.codeActionsOnSave). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.resources`;

const FIXERS: Partial<Record<DiagnosticCode, Fixer>> = {
  'invalid-value': fixInvalidValue,
  'duplicate-value': fixDuplicateValue,
  'unknown-field': fixUnknownField,
  required: fixRequired,
  'empty-value': fixEmptyValue,
  'invalid-type': fixInvalidType,
  'invalid-url': fixInvalidUrl,
  'unknown-section': fixSectionReference,
  'section-label-mismatch': fixSectionReference,
};

function contextOf(analysis: Analysis, config: Configuration): FixContext {
  const ctx: FixContext = { parsed: analysis.parsed, config, findings: analysis.findings, uri: analysis.uri, reports: analysis.reports };
  if (analysis.self) ctx.self = analysis.self;
  return ctx;
}

/** Every fix for one finding, best first; edits are minimal and a deleting fix is never preferred. */
export function fixesForFinding(finding: Finding, analysis: Analysis, config: Configuration): Fix[] {
  const fixer = FIXERS[finding.code];
  if (!fixer) return [];
  let fixes: Fix[];
  try {
    fixes = fixer(finding, contextOf(analysis, config));
  } catch {
    return []; // a fix is a convenience: a bug in one must not cost the editor its other actions
  }
  const text = analysis.parsed.text;
  return fixes.map((f) => ({
    ...f,
    preferred: f.preferred && !f.destructive,
    edits: mergeTouching((f.wholeWords ? f.edits : f.edits.map((e) => minimalEdit(text, e))).filter((e) => e.start !== e.end || e.newText !== '')),
  }));
}

/** The one fix "fix all" may apply for a finding: preferred and not destructive. */
function preferredFix(finding: Finding, analysis: Analysis, config: Configuration): Fix | undefined {
  return fixesForFinding(finding, analysis, config).find((f) => f.preferred && !f.destructive && f.edits.length > 0 && !f.fileEdit);
}

/** Whether "fix all" (and `resource-lint --fix`) repairs this finding. */
export function hasPreferredFix(finding: Finding, analysis: Analysis, config: Configuration): boolean {
  return preferredFix(finding, analysis, config) !== undefined;
}

const itemKey = (node: Node | undefined): string => JSON.stringify(isScalar(node) ? node.value : (node?.toJSON() ?? null));

/**
 * The preferred fixes of one text as non-overlapping edits. List items are planned together: an item
 * whose fix makes it a repeat of an earlier one (`["B", "Beginner"]`) is removed instead.
 */
function onePass(analysis: Analysis, config: Configuration): OffsetEdit[] {
  const shown = analysis.findings.filter((f) => severityOf(f.code, config.settings) !== 'off');
  const reported = shown.filter((f) => FIXERS[f.code]);
  const chosen: Fix[] = [];
  const perList = new Map<string, Map<number, Fix>>();
  for (const finding of reported) {
    const fix = preferredFix(finding, analysis, config);
    const path = finding.data?.path;
    const list = path ? listOf(analysis.parsed, path) : null;
    if (list && path && (finding.code === 'invalid-value' || finding.code === 'duplicate-value')) {
      const key = String(path[0]);
      if (!perList.has(key)) perList.set(key, new Map());
      // Keep a value-changing fix over a removal; the plan below decides about repeats itself.
      const plans = perList.get(key)!;
      if (fix && (!plans.has(list.index) || finding.code === 'invalid-value')) plans.set(list.index, fix);
      else if (!plans.has(list.index) && finding.code === 'duplicate-value') plans.set(list.index, { title: '', finding, edits: [], preferred: true, destructive: false });
      continue;
    }
    if (fix) chosen.push(fix);
  }
  for (const [field, plans] of perList) {
    const seq = listOf(analysis.parsed, [field, 0])?.seq;
    if (!seq || !isSeq(seq)) continue;
    const seen = new Set<string>();
    (seq.items as Node[]).forEach((item, index) => {
      const plan = plans.get(index);
      // An item that goes because its corrected value is already in the list leaves that other item
      // as the one to keep: it must not count as seen, or the other would be removed as its repeat.
      if (plan?.removesItem) {
        chosen.push(plan);
        return;
      }
      const final = plan?.result !== undefined ? JSON.stringify(plan.result) : itemKey(item);
      if (seen.has(final)) {
        const edit = removeItemEdit(analysis.parsed, [field, index]);
        if (edit) chosen.push({ title: 'Remove the repeated item', finding: plan?.finding ?? analysis.findings[0], edits: [edit], preferred: true, destructive: false });
        return;
      }
      seen.add(final);
      if (plan && plan.finding.code !== 'duplicate-value') chosen.push(plan);
    });
  }
  const edits: OffsetEdit[] = [];
  for (const fix of chosen.sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0))) {
    if (fix.edits.some((e) => edits.some((o) => overlaps(e, o)))) continue; // left for the next pass
    edits.push(...fix.edits);
  }
  return joinTouching(edits);
}

/** Maps an offset in the text after `edits` back to the text before them; null inside an edited stretch. */
function offsetBefore(edits: readonly OffsetEdit[], offset: number): number | null {
  let delta = 0;
  for (const e of edits) {
    const imageStart = e.start + delta;
    const imageEnd = imageStart + e.newText.length;
    if (offset < imageStart) break;
    if (offset > imageStart && offset < imageEnd) return null;
    if (offset === imageStart && e.newText.length > 0 && offset !== imageEnd) return null;
    delta += e.newText.length - (e.end - e.start);
    if (offset < imageEnd) break;
  }
  return offset - delta;
}

const MAX_PASSES = 4;

/**
 * Edits (on the original text) applying every preferred fix. A fix can reveal another (a renamed key
 * whose value is then checked): later passes run on the fixed text and are mapped back, as long as
 * they touch nothing an earlier pass changed, so one application leaves nothing fixable.
 */
export function fixAllOffsetEdits(analysis: Analysis, config: Configuration): OffsetEdit[] {
  let all = onePass(analysis, config);
  let text = applyOffsetEdits(analysis.parsed.text, all);
  for (let pass = 1; pass < MAX_PASSES && all.length > 0; pass++) {
    const next = onePass(analyzeText(text, config, analysis.uri, analysis.version, { reports: analysis.reports, role: analysis.role }), config);
    const mapped: OffsetEdit[] = [];
    for (const e of next) {
      const start = offsetBefore(all, e.start);
      const end = offsetBefore(all, e.end);
      if (start === null || end === null) continue;
      const m = { start, end, newText: e.newText };
      if (!all.some((o) => overlaps(o, m) || o.end === m.start || m.end === o.start)) mapped.push(m);
    }
    if (mapped.length === 0) break;
    all = joinTouching([...all, ...mapped]);
    text = applyOffsetEdits(analysis.parsed.text, all);
  }
  return all;
}

/** Every preferred, non-destructive fix of the document as non-overlapping LSP edits. */
export function fixAllEdits(analysis: Analysis, config: Configuration): TextEdit[] {
  return toTextEdits(analysis.lines, fixAllOffsetEdits(analysis, config));
}

function workspaceEdit(fix: Fix, analysis: Analysis, uri: string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  if (fix.edits.length > 0) changes[uri] = toTextEdits(analysis.lines, fix.edits);
  if (fix.fileEdit) changes[URI.file(fix.fileEdit.path).toString()] = toTextEdits(new LineMap(fix.fileEdit.text), fix.fileEdit.edits);
  return { changes };
}

/**
 * Quick fixes for the diagnostics the editor asks about, each matched to its own finding by the link
 * in its data (see findingLink.ts); with two or more fields missing, one more that adds them all.
 */
export function codeActionsFor(analysis: Analysis, config: Configuration, diagnostics: Diagnostic[], uri: string): CodeAction[] {
  const actions: CodeAction[] = [];
  const asked: Diagnostic[] = [];
  for (const d of diagnostics) {
    const finding = findingOfDiagnostic(analysis, d);
    if (!finding) continue;
    if (finding.code === 'required') asked.push(d);
    for (const fix of fixesForFinding(finding, analysis, config)) {
      if (fix.edits.length === 0 && !fix.fileEdit) continue;
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(fix, analysis, uri) };
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  const missing = missingFieldFindings(analysis, config);
  if (asked.length > 0 && missing.length > 1) {
    const edits = addAllMissingEdits(missing, contextOf(analysis, config));
    if (edits.length > 0) {
      actions.push({ title: ADD_ALL_TITLE, kind: CodeActionKind.QuickFix, diagnostics: asked, edit: { changes: { [uri]: toTextEdits(analysis.lines, edits) } } });
    }
  }
  return actions;
}

/** How many shown problems of the text "fix all" repairs. */
function fixableCount(analysis: Analysis, config: Configuration): number {
  return analysis.findings.filter((f) => severityOf(f.code, config.settings) !== 'off' && hasPreferredFix(f, analysis, config)).length;
}

export const FIX_ALL_QUICK_FIX_TITLE = 'Fix all auto-fixable resource problems';

/**
 * "Fix all" as a quick fix, for the light-bulb menu (which lists no source actions), when the text has
 * more than one fixable problem; its edit is the `source.fixAll.resources` action's.
 */
export function fixAllQuickFix(analysis: Analysis, config: Configuration, uri: string): CodeAction | null {
  if (fixableCount(analysis, config) < 2) return null;
  const all = fixAllAction(analysis, config, uri);
  return all && { ...all, title: FIX_ALL_QUICK_FIX_TITLE, kind: CodeActionKind.QuickFix };
}

/** The `source.fixAll.resources` action, or null when there is nothing to fix. */
export function fixAllAction(analysis: Analysis, config: Configuration, uri: string): CodeAction | null {
  const edits = fixAllEdits(analysis, config);
  if (edits.length === 0) return null;
  return { title: 'Fix all resource problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}
