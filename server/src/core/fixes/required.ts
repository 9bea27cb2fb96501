import { fieldPairs, spanOf } from '../document';
import { eolOf, fieldLines, lineStartOf } from './source';
import { placeholder } from './shapes';
import type { FixContext, Fixer } from './types';

/**
 * Where a missing field goes: where the schema's order puts it (after the nearest present field that
 * comes before it, else before the first present field that comes after it, else at the end).
 * Null when the frontmatter cannot take a field (unclosed, or not YAML).
 */
export function insertionPoint(ctx: FixContext, name: string): number | null {
  const block = ctx.parsed.block;
  if (!block?.close || !ctx.parsed.yaml) return null;
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
  return at;
}

/** The line a missing field is added as: its key and a placeholder of its shape. */
export function missingFieldLine(ctx: FixContext, name: string): string {
  return `${name}: ${placeholder(ctx.config.schema.field(name))}${eolOf(ctx.parsed)}`;
}

/** `required`: insert the missing field with a placeholder. Not preferred: the placeholder still needs a value. */
export const fixRequired: Fixer = (finding, ctx) => {
  const name = finding.data?.field;
  if (typeof name !== 'string') return [];
  const at = insertionPoint(ctx, name);
  if (at === null) return [];
  return [
    {
      title: `Add the missing field '${name}'`,
      finding,
      edits: [{ start: at, end: at, newText: missingFieldLine(ctx, name) }],
      preferred: false,
      destructive: false,
    },
  ];
};
