import { isMap, isPair, isScalar, isSeq, parse, Scalar, visit, type Node, type Pair } from 'yaml';
import { fieldPairs, spanOf, type ParsedResource, type Span } from '../document';
import { lineBreakOf } from '../frontmatter';
import { minimalEdit, type OffsetEdit } from '../edits';

/** Source-level helpers shared by the fixes: line bounds, scalar rendering, the file's prevailing style. */

export function lineStartOf(text: string, pos: number): number {
  let i = pos;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** The offset after the line break ending the line that `pos` is on (or `pos` itself when it starts a line after a break). */
export function lineEndAfter(text: string, pos: number): number {
  if (pos > 0) {
    const prev = text.charCodeAt(pos - 1);
    if (prev === 10 || (prev === 13 && text.charCodeAt(pos) !== 10)) return pos;
  }
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (c === 10) return i + 1;
    i++;
  }
  return i;
}

/** The whole lines a top-level field occupies: from its key's line start to after its value's last line. */
export function fieldLines(parsed: ParsedResource, pair: Pair<Node, Node | null>): Span | null {
  const key = spanOf(parsed, pair.key);
  if (!key) return null;
  const value = spanOf(parsed, pair.value);
  const last = value && value.end > key.end ? value.end : key.end;
  return { start: lineStartOf(parsed.text, key.start), end: lineEndAfter(parsed.text, last) };
}

const RESERVED = /^(?:true|false|null|yes|no|on|off|~|[-+]?(?:\.inf|\.nan|\d[\d_.eE+-]*|0x[0-9a-fA-F]+|0o[0-7]+))$/i;

/** True when a string can be written as a plain scalar in the given context and reads back as itself. */
export function plainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\r\n\t]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  if (RESERVED.test(value)) return false;
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}

export type QuoteStyle = 'plain' | 'double' | 'single';

export function quoteStyleOf(node: Node | null | undefined): QuoteStyle {
  if (isScalar(node)) {
    if (node.type === Scalar.QUOTE_DOUBLE) return 'double';
    if (node.type === Scalar.QUOTE_SINGLE) return 'single';
  }
  return 'plain';
}

/** A string as YAML source in the wanted style; plain falls back to double quotes when it must. */
export function renderScalar(value: string, style: QuoteStyle, inFlow: boolean): string {
  if (style === 'single' && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (style === 'plain' && plainSafe(value, inFlow)) return value;
  return JSON.stringify(value);
}

/** The minimal edit that gives a scalar node a new string value, keeping its quoting. */
export function replaceScalar(parsed: ParsedResource, node: Node, value: string, inFlow: boolean): OffsetEdit | null {
  const span = spanOf(parsed, node);
  if (!span) return null;
  return minimalEdit(parsed.text, { ...span, newText: renderScalar(value, quoteStyleOf(node), inFlow) });
}

/** The list style most lists in this frontmatter use (flow when there are none). */
export function prevailingListStyle(parsed: ParsedResource): 'flow' | 'block' {
  let flow = 0;
  let block = 0;
  for (const pair of fieldPairs(parsed)) {
    if (isSeq(pair.value)) {
      if (pair.value.flow) flow++;
      else block++;
    }
  }
  return block > flow ? 'block' : 'flow';
}

/** How the items of this frontmatter's lists are quoted, by majority (plain when none are). */
export function prevailingItemQuote(parsed: ParsedResource): QuoteStyle {
  const counts: Record<QuoteStyle, number> = { plain: 0, double: 0, single: 0 };
  for (const pair of fieldPairs(parsed)) {
    if (isSeq(pair.value)) for (const item of pair.value.items) if (isScalar(item)) counts[quoteStyleOf(item)]++;
  }
  if (counts.double >= counts.single && counts.double > counts.plain) return 'double';
  if (counts.single > counts.plain) return 'single';
  return 'plain';
}

/** Indentation of block list items in this frontmatter (the first block list's), else two spaces. */
export function blockItemIndent(parsed: ParsedResource): string {
  let found: string | undefined;
  if (!parsed.yaml) return '  ';
  visit(parsed.yaml, {
    Seq(_, seq) {
      if (found !== undefined || seq.flow || seq.items.length === 0) return;
      const first = spanOf(parsed, seq.items[0] as Node);
      if (!first) return;
      const start = lineStartOf(parsed.text, first.start);
      const m = /^[ \t]*/.exec(parsed.text.slice(start, first.start));
      found = m ? m[0] : '  ';
    },
  });
  return found ?? '  ';
}

export function eolOf(parsed: ParsedResource): string {
  return lineBreakOf(parsed.text);
}

/** The parent sequence of a list item at `path` (`['learnTags', 2]`), with the item's index. */
export function listOf(parsed: ParsedResource, path: readonly (string | number)[]): { seq: Node; index: number } | null {
  if (path.length !== 2 || typeof path[1] !== 'number') return null;
  const root = parsed.yaml?.contents;
  if (!isMap(root)) return null;
  const pair = root.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path[0]));
  if (!pair || !isSeq(pair.value)) return null;
  return { seq: pair.value, index: path[1] };
}
