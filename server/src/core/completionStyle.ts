import { isScalar, isSeq } from 'yaml';
import type { Configuration } from './configuration';
import { fieldPairs, type ParsedResource } from './document';
import { findFrontmatter } from './frontmatter';
import { quoteStyleOf, type QuoteStyle } from './fixes/source';
import type { FieldInfo } from './schema';

/**
 * How a file (or a library) writes the values completion inserts: the values of the fields with a
 * closed set (focus, type, readability, learnTags, …). Free text such as `title` is left out: it is
 * often quoted because it must be (a colon, a leading quote), which says nothing about taste.
 */
export interface StyleVotes {
  plain: number;
  double: number;
  single: number;
  flow: number;
  block: number;
}

export interface ValueStyle {
  quote: QuoteStyle;
  list: 'flow' | 'block';
}

export const noVotes = (): StyleVotes => ({ plain: 0, double: 0, single: 0, flow: 0, block: 0 });

/** `into` plus `sign` times `votes` (in place), for running totals over a library. */
export function addVotes(into: StyleVotes, votes: StyleVotes, sign: 1 | -1 = 1): StyleVotes {
  into.plain += sign * votes.plain;
  into.double += sign * votes.double;
  into.single += sign * votes.single;
  into.flow += sign * votes.flow;
  into.block += sign * votes.block;
  return into;
}

/** Fields whose values completion offers from a closed set (booleans are never quoted, so they do not vote). */
function votingField(config: Configuration, name: string): FieldInfo | undefined {
  const field = config.schema.field(name);
  if (!field || field.shape === 'boolean') return undefined;
  return field.vocabulary || config.schema.allowedValues(name)?.length ? field : undefined;
}

/**
 * The votes of one parsed frontmatter, from the YAML nodes' own quoting and flow flags; with `only`,
 * of that one field (the siblings of an item being added to a list).
 */
export function fileVotes(parsed: ParsedResource, config: Configuration, only?: string): StyleVotes {
  const votes = noVotes();
  for (const pair of fieldPairs(parsed)) {
    if (!isScalar(pair.key) || (only !== undefined && String(pair.key.value) !== only) || !votingField(config, String(pair.key.value)))
      continue;
    const value = pair.value;
    if (isSeq(value)) {
      if (value.flow) votes.flow++;
      else votes.block++;
      for (const item of value.items) if (isScalar(item) && typeof item.value === 'string') votes[quoteStyleOf(item)]++;
    } else if (isScalar(value) && typeof value.value === 'string' && value.value !== '') {
      votes[quoteStyleOf(value)]++;
    }
  }
  return votes;
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;
const ITEM_LINE = /^[ \t]+-[ \t]+(\S)/;

const quoteOfChar = (c: string | undefined): QuoteStyle => (c === '"' ? 'double' : c === "'" ? 'single' : 'plain');

/**
 * The same votes read from the raw lines of a file's frontmatter, for the workspace scan: a YAML parse
 * per file would double the scan's cost, and a style majority over hundreds of files does not need
 * the exactness of the editor's own file (which `fileVotes` reads from YAML). Only the first
 * character of each value is looked at.
 */
export function sourceVotes(text: string, config: Configuration): StyleVotes {
  const votes = noVotes();
  const block = findFrontmatter(text);
  if (!block?.close) return votes;
  const lines = text.slice(block.content.start, block.content.end).split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const m = KEY_LINE.exec(lines[i]);
    if (!m || !votingField(config, m[1])) continue;
    const value = m[2];
    if (value.startsWith('[')) {
      votes.flow++;
      // The items' quoting, judged by the first one.
      const first = /^\[[ \t]*([^\s\],])/.exec(value);
      if (first) votes[quoteOfChar(first[1])]++;
    } else if (value === '' || value.startsWith('#')) {
      const item = ITEM_LINE.exec(lines[i + 1] ?? '');
      if (item) {
        votes.block++;
        votes[quoteOfChar(item[1])]++;
      }
    } else if (!/^[|>&*!{]/.test(value)) {
      votes[quoteOfChar(value[0])]++;
    }
  }
  return votes;
}

const hasQuoteVotes = (v: StyleVotes) => v.plain + v.double + v.single > 0;
const hasListVotes = (v: StyleVotes) => v.flow + v.block > 0;

function quoteOf(v: StyleVotes): QuoteStyle {
  if (v.double >= v.single && v.double > v.plain) return 'double';
  if (v.single > v.plain) return 'single';
  return 'plain';
}

/**
 * The style to insert in: from the first source that shows one (quoting and list style separately),
 * e.g. the list's own items, then the file, then the library's majority; else plain scalars in flow lists.
 */
export function decideStyle(...sources: (StyleVotes | undefined)[]): ValueStyle {
  const quoteFrom = sources.find((v) => v && hasQuoteVotes(v));
  const listFrom = sources.find((v) => v && hasListVotes(v));
  return {
    quote: quoteFrom ? quoteOf(quoteFrom) : 'plain',
    list: listFrom && listFrom.block > listFrom.flow ? 'block' : 'flow',
  };
}
