import { fieldPair, presentFields, spanOf } from '../document';
import { rankFieldNames } from './candidates';
import type { Fix, FixContext, Fixer } from './types';
import { fieldLines, replaceScalar } from './source';

/** Known fields not yet present whose name is within a small edit distance of `key`, nearest first. */
function renameTargets(key: string, ctx: FixContext): { name: string; distance: number }[] {
  return rankFieldNames(
    key,
    ctx.config.schema.fields.map((f) => f.name),
    presentFields(ctx.parsed),
  );
}

/** True when the field's value, under the new name, passes the schema: the rename then fixes without revealing more. */
function cleanUnder(name: string, target: string, ctx: FixContext): boolean {
  const data = ctx.parsed.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const renamed: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  renamed[target] = renamed[name];
  delete renamed[name];
  ctx.config.schema.validate(renamed);
  return !(ctx.config.schema.validate.errors ?? []).some(
    (e) => e.instancePath === `/${target}` || e.instancePath.startsWith(`/${target}/`),
  );
}

/**
 * `unknown-field`: rename a misspelt key (`learntags` → learnTags; preferred when unambiguous and the
 * value is valid for the field), or remove the field with all its lines. */
export const fixUnknownField: Fixer = (finding, ctx) => {
  const path = finding.data?.path;
  const name = finding.data?.field;
  if (!path || path.length !== 1 || typeof name !== 'string') return [];
  const pair = fieldPair(ctx.parsed, name);
  if (!pair) return [];
  const fixes: Fix[] = [];
  const keySpan = spanOf(ctx.parsed, pair.key);
  const targets = renameTargets(name, ctx);
  if (keySpan && targets.length > 0) {
    const best = targets.filter((t) => t.distance === targets[0].distance);
    // Two unknown keys that both look like one field: renaming either would be a guess.
    const rivals = ctx.findings.filter(
      (f) =>
        f.code === 'unknown-field' &&
        f.data?.field !== name &&
        typeof f.data?.field === 'string' &&
        renameTargets(f.data.field, ctx)[0]?.name === targets[0].name,
    );
    targets.slice(0, 3).forEach((t, i) => {
      fixes.push({
        title: `Rename to '${t.name}'`,
        finding,
        edits: [replaceScalar(ctx.parsed, pair.key, t.name, false) ?? { ...keySpan, newText: t.name }],
        preferred: i === 0 && best.length === 1 && rivals.length === 0 && cleanUnder(name, t.name, ctx),
        destructive: false,
      });
    });
  }
  const lines = fieldLines(ctx.parsed, pair);
  if (lines)
    fixes.push({ title: `Remove the field '${name}'`, finding, edits: [{ ...lines, newText: '' }], preferred: false, destructive: true });
  return fixes;
};
