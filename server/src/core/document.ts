import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
} from 'yaml';
import { duplicateKeyErrors } from './duplicateKeys';
import { findFrontmatter, type FrontmatterBlock } from './frontmatter';
import { keysOf, pairsByKey } from './mapIndex';
import { parserSentence, yamlErrorSentence } from './yamlErrors';

/**
 * Bounds that keep hostile frontmatter (alias bombs, deeply nested blocks) cheap to reject. The size
 * of what is analysed at all is a setting (`sizeLimit.ts`), checked before a text gets here.
 */
export const LIMITS = {
  maxAliasCount: 100,
  maxNestingDepth: 64,
};

export interface Span {
  start: number;
  end: number;
}

export interface SyntaxProblem extends Span {
  message: string;
  /** For an error of the YAML parser: its error code and its own wording (for the log, not for authors). */
  yamlCode?: string;
  parserMessage?: string;
}

/** One resource text, split and parsed once; every check, fix, completion and preview reads this. */
export interface ParsedResource {
  text: string;
  block: FrontmatterBlock | null;
  /** The YAML document with source ranges (relative to `block.content.start`). */
  yaml: Document.Parsed | null;
  /** The frontmatter as plain data, when it parsed; `undefined` otherwise. */
  data: unknown;
  syntaxErrors: SyntaxProblem[];
}

/** Depth of `[`/`{` nesting and of indentation, measured without parsing: the YAML composer recurses. */
export function nestingTooDeep(yamlText: string): number {
  let depth = 0;
  for (let i = 0; i < yamlText.length; i++) {
    const c = yamlText.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > LIMITS.maxNestingDepth) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/** `block`: the text's frontmatter when the caller has already looked for it. */
export function parseResource(text: string, block: FrontmatterBlock | null = findFrontmatter(text)): ParsedResource {
  const result: ParsedResource = { text, block, yaml: null, data: undefined, syntaxErrors: [] };
  if (!block || !block.close) return result;
  const base = block.content.start;
  const source = text.slice(base, block.content.end);
  const loneCr = /\r(?!\n)/.exec(source);
  if (loneCr) {
    // YAML breaks lines at LF and CRLF only: one clear problem instead of a parse of one long line.
    result.syntaxErrors.push({
      start: base + loneCr.index,
      end: base + loneCr.index + 1,
      message:
        'This line ends with a lone carriage return (CR, old Mac line endings), which YAML does not read as a line break: save the file with LF or CRLF line endings.',
    });
    return result;
  }
  const deep = nestingTooDeep(source);
  if (deep >= 0) {
    result.syntaxErrors.push({
      start: base + deep,
      end: base + deep + 1,
      message: `The frontmatter nests brackets more than ${LIMITS.maxNestingDepth} levels deep.`,
    });
    return result;
  }
  let doc: Document.Parsed;
  try {
    // Repeated keys are found by duplicateKeyErrors, in linear time (the library's own check is quadratic).
    // logLevel: the library's warnings go to process.emitWarning (stderr); every problem becomes a diagnostic instead.
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: true, logLevel: 'error' });
    const repeated = duplicateKeyErrors(doc);
    if (repeated.length > 0) doc.errors = [...doc.errors, ...repeated].sort((a, b) => a.pos[0] - b.pos[0]);
  } catch (e) {
    result.syntaxErrors.push({
      start: block.open.start,
      end: block.open.end,
      message: `The frontmatter could not be read as YAML: ${(e as Error).message}`,
    });
    return result;
  }
  result.yaml = doc;
  if (doc.errors.length > 0) {
    const scalars = scalarsByEdge(doc);
    const topKeys = new Set(isMap(doc.contents) ? doc.contents.items.map((item) => item.key) : []);
    for (const err of doc.errors) result.syntaxErrors.push(syntaxProblem(err, base, scalars, topKeys));
  }
  // A repeated key leaves every other field readable: the schema checks still run (the first
  // occurrence counts, as the positions of the other checks point at it). Any other error stops here.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return result;
  const complex = collectionKeys(doc);
  if (complex.length > 0) {
    for (const key of complex) result.syntaxErrors.push({ start: base + key.start, end: base + key.end, message: key.message });
    return result;
  }
  // An alias is written with `*`: without one there is nothing to resolve (and no tree to walk).
  const badAlias = source.includes('*') ? firstUnresolvedAlias(doc) : null;
  if (badAlias) {
    result.syntaxErrors.push({ start: base + badAlias.start, end: base + badAlias.end, message: badAlias.message });
    return result;
  }
  try {
    const data: unknown = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    result.data = doc.errors.length > 0 ? firstKeysWin(doc, data) : data;
  } catch (e) {
    const at = firstAliasSpan(doc) ?? { start: 0, end: 0 };
    const message = /alias/i.test((e as Error).message)
      ? `Too many aliases: this YAML expands beyond ${LIMITS.maxAliasCount} alias references, which is how alias bombs work.`
      : `The frontmatter could not be read: ${(e as Error).message}`;
    result.syntaxErrors.push({ start: base + at.start, end: base + Math.max(at.end, at.start + 1), message });
  }
  return result;
}

interface ScalarEdges {
  byStart: Map<number, Scalar>;
  byEnd: Map<number, Scalar>;
}

function scalarsByEdge(doc: Document.Parsed): ScalarEdges {
  const edges: ScalarEdges = { byStart: new Map(), byEnd: new Map() };
  visit(doc, {
    Scalar(_, node) {
      if (!node.range) return;
      edges.byStart.set(node.range[0], node);
      edges.byEnd.set(node.range[1], node);
    },
  });
  return edges;
}

/** One YAML parser error as a problem for authors: a sentence of ours, on the characters it concerns. */
function syntaxProblem(err: YAMLError, base: number, scalars: ScalarEdges, topKeys: ReadonlySet<unknown>): SyntaxProblem {
  const [s, e] = err.pos;
  const parserMessage = parserSentence(err.message);
  const problem = { yamlCode: err.code, parserMessage, message: yamlErrorSentence(err.code, parserMessage) };
  if (err.code === 'DUPLICATE_KEY') {
    // yaml marks a repeated key by its first character: widen to the whole key and name it.
    const key = scalars.byStart.get(s);
    const end = Math.max(e, key?.range?.[1] ?? s + 1);
    // Only a frontmatter field keeps its first value (firstKeysWin); inside a nested map YAML keeps the last.
    const kept = key && topKeys.has(key) ? 'the first one is checked' : 'the last one is checked';
    const message = key ? `'${String(key.value)}' is given more than once; keep one of them (${kept}).` : problem.message;
    return { ...problem, message, start: base + s, end: base + end };
  }
  if (err.code === 'MISSING_CHAR' && /^Missing closing .quote/.test(parserMessage)) {
    // yaml reports an unclosed quote where the text runs out (the closing ---): the quote that
    // needs closing is the opening one of the quoted scalar that ends there.
    const open = scalars.byEnd.get(s);
    if (open?.range && (open.type === Scalar.QUOTE_DOUBLE || open.type === Scalar.QUOTE_SINGLE)) {
      return { ...problem, start: base + open.range[0], end: base + open.range[0] + 1 };
    }
  }
  return { ...problem, start: base + s, end: base + Math.max(e, s + 1) };
}

/** The plain data with a repeated top-level key holding its first value (toJS keeps the last). */
function firstKeysWin(doc: Document.Parsed, data: unknown): unknown {
  const root = doc.contents;
  if (!isMap(root) || !data || typeof data !== 'object' || Array.isArray(data)) return data;
  const seen = new Set<string>();
  const out = data as Record<string, unknown>;
  for (const item of root.items) {
    if (!isScalar(item.key)) continue;
    const key = String(item.key.value);
    if (seen.has(key)) continue;
    seen.add(key);
    const value = item.value as Node | null;
    out[key] = value ? value.toJS(doc, { maxAliasCount: LIMITS.maxAliasCount }) : null;
  }
  return out;
}

/** Keys that are lists or maps (`{ keywords: [] }: x`, `? [a, b]`): no field can have such a name. */
function collectionKeys(doc: Document.Parsed): SyntaxProblem[] {
  const found: SyntaxProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if ((isMap(key) || isSeq(key)) && key.range) {
        found.push({
          start: key.range[0],
          end: key.range[1],
          message: `YAML syntax error: this key is a ${isMap(key) ? 'map' : 'list'}; a field name must be plain text (did a value lose its key, as in "keywords: []"?).`,
        });
      }
    },
  });
  return found;
}

function firstUnresolvedAlias(doc: Document.Parsed): SyntaxProblem | null {
  let found: SyntaxProblem | null = null;
  visit(doc, {
    Alias(_, node) {
      if (!node.resolve(doc) && node.range) {
        found = {
          start: node.range[0],
          end: node.range[1],
          message: `YAML syntax error: the alias *${node.source} refers to no anchor &${node.source}.`,
        };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAliasSpan(doc: Document.Parsed): Span | null {
  let found: Span | null = null;
  visit(doc, {
    Alias(_, node) {
      if (node.range) {
        found = { start: node.range[0], end: node.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Absolute span of a YAML node's value (without trailing comments), or null when it has no source. */
export function spanOf(parsed: ParsedResource, node: Node | null | undefined): Span | null {
  if (!node || !node.range || !parsed.block) return null;
  const base = parsed.block.content.start;
  return { start: base + node.range[0], end: base + node.range[1] };
}

/** The top-level `key: value` pair for a field, if present. */
export function fieldPair(parsed: ParsedResource, key: string): Pair<Node, Node | null> | null {
  const root = parsed.yaml?.contents;
  if (!isMap(root)) return null;
  return pairsByKey(root).get(key) ?? null;
}

/** Every top-level pair, in source order. */
export function fieldPairs(parsed: ParsedResource): Pair<Node, Node | null>[] {
  const root = parsed.yaml?.contents;
  if (!isMap(root)) return [];
  return root.items.filter((i) => isPair(i) && isScalar(i.key)) as Pair<Node, Node | null>[];
}

/** The names of the top-level fields the file has (indexed once per document: callers ask per finding). */
export function presentFields(parsed: ParsedResource): ReadonlySet<string> {
  const root = parsed.yaml?.contents;
  return isMap(root) ? keysOf(root) : new Set();
}

/** The node at a data path (`['learnTags', 2]`), with the key node of the field it belongs to. */
export function nodeAtPath(parsed: ParsedResource, path: readonly (string | number)[]): { node: Node | null; key: Node | null } {
  let node: Node | null = parsed.yaml?.contents ?? null;
  let key: Node | null = null;
  for (const seg of path) {
    if (isAlias(node) && parsed.yaml) node = node.resolve(parsed.yaml) ?? null;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
      if (!pair) return { node: null, key };
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as Node | undefined) ?? null;
    } else {
      return { node: null, key };
    }
  }
  return { node, key };
}

/** True when a value node is present in the source but holds nothing (`key:` with no value). */
export function isBlank(node: Node | null): boolean {
  return !node || (isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1]));
}
