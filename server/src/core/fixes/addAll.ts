import { severityOf, type Configuration } from '../configuration';
import type { OffsetEdit } from '../edits';
import type { Finding } from '../findings';
import type { Analysis } from '../service';
import { insertionPoint, missingFieldLine } from './required';
import type { FixContext } from './types';

export const ADD_ALL_TITLE = 'Add all missing required fields';

/** The shown `required` findings of a text, in the schema's order of their fields. */
export function missingFieldFindings(analysis: Analysis, config: Configuration): Finding[] {
  if (severityOf('required', config, analysis.uri) === 'off') return [];
  const order = config.schema.fields.map((f) => f.name);
  const rank = (f: Finding) => {
    const at = order.indexOf(String(f.data?.field));
    return at < 0 ? order.length : at;
  };
  return analysis.findings.filter((f) => f.code === 'required' && typeof f.data?.field === 'string').sort((a, b) => rank(a) - rank(b));
}

/**
 * One edit per insertion point that adds every missing required field with a placeholder of its
 * shape. Fields that go to the same place (all of them, in an empty frontmatter) are written there
 * one after another in the schema's order, which is the order the single fixes would give.
 */
export function addAllMissingEdits(missing: readonly Finding[], ctx: FixContext): OffsetEdit[] {
  const byPoint = new Map<number, string>();
  for (const f of missing) {
    const name = String(f.data?.field);
    const at = insertionPoint(ctx, name);
    if (at === null) return [];
    byPoint.set(at, (byPoint.get(at) ?? '') + missingFieldLine(ctx, name));
  }
  return [...byPoint].sort(([a], [b]) => a - b).map(([at, newText]) => ({ start: at, end: at, newText }));
}
