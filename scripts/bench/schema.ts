import bundledSchema from '../../schemas/resource.schema.json';
import tags from '../../data/vocabularies/resourceTags.json';
import focuses from '../../data/vocabularies/resourceFocuses.json';
import types from '../../data/vocabularies/resourceTypes.json';

export const TAGS: readonly string[] = tags.resourceTags.map((t) => t.value);
export const FOCUSES: readonly string[] = focuses.resourceFocuses.map((t) => t.value);
export const TYPES: readonly string[] = types.resourceTypes.map((t) => t.value);

const VOCABULARIES: Record<string, readonly string[]> = { learnTags: TAGS, focus: FOCUSES, type: TYPES };

/**
 * The bundled resource schema as a plain JSON Schema any validator understands: every
 * `x-vocabulary` becomes the `enum` of the bundled vocabulary's values, and editor-only keywords
 * (descriptions, `x-*`) are dropped so strict validators (ajv) accept it. The floor and both peers
 * get exactly this schema, so they check the same rules we do (minus workspace-wide checks:
 * duplicate links and section references, which none of them can express).
 */
export function equivalentSchema(): Record<string, unknown> {
  return transform(bundledSchema) as Record<string, unknown>;
}

function transform(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transform);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'x-vocabulary' && typeof value === 'string') out.enum = [...VOCABULARIES[value]];
    else if (key === 'description' || key === 'markdownDescription' || key === '$id' || key.startsWith('x-')) continue;
    else
      out[key] =
        key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, transform(v)])) : transform(value);
  }
  return out;
}
