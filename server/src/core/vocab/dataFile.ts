import { parseTree, type Node } from 'jsonc-parser';
import type { Span } from '../document';
import type { OffsetEdit } from '../edits';
import { withoutBom } from '../host';

/** One entry of a vocabulary data file (`{"value": "bias", "label": "Bias"}`), with where each part is. */
export interface DataEntry {
  value: string;
  /** The value's string literal, quotes included. */
  valueSpan: Span;
  label?: string;
  labelSpan?: Span;
  /** The whole `{…}` object. */
  span: Span;
}

/** A data file's list of entries (or of a category's focuses): the items, for edits that remove one. */
export interface DataList<T> {
  items: T[];
  /** Each item's span, in order, for removing one with its separator. */
  spans: Span[];
}

/** One category of `resourceCategories.json`, with its focuses' string literals. */
export interface DataCategory {
  id: string;
  idSpan: Span;
  focuses: DataList<{ value: string; span: Span }>;
}

const spanOfNode = (n: Node): Span => ({ start: n.offset, end: n.offset + n.length });

function property(obj: Node, key: string): Node | undefined {
  for (const p of obj.children ?? []) {
    if (p.type === 'property' && p.children?.[0]?.value === key) return p.children[1];
  }
  return undefined;
}

function tree(text: string): Node | undefined {
  // Editors show, and position, the text without a BOM: so do these spans.
  const root = parseTree(withoutBom(text), [], { allowTrailingComma: true, disallowComments: false });
  return root?.type === 'object' ? root : undefined;
}

/**
 * The entries of a vocabulary data file's list (`key`, else its first list, as `parseVocabulary`
 * reads it), and the list's own `[…]`, positioned by a JSON parser; undefined when the text is not
 * such a file.
 */
export function vocabularyEntries(text: string, key: string): (DataList<DataEntry> & { span: Span }) | undefined {
  const root = tree(text);
  if (!root) return undefined;
  const list = property(root, key) ?? root.children?.map((p) => p.children?.[1]).find((v) => v?.type === 'array');
  if (list?.type !== 'array') return undefined;
  const items: DataEntry[] = [];
  const spans: Span[] = [];
  for (const item of list.children ?? []) {
    spans.push(spanOfNode(item));
    const value = item.type === 'object' ? property(item, 'value') : undefined;
    const label = item.type === 'object' ? property(item, 'label') : undefined;
    if (value?.type !== 'string') return undefined;
    items.push({
      value: value.value as string,
      valueSpan: spanOfNode(value),
      ...(label?.type === 'string' ? { label: label.value as string, labelSpan: spanOfNode(label) } : {}),
      span: spanOfNode(item),
    });
  }
  return { items, spans, span: spanOfNode(list) };
}

/** The categories of `resourceCategories.json`, positioned; undefined when the text is not that file. */
export function categoryEntries(text: string): DataCategory[] | undefined {
  const root = tree(text);
  const list = root && property(root, 'resourceCategories');
  if (list?.type !== 'array') return undefined;
  const out: DataCategory[] = [];
  for (const item of list.children ?? []) {
    const id = item.type === 'object' ? property(item, 'categoryId') : undefined;
    if (id?.type !== 'string') continue;
    const focuses = property(item, 'focuses');
    const strings = focuses?.type === 'array' ? (focuses.children ?? []) : [];
    out.push({
      id: id.value as string,
      idSpan: spanOfNode(id),
      focuses: {
        items: strings.map((s) => ({ value: typeof s.value === 'string' ? s.value : '', span: spanOfNode(s) })),
        spans: strings.map(spanOfNode),
      },
    });
  }
  return out;
}

/** The edit that gives a JSON string literal a new value, rewriting only what is between its quotes. */
export function replaceJsonString(span: Span, value: string): OffsetEdit {
  return { start: span.start + 1, end: span.end - 1, newText: JSON.stringify(value).slice(1, -1) };
}
