import { isScalar, isSeq, type Node } from 'yaml';
import { fieldPair, spanOf, type ParsedResource } from '../document';
import { quoteStyleOf, type QuoteStyle } from '../fixes/source';
import { VOCABULARY_NAMES, type VocabularyName } from '../vocabulary';

/** A value a resource gives a vocabulary field: `machineLearning` in `learnTags`, a `focus`, a `type`. */
export interface TermValue {
  vocabulary: VocabularyName;
  value: string;
}

/** One use of a term in a resource, where it is (offsets of the scalar, quotes included) and how it is written. */
export interface TermUse extends TermValue {
  start: number;
  end: number;
  quote: QuoteStyle;
  /** Inside a flow list (`[a, b]`): a plain value must not contain `,[]{}` there. */
  inFlow: boolean;
  /** Its index in the field's list; null for a single value (`focus: Bias`). */
  index: number | null;
}

/** The term uses of a parsed resource, in the order of its fields and items, from the YAML document's positions. */
export function termUsesOf(parsed: ParsedResource): TermUse[] {
  const out: TermUse[] = [];
  for (const vocabulary of VOCABULARY_NAMES) {
    const value = fieldPair(parsed, vocabulary)?.value as Node | null | undefined;
    if (isSeq(value)) {
      (value.items as Node[]).forEach((item, index) => {
        const use = scalarUse(parsed, vocabulary, item, value.flow === true, index);
        if (use) out.push(use);
      });
    } else {
      const use = scalarUse(parsed, vocabulary, value, false, null);
      if (use) out.push(use);
    }
  }
  return out;
}

function scalarUse(
  parsed: ParsedResource,
  vocabulary: VocabularyName,
  node: Node | null | undefined,
  inFlow: boolean,
  index: number | null,
) {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const span = spanOf(parsed, node);
  if (!span) return undefined;
  return { vocabulary, value: node.value, ...span, quote: quoteStyleOf(node), inFlow, index };
}

/** The term values of a frontmatter read as plain data (the fast path's), in the order `termUsesOf` gives them. */
export function termValuesOf(data: unknown): TermValue[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const out: TermValue[] = [];
  for (const vocabulary of VOCABULARY_NAMES) {
    const v = (data as Record<string, unknown>)[vocabulary];
    if (typeof v === 'string') out.push({ vocabulary, value: v });
    else if (Array.isArray(v)) for (const item of v) if (typeof item === 'string') out.push({ vocabulary, value: item });
  }
  return out;
}
