import { isScalar, Scalar } from 'yaml';
import { fieldPair, nodeAtPath, spanOf } from '../document';
import type { OffsetEdit } from '../edits';
import { rankCandidates } from './candidates';
import { afterColon } from './shapes';
import { blockItemIndent, eolOf, prevailingListStyle, quoteStyleOf, renderScalar } from './source';
import type { Fix, Fixer } from './types';

/** `"yes"`, `'no'`, `"true"`, `False` … as the boolean they mean. */
const BOOLEAN_WORDS: Record<string, boolean> = { yes: true, true: true, no: false, false: false };

/**
 * `invalid-type`: a quoted or worded boolean → the boolean; a boolean followed by stray continuation
 * lines → remove them (not preferred); a scalar where a list belongs → a one-item list in the file's
 * list style; a number or boolean where text belongs → the same characters in quotes.
 */
export const fixInvalidType: Fixer = (finding, ctx) => {
  const path = finding.data?.path;
  const expected = finding.data?.expected ?? [];
  if (!path || path.length === 0) return [];
  const { node } = nodeAtPath(ctx.parsed, path);
  const span = spanOf(ctx.parsed, node);
  if (!isScalar(node) || !span) return [];
  const source = ctx.parsed.text.slice(span.start, span.end);
  const fixes: Fix[] = [];

  if (expected.includes('boolean') && typeof node.value === 'string') {
    const word = BOOLEAN_WORDS[node.value.trim().toLowerCase()];
    if (word !== undefined) {
      fixes.push({ title: `Change to ${word}`, finding, edits: [{ ...span, newText: String(word) }], preferred: true, destructive: false });
    } else if (node.type === Scalar.PLAIN) {
      // `openSource: false` followed by indented leftovers, which YAML folds into one string.
      const stray = /^(true|false)[ \t]*(?:\r\n|\n|\r)/.exec(source);
      if (stray) {
        fixes.push({
          title: `Remove the stray lines after '${stray[1]}'`,
          finding,
          edits: [{ start: span.start + stray[1].length, end: span.end, newText: '' }],
          preferred: false,
          destructive: true,
        });
      }
    }
  }

  if (
    expected.includes('array') &&
    path.length === 1 &&
    node.value !== null &&
    String(node.value).trim() !== '' &&
    !/[\r\n]/.test(source)
  ) {
    const field = ctx.config.schema.field(String(path[0]));
    const allowed = field ? ctx.config.schema.allowedValues(field.name) : undefined;
    const value = String(node.value);
    let item = value;
    let valid = true;
    if (allowed && !allowed.includes(value)) {
      const terms = field?.vocabulary ? ctx.config.vocabularies[field.vocabulary].terms : allowed.map((v) => ({ value: v }));
      const ranked = rankCandidates(value, terms);
      valid = ranked.unambiguous;
      if (ranked.unambiguous) item = ranked.candidates[0].value;
    }
    const edits: OffsetEdit[] = [];
    const pair = fieldPair(ctx.parsed, String(path[0]));
    const colon = pair ? afterColon(ctx.parsed, pair) : null;
    const itemText = item === value ? source : renderScalar(item, quoteStyleOf(node), true);
    // The title shows what the edit writes, character for character: a block list item or a flow list.
    let title: string;
    if (prevailingListStyle(ctx.parsed) === 'block' && colon !== null) {
      const blockItem = item === value ? source : renderScalar(item, quoteStyleOf(node), false);
      edits.push({ start: colon, end: span.start, newText: `${eolOf(ctx.parsed)}${blockItemIndent(ctx.parsed)}- ` });
      edits.push({ ...span, newText: blockItem });
      title = `Make it a block list: - ${blockItem}`;
    } else {
      const flowText = item === value && /[,[\]{}]/.test(value) && quoteStyleOf(node) === 'plain' ? JSON.stringify(value) : itemText;
      edits.push(
        { start: span.start, end: span.start, newText: '[' },
        { ...span, newText: flowText },
        { start: span.end, end: span.end, newText: ']' },
      );
      title = `Make it a list: [${flowText}]`;
    }
    fixes.push({ title, finding, edits, preferred: valid, destructive: false });
  }

  if (
    expected.includes('string') &&
    !expected.includes('array') &&
    (typeof node.value === 'number' || typeof node.value === 'boolean') &&
    node.type === Scalar.PLAIN &&
    !/[\r\n"\\]/.test(source)
  ) {
    fixes.push({
      title: 'Put it in quotes',
      finding,
      edits: [
        { start: span.start, end: span.start, newText: '"' },
        { start: span.end, end: span.end, newText: '"' },
      ],
      preferred: true,
      destructive: false,
    });
  }
  return fixes;
};
