import { CORE_SCHEMA, load } from 'js-yaml';
import type { Configuration } from './configuration';
import { LIMITS, nestingTooDeep, type ParsedResource } from './document';
import { EventRecorder } from './eventDocument';
import { findFrontmatter } from './frontmatter';
import { DIRECTIVE_PREFIX } from './suppressions';

/**
 * The fast path for checking many files: split the frontmatter, parse it with js-yaml (about three
 * times faster than the position-keeping parse) and run the compiled schema. It can only say
 * "certainly clean"; anything else — a schema error, a YAML error, or a text where the two parsers
 * might read the YAML differently — goes to the full analysis, which finds the exact ranges. So a
 * clean verdict here must never hide a finding the full analysis would report (see the
 * differential test).
 */
export type QuickVerdict = ({ clean: true; data: Record<string, unknown> } | { clean: false }) & {
  /**
   * The text as the full parse would give it, built from the fast path's own parse (the document
   * from js-yaml's events) when that can stand in for the full one; `undefined` otherwise.
   */
  parsed?: () => ParsedResource | undefined;
};

const NOT_CLEAN: QuickVerdict = { clean: false };

/**
 * What the document built from js-yaml's events leaves out, so such a text is parsed fully: a
 * comment, a tag, an explicit key, a lone carriage return (not a line break for the full parse).
 */
const NEEDS_FULL_PARSE = /#|(?:^|[\s[{,])[!?]|\r(?!\n)/m;

/** An anchor (`&a`) or alias (`*a`) token: the full parse bounds alias expansion, so it decides. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s,[\]{}]/m;

/**
 * Strings the YAML 1.2 core schema (what the full parse uses) would read as null, a boolean or a
 * number when written plain. js-yaml's core schema differs at the edges (`+.5`, `1_000`, `0b1`), and
 * its data cannot tell a quoted string from a plain one, so such strings go to the full parse.
 */
const CORE_NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))?$/;

/** The first characters (or none) a core-schema null, boolean or number can start with. */
const MAY_BE_NON_STRING = /^(?:$|[~nNtTfF0-9+.-])/;

/** True when every value is one both parsers agree on: strings that stay strings, booleans, null, lists, maps. */
function unambiguous(value: unknown, integers: boolean, depth = 0): boolean {
  if (value === null || typeof value === 'boolean') return true;
  // The event document checks each integer's source (plain decimal digits, which both parsers read alike).
  if (integers && Number.isSafeInteger(value)) return true;
  if (typeof value === 'string') return !MAY_BE_NON_STRING.test(value) || !CORE_NON_STRING.test(value);
  if (depth > LIMITS.maxNestingDepth || typeof value !== 'object') return false; // numbers, dates
  if (Array.isArray(value)) return value.every((v) => unambiguous(v, integers, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) {
    if (!unambiguous((value as Record<string, unknown>)[key], integers, depth + 1)) return false;
  }
  return true;
}

// Sticky, multi-line: tested at a line's start without slicing the line out.
const KEY_LINE = /(?:[^\s#'"[\]{}:,?&*!|>%@`-][^:\r\n]*|"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\r\n]|'')*')[ \t]*:(?:[ \t]|\r?$)/my;
const SEQ_ITEM_LINE =
  /-(?:[ \t]+(?:[^\s'"[\]{}#&*!|>][^\]}\r\n]*|"(?:[^"\\\r\n]|\\.)*"[ \t]*(?:#.*)?|'(?:[^'\r\n]|'')*'[ \t]*(?:#.*)?|#.*)?)?\r?$/my;

/**
 * js-yaml forgives what the full parse rejects: a quoted scalar or flow list continued on an
 * unindented line. So every line at column 0 must be a comment, a block-list item that ends where
 * the line does, or a key — and there must be exactly as many key lines as js-yaml found keys.
 */
function topLevelLinesAgree(source: string, keyCount: number): boolean {
  let keys = 0;
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 35 /* # */ && c !== 13 && c !== 10) {
      const re = c === 45 /* - */ ? SEQ_ITEM_LINE : KEY_LINE;
      re.lastIndex = i;
      if (!re.test(source)) return false;
      if (re === KEY_LINE) keys++;
    }
    const end = source.indexOf('\n', i);
    if (end < 0) break;
    i = end + 1;
  }
  return keys === keyCount;
}

export function quickCheck(text: string, config: Configuration): QuickVerdict {
  const block = findFrontmatter(text);
  if (!block || !block.close) return NOT_CLEAN;
  const source = text.slice(block.content.start, block.content.end);
  if (
    // A suppression comment may be unused or invalid, which is a finding only the full analysis sees.
    source.includes(DIRECTIVE_PREFIX) ||
    ((source.includes('&') || source.includes('*')) && ANCHOR_OR_ALIAS.test(source)) ||
    nestingTooDeep(source) >= 0
  )
    return NOT_CLEAN;
  let data: unknown;
  const recorder = NEEDS_FULL_PARSE.test(source) ? null : new EventRecorder(source);
  try {
    data = load(source, recorder ? { schema: CORE_SCHEMA, listener: recorder.listener } : { schema: CORE_SCHEMA });
  } catch {
    return NOT_CLEAN;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return NOT_CLEAN;
  const record = data as Record<string, unknown>;
  if (!topLevelLinesAgree(source, Object.keys(record).length)) return NOT_CLEAN;
  const valid = config.schema.validate(record);
  const parsed =
    recorder && unambiguous(record, true)
      ? () => {
          const yaml = recorder.document();
          return yaml ? { text, block, yaml, data: record, syntaxErrors: [] } : undefined;
        }
      : undefined;
  if (valid && unambiguous(record, false)) return { clean: true, data: record, parsed };
  return { clean: false, parsed };
}
