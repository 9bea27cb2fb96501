import { isScalar, isSeq, type Node } from 'yaml';
import { severityOf, type Configuration } from '../configuration';
import { applyOffsetEdits, EditIndex, joinTouching, type OffsetEdit } from '../edits';
import { analyzeText, type Analysis } from '../service';
import { removeItemEdit } from './duplicateValue';
import { FIXERS, preferredFix } from './fixers';
import { listOf } from './source';
import type { Fix } from './types';

const itemKey = (node: Node | undefined): string => JSON.stringify(isScalar(node) ? node.value : (node?.toJSON() ?? null));

/**
 * The preferred fixes of one text as non-overlapping edits. List items are planned together: an item
 * whose fix makes it a repeat of an earlier one (`["B", "Beginner"]`) is removed instead.
 */
function onePass(analysis: Analysis, config: Configuration): OffsetEdit[] {
  const shown = analysis.findings.filter((f) => severityOf(f.code, config, analysis.uri) !== 'off');
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
      else if (!plans.has(list.index) && finding.code === 'duplicate-value')
        plans.set(list.index, { title: '', finding, edits: [], preferred: true, destructive: false });
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
        if (edit)
          chosen.push({
            title: 'Remove the repeated item',
            finding: plan?.finding ?? analysis.findings[0],
            edits: [edit],
            preferred: true,
            destructive: false,
          });
        return;
      }
      seen.add(final);
      if (plan && plan.finding.code !== 'duplicate-value') chosen.push(plan);
    });
  }
  const edits: OffsetEdit[] = [];
  const taken = new EditIndex();
  for (const fix of chosen.sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0))) {
    if (fix.edits.some((e) => taken.collides(e))) continue; // left for the next pass
    for (const e of fix.edits) taken.add(e);
    edits.push(...fix.edits);
  }
  return joinTouching(edits);
}

/**
 * Maps offsets in the text after `edits` (sorted, not touching: joinTouching's output) back to the
 * text before them; null inside an edited stretch. Only the last edit starting at or before an
 * offset can contain it, found by binary search over where each edit lands in the new text.
 */
function offsetsBefore(edits: readonly OffsetEdit[]): (offset: number) => number | null {
  const imageStarts: number[] = [];
  const deltas: number[] = [];
  let delta = 0;
  for (const e of edits) {
    imageStarts.push(e.start + delta);
    deltas.push(delta);
    delta += e.newText.length - (e.end - e.start);
  }
  return (offset) => {
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (imageStarts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k < 0) return offset;
    const imageStart = imageStarts[k];
    const imageEnd = imageStart + edits[k].newText.length;
    if (offset > imageStart && offset < imageEnd) return null;
    if (offset === imageStart && imageEnd !== imageStart) return null;
    return offset - (deltas[k] + edits[k].newText.length - (edits[k].end - edits[k].start));
  };
}

/** Analyses a new text of the document being fixed. */
export type Analyze = (text: string, uri: string, version: number) => Analysis;

/** Analyses a new text as `analysis` was: against the same reports, in the same role. */
export function sameContext(analysis: Analysis, config: Configuration): Analyze {
  return (text, uri, version) => analyzeText(text, config, uri, version, { reports: analysis.reports, role: analysis.role });
}

/**
 * The one fix-all loop: pass after pass, the preferred fixes of the last analysis (`accept` sees each
 * pass's edits first and may end the passes there), applied and analysed again, until a pass finds
 * nothing to fix, `maxPasses` have run, or a pass would bring back an earlier text (two fixes
 * undoing each other). Returns the analysis of every text, the first one's first.
 */
export function fixPasses(
  analysis: Analysis,
  config: Configuration,
  options: { analyze: Analyze; maxPasses: number; accept?: (before: Analysis, edits: OffsetEdit[]) => boolean },
): Analysis[] {
  const analyses = [analysis];
  const seen = new Set([analysis.parsed.text]);
  for (let pass = 1; pass <= options.maxPasses; pass++) {
    const current = analyses[analyses.length - 1];
    const edits = onePass(current, config);
    if (edits.length === 0) break;
    const next = applyOffsetEdits(current.parsed.text, edits);
    if (seen.has(next) || options.accept?.(current, edits) === false) break;
    seen.add(next);
    analyses.push(options.analyze(next, current.uri, current.version + 1));
  }
  return analyses;
}

/** Passes "fix all" makes for the editor: its one edit holds what they find. */
const EDITOR_PASSES = 4;

/**
 * Edits (on the original text) applying every preferred fix. A fix can reveal another (a renamed key
 * whose value is then checked): later passes run on the fixed text and are mapped back, as long as
 * they touch nothing an earlier pass changed, so one application leaves nothing fixable.
 */
export function fixAllOffsetEdits(analysis: Analysis, config: Configuration): OffsetEdit[] {
  let all: OffsetEdit[] = [];
  fixPasses(analysis, config, {
    analyze: sameContext(analysis, config),
    maxPasses: EDITOR_PASSES,
    accept: (before, edits) => {
      if (before === analysis) {
        all = edits;
        return true;
      }
      const mapped: OffsetEdit[] = [];
      const original = offsetsBefore(all);
      const earlier = new EditIndex(all);
      for (const e of edits) {
        const start = original(e.start);
        const end = original(e.end);
        if (start === null || end === null) continue;
        const m = { start, end, newText: e.newText };
        if (!earlier.collides(m, true)) mapped.push(m);
      }
      all = joinTouching([...all, ...mapped]);
      // An edit that cannot be mapped ends the passes: the next one would analyse a text the edit does not make.
      return mapped.length === edits.length;
    },
  });
  return all;
}
