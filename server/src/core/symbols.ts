import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { fieldPairs, spanOf, type ParsedResource } from './document';
import type { LineMap } from './positions';

/**
 * The frontmatter's fields as document symbols (Outline, breadcrumbs): one per top-level key, from
 * the key to the end of its value, with list items as children. Only the frontmatter: the editor's
 * Markdown support gives the body's headings, and the editor merges both.
 */

const DETAIL_LENGTH = 60;

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > DETAIL_LENGTH ? `${line.slice(0, DETAIL_LENGTH - 1)}…` : line;
}

/** A node's value in one line: a scalar as itself, a list as its items, a map as `{…}`. */
function describe(node: Node | null): string {
  if (!node) return '';
  if (isScalar(node)) return node.value === null ? '' : String(node.value);
  if (isSeq(node)) return `[${node.items.map((i) => (isScalar(i) ? String(i.value ?? '') : isSeq(i) ? '[…]' : '{…}')).join(', ')}]`;
  return '{…}';
}

/**
 * Where a value ends in the source. yaml's range of a block list or map runs over the line break
 * after its last item, so the symbol ends where that item's value does; a block scalar's (`>-`, `|`)
 * includes its closing line breaks, which the symbol leaves out.
 */
function valueEnd(parsed: ParsedResource, node: Node | null): number | null {
  if (!node) return null;
  if ((isSeq(node) || isMap(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    if (isPair(last)) return valueEnd(parsed, (last.value as Node | null) ?? null) ?? spanOf(parsed, last.key as Node)?.end ?? null;
    return valueEnd(parsed, last as Node);
  }
  const span = spanOf(parsed, node);
  if (!span) return null;
  let end = span.end;
  while (end > span.start && /\s/.test(parsed.text[end - 1])) end--;
  return end;
}

function itemSymbols(parsed: ParsedResource, lines: LineMap, node: Node | null): DocumentSymbol[] {
  if (!isSeq(node)) return [];
  const out: DocumentSymbol[] = [];
  for (const item of node.items as Node[]) {
    const span = spanOf(parsed, item);
    const end = valueEnd(parsed, item);
    if (!span || end === null) continue;
    const name = shorten(describe(item)) || '""'; // an editor rejects a symbol without a name
    const range = lines.range(span.start, end);
    out.push({ name, kind: isScalar(item) ? SymbolKind.String : SymbolKind.Array, range, selectionRange: range });
  }
  return out;
}

export function frontmatterSymbols(parsed: ParsedResource, lines: LineMap): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const pair of fieldPairs(parsed)) {
    const key = pair.key as Node;
    const keySpan = spanOf(parsed, key);
    if (!keySpan || keySpan.end <= keySpan.start) continue;
    const name = isScalar(key) ? String(key.value) : '';
    if (name.trim() === '') continue;
    const value = pair.value;
    const end = Math.max(keySpan.end, valueEnd(parsed, value) ?? keySpan.end);
    const symbol: DocumentSymbol = {
      name,
      detail: shorten(describe(value)),
      kind: SymbolKind.Property,
      range: lines.range(keySpan.start, end),
      selectionRange: lines.range(keySpan.start, keySpan.end),
    };
    const children = itemSymbols(parsed, lines, value);
    if (children.length > 0) symbol.children = children;
    out.push(symbol);
  }
  return out;
}
