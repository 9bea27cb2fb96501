import type { Configuration } from '../../server/src/core/configuration';
import { applyOffsetEdits } from '../../server/src/core/edits';
import { fixAllOffsetEdits, fixesForFinding, type Fix } from '../../server/src/core/fixes';
import { analyzeText } from '../../server/src/core/service';
import { config } from './helpers';

/** The fixes offered for the first finding with `code`. */
export function fixesFor(text: string, code: string, cfg: Configuration = config()): Fix[] {
  const analysis = analyzeText(text, cfg);
  const finding = analysis.findings.find((f) => f.code === code);
  if (!finding) throw new Error(`no ${code} in ${JSON.stringify(analysis.findings.map((f) => f.code))}`);
  return fixesForFinding(finding, analysis, cfg);
}

/** The text after applying the fix titled `title` (or the preferred one) for the first `code` finding. */
export function applyFix(text: string, code: string, title?: string, cfg: Configuration = config()): string {
  const fixes = fixesFor(text, code, cfg);
  const fix = title === undefined ? fixes.find((f) => f.preferred) : fixes.find((f) => f.title === title);
  if (!fix) throw new Error(`no fix ${title ?? '(preferred)'} among ${JSON.stringify(fixes.map((f) => f.title))}`);
  return applyOffsetEdits(text, fix.edits);
}

export function fixAll(text: string, cfg: Configuration = config()): string {
  return applyOffsetEdits(text, fixAllOffsetEdits(analyzeText(text, cfg), cfg));
}

export function titles(text: string, code: string, cfg?: Configuration): string[] {
  return fixesFor(text, code, cfg).map((f) => (f.preferred ? `${f.title} *` : f.title));
}
