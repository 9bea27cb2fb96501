import { isScalar, isSeq } from 'yaml';
import { nodeAtPath } from '../document';
import type { Term } from '../vocabulary';
import { rankCandidates } from './candidates';
import { listOf, replaceScalar } from './source';
import { removeItemEdit } from './duplicateValue';
import { addTermFix } from './addTerm';
import type { Fix, Fixer } from './types';

/** `invalid-value`: "Change to 'Expert'" for the best candidates; "Add 'X' to <data file>" for vocabulary terms. */
export const fixInvalidValue: Fixer = (finding, ctx) => {
  const path = finding.data?.path;
  if (!path) return [];
  const { node } = nodeAtPath(ctx.parsed, path);
  if (!isScalar(node) || typeof node.value !== 'string') return [];
  const value = node.value;
  const vocabulary = finding.data?.vocabulary;
  const terms: Term[] = vocabulary ? ctx.config.vocabularies[vocabulary].terms : (finding.data?.expected ?? []).map((v) => ({ value: v }));
  const inFlow =
    path.length === 2 &&
    isSeq(nodeAtPath(ctx.parsed, path.slice(0, 1)).node) &&
    !!(nodeAtPath(ctx.parsed, path.slice(0, 1)).node as { flow?: boolean }).flow;
  const { candidates, unambiguous } = rankCandidates(value, terms);
  const fixes: Fix[] = [];
  const list = path.length === 2 ? listOf(ctx.parsed, path) : null;
  const others =
    list && isSeq(list.seq) ? list.seq.items.filter((_, i) => i !== list.index).map((n) => (isScalar(n) ? n.value : undefined)) : [];
  candidates.forEach((c, i) => {
    if (others.includes(c.value)) {
      // Changing it would only repeat an item that is already there: the item goes instead.
      const edit = removeItemEdit(ctx.parsed, path);
      if (edit)
        fixes.push({
          title: `Remove '${value}': '${c.value}' is already in the list`,
          finding,
          edits: [edit],
          preferred: unambiguous && i === 0,
          destructive: false,
          result: c.value,
          removesItem: true,
        });
      return;
    }
    const edit = replaceScalar(ctx.parsed, node, c.value, inFlow);
    if (!edit) return;
    fixes.push({
      title: `Change to '${c.value}'`,
      finding,
      edits: [edit],
      preferred: unambiguous && i === 0,
      destructive: false,
      result: c.value,
    });
  });
  // Adding a term changes a data file: never preferred, so not built when only the preferred fix is wanted.
  if (vocabulary && !ctx.preferredOnly) {
    const add = addTermFix(finding, ctx.config.vocabularies[vocabulary], value);
    if (add) fixes.push(add);
  }
  return fixes;
};
