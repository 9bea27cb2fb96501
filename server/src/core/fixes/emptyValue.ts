import { fieldPair } from '../document';
import { fillEmptyEdit } from './shapes';
import type { Fix, Fixer } from './types';

const MAX_CHOICES = 8;

/** `empty-value` of an enum field: one fix per allowed value when there are few; preferred only when there is one. */
export const fixEmptyValue: Fixer = (finding, ctx) => {
  const name = finding.data?.field;
  if (typeof name !== 'string' || finding.data?.path?.length !== 1) return [];
  const allowed = ctx.config.schema.allowedValues(name);
  const pair = fieldPair(ctx.parsed, name);
  if (!allowed || allowed.length === 0 || allowed.length > MAX_CHOICES || !pair) return [];
  const field = ctx.config.schema.field(name);
  const fixes: Fix[] = [];
  for (const value of allowed) {
    const edit = fillEmptyEdit(ctx.parsed, pair, field, value);
    if (edit)
      fixes.push({
        title: `Set ${name} to '${value}'`,
        finding,
        edits: [edit],
        preferred: allowed.length === 1,
        destructive: false,
        result: value,
      });
  }
  return fixes;
};
