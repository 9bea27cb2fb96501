import { isScalar, isSeq } from 'yaml';
import { nodeAtPath } from '../document';
import { replaceScalar } from './source';
import type { Fix, Fixer } from './types';

/** A URL inside other text; trailing sentence punctuation is not part of it. */
const URL_INSIDE = /https?:\/\/[^\s<>"'`()[\]{}]+/i;
/** A host name with a dot at the start (`example.org/x`, `www.x.org`, `//x.org/y`). */
const NO_SCHEME = /^(?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/** `invalid-url`: add the missing `https://`, or keep just the URL out of the text around it. */
export const fixInvalidUrl: Fixer = (finding, ctx) => {
  const path = finding.data?.path;
  if (!path) return [];
  const { node } = nodeAtPath(ctx.parsed, path);
  if (!isScalar(node) || typeof node.value !== 'string') return [];
  const inFlow = path.length === 2 && isSeq(nodeAtPath(ctx.parsed, path.slice(0, 1)).node);
  const value = node.value.trim();
  const fixes: Fix[] = [];
  if (NO_SCHEME.test(value)) {
    const url = `https://${value.replace(/^\/\//, '')}`;
    const edit = replaceScalar(ctx.parsed, node, url, inFlow);
    if (edit) fixes.push({ title: `Change to '${url}'`, finding, edits: [edit], preferred: true, destructive: false });
    return fixes;
  }
  const m = URL_INSIDE.exec(value);
  if (m) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    if (url !== node.value) {
      const around = value.slice(0, m.index) + value.slice(m.index + url.length);
      // Only brackets and punctuation around it: nothing the author wrote is lost.
      const harmless = /^[\s<>()[\]{}.,;:!?'"`]*$/.test(around);
      const edit = replaceScalar(ctx.parsed, node, url, inFlow);
      if (edit) fixes.push({ title: `Keep only the URL '${url}'`, finding, edits: [edit], preferred: harmless, destructive: !harmless });
    }
  }
  return fixes;
};
