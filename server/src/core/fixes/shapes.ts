import { isScalar, type Node, type Pair } from 'yaml';
import { spanOf, type ParsedResource } from '../document';
import type { OffsetEdit } from '../edits';
import type { FieldInfo } from '../schema';
import { blockItemIndent, eolOf, prevailingItemQuote, prevailingListStyle, renderScalar } from './source';

/** Writing a value of a field's shape into the frontmatter: placeholders and one-item lists. */

/** The offset just after the `:` that follows a top-level key. */
export function afterColon(parsed: ParsedResource, pair: Pair<Node, Node | null>): number | null {
  const key = spanOf(parsed, pair.key);
  if (!key) return null;
  let i = key.end;
  while (i < parsed.text.length && (parsed.text[i] === ' ' || parsed.text[i] === '\t')) i++;
  return parsed.text[i] === ':' ? i + 1 : null;
}

/** A list of the given items in the file's prevailing list style, as it follows `key:`. */
export function listSource(parsed: ParsedResource, items: string[]): string {
  const quote = prevailingItemQuote(parsed);
  if (prevailingListStyle(parsed) === 'block' && items.length > 0) {
    const eol = eolOf(parsed);
    const indent = blockItemIndent(parsed);
    return items.map((v) => `${eol}${indent}- ${renderScalar(v, quote, false)}`).join('');
  }
  return ` [${items.map((v) => renderScalar(v, quote, true)).join(', ')}]`;
}

/** The placeholder a new field gets: `[]` for lists, `false` for booleans, `""` for text. */
export function placeholder(field: FieldInfo | undefined): string {
  if (field?.shape === 'list') return '[]';
  if (field?.shape === 'boolean') return 'false';
  return '""';
}

/**
 * The edit that gives a field with an empty value (`key:`, `key: null`, `key: ""`, `key: []`) one
 * value; lists get one item in the file's style, quoted scalars keep their quotes.
 */
export function fillEmptyEdit(
  parsed: ParsedResource,
  pair: Pair<Node, Node | null>,
  field: FieldInfo | undefined,
  value: string,
): OffsetEdit | null {
  const colon = afterColon(parsed, pair);
  const node = pair.value;
  const span = spanOf(parsed, node);
  if (colon === null) return null;
  const list = field?.shape === 'list';
  if (list && node && !isScalar(node) && span && parsed.text[span.start] === '[') {
    // `[]` (or `[ ]`): the item goes inside the brackets.
    return { start: span.start + 1, end: span.end - 1, newText: renderScalar(value, prevailingItemQuote(parsed), true) };
  }
  if (!list && isScalar(node) && span && span.end > span.start && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
    return { start: span.start, end: span.end, newText: renderScalar(value, node.type === 'QUOTE_DOUBLE' ? 'double' : 'single', false) };
  }
  const end = span && span.end > colon ? span.end : colon;
  return { start: colon, end, newText: list ? listSource(parsed, [value]) : ` ${renderScalar(value, 'plain', false)}` };
}
