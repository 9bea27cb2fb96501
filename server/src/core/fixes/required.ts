import { fieldPairs, spanOf } from '../document';
import { eolOf, fieldLines, lineStartOf } from './source';
import { placeholder } from './shapes';
import type { Fixer } from './types';

/**
 * `required`: insert the missing field with a placeholder where the schema's order puts it (after the
 * nearest present field that comes before it). Not preferred: the placeholder still needs a value.
 */
export const fixRequired: Fixer = (finding, ctx) => {
  const name = finding.data?.field;
  const block = ctx.parsed.block;
  if (typeof name !== 'string' || !block?.close || !ctx.parsed.yaml) return [];
  const order = ctx.config.schema.fields.map((f) => f.name);
  const mine = order.indexOf(name);
  const pairs = fieldPairs(ctx.parsed);
  const rank = (p: (typeof pairs)[number]) => order.indexOf(String((p.key as { value?: unknown }).value));
  let at: number | null = null;
  const before = pairs.filter((p) => rank(p) >= 0 && rank(p) < mine).pop();
  if (before) at = fieldLines(ctx.parsed, before)?.end ?? null;
  if (at === null) {
    const after = pairs.find((p) => rank(p) > mine);
    const key = after ? spanOf(ctx.parsed, after.key) : null;
    if (key) at = lineStartOf(ctx.parsed.text, key.start);
  }
  if (at === null) {
    const last = pairs[pairs.length - 1];
    at = (last ? fieldLines(ctx.parsed, last)?.end : undefined) ?? block.content.start;
  }
  const newText = `${name}: ${placeholder(ctx.config.schema.field(name))}${eolOf(ctx.parsed)}`;
  return [{ title: `Add the missing field '${name}'`, finding, edits: [{ start: at, end: at, newText }], preferred: false, destructive: false }];
};
