import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Range,
} from 'vscode-languageserver-types';
import { fieldPairs, spanOf } from './document';
import type { Configuration } from './configuration';
import type { Analysis } from './service';
import type { FieldInfo } from './schema';
import { categoriesOfFocus, type Term } from './vocabulary';
import { wordsOf } from './fixes/candidates';
import { lineStartOf, prevailingItemQuote, renderScalar, type QuoteStyle } from './fixes/source';

/**
 * Completion inside the frontmatter: field names at the start of a line, and the allowed values after
 * `focus: `, `type: `, `openSource: `, inside `[...]` of readability/learnTags and after `- ` in their
 * block lists. The text being typed is often not valid YAML yet, so the context is read from the
 * current line (and, for block lists, the lines above); only what is already written comes from YAML.
 */
export function complete(analysis: Analysis, config: Configuration, offset: number): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const { parsed } = analysis;
  const block = parsed.block;
  if (!block || offset < block.content.start || offset > parsed.text.length) return empty;
  if (block.close && offset >= block.content.end) return empty;
  const text = parsed.text;
  const lineStart = lineStartOf(text, offset);
  const lineEnd = endOfLine(text, offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);

  if (/^[A-Za-z_][\w-]*$|^$/.test(before)) return keyCompletions(analysis, config, lineStart, offset, after);

  const keyValue = /^([A-Za-z_][\w-]*)[ \t]*:([ \t]*)(.*)$/.exec(before);
  if (keyValue) {
    const field = config.schema.field(keyValue[1]);
    if (!field) return empty;
    const valueStart = lineStart + keyValue[1].length + before.slice(keyValue[1].length).indexOf(':') + 1;
    return valueCompletions(analysis, config, field, { valueStart, offset, lineEnd, spaced: keyValue[2].length > 0 });
  }

  const item = /^([ \t]*)-([ \t]*)(.*)$/.exec(before);
  if (item) {
    const owner = blockListOwner(text, lineStart, block.content.start);
    const field = owner ? config.schema.field(owner) : undefined;
    if (!field || field.shape !== 'list') return empty;
    const tokenStart = lineStart + item[1].length + 1 + item[2].length;
    return listItemCompletions(analysis, config, field, {
      tokenStart, offset, lineEnd, inFlow: false, needsSpace: item[2].length === 0,
      present: blockItems(text, lineStart, block.close ? block.content.end : text.length, block.content.start),
    });
  }
  return empty;
}

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The start of the line before the one starting at `lineStart` (`\r\n` is one line break). */
function previousLineStart(text: string, lineStart: number): number {
  let end = lineStart;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return lineStartOf(text, end);
}

/** The key whose block list the line at `lineStart` belongs to: the nearest `key:` line above at column 0. */
function blockListOwner(text: string, lineStart: number, contentStart: number): string | undefined {
  let end = lineStart;
  while (end > contentStart) {
    const start = previousLineStart(text, end);
    const line = text.slice(start, end).replace(/[\r\n]+$/, '');
    end = start;
    if (/^\s*(-|#|$)/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(#.*)?$/.exec(line);
    return m ? m[1] : undefined;
  }
  return undefined;
}

const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2');

/** The items of the block list around `lineStart`, except the one on that line. */
function blockItems(text: string, lineStart: number, limit: number, contentStart: number): string[] {
  const items: string[] = [];
  const collect = (start: number) => {
    const line = text.slice(start, endOfLine(text, start));
    const m = /^\s*-\s+(.*?)\s*(?:#.*)?$/.exec(line);
    return m ? unquote(m[1]) : undefined;
  };
  let end = lineStart;
  while (end > contentStart) {
    const start = previousLineStart(text, end);
    end = start;
    const v = collect(start);
    if (v === undefined) break;
    items.push(v);
  }
  let next = endOfLine(text, lineStart);
  while (next < limit) {
    next += text[next] === '\r' && text[next + 1] === '\n' ? 2 : 1;
    if (next >= limit) break;
    const v = collect(next);
    if (v === undefined) break;
    items.push(v);
    next = endOfLine(text, next);
  }
  return items;
}

function keyCompletions(analysis: Analysis, config: Configuration, lineStart: number, offset: number, after: string): CompletionList {
  const { parsed } = analysis;
  const text = parsed.text;
  const wordEnd = offset + (/^[\w-]*/.exec(after)?.[0].length ?? 0);
  const hasColon = /^[\w-]*[ \t]*:/.test(after);
  const present = new Set<string>();
  for (const pair of fieldPairs(parsed)) {
    const key = spanOf(parsed, pair.key);
    if (key && lineStartOf(text, key.start) !== lineStart) present.add(String((pair.key as { value?: unknown }).value));
  }
  // While the YAML does not parse, the keys written at column 0 still count.
  const block = parsed.block!;
  const content = text.slice(block.content.start, block.close ? block.content.end : text.length);
  let at = block.content.start;
  for (const line of content.split(/\r\n|\n|\r/)) {
    const m = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(line);
    if (m && at !== lineStart) present.add(m[1]);
    at += line.length + (text[at + line.length] === '\r' && text[at + line.length + 1] === '\n' ? 2 : 1);
  }
  const range = analysis.lines.range(lineStart, wordEnd);
  const items = config.schema.fields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => !present.has(field.name))
    .map(({ field, index }): CompletionItem => ({
      label: field.name,
      kind: CompletionItemKind.Property,
      detail: field.required ? 'required' : 'optional',
      documentation: { kind: MarkupKind.Markdown, value: field.markdownDescription || field.description },
      sortText: String(index).padStart(3, '0'),
      insertTextFormat: hasColon ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      textEdit: { range, newText: hasColon ? field.name : `${field.name}: ${valueSnippet(field, config)}` },
      ...(field.shape === 'list' && !hasColon ? { command: { title: 'Suggest values', command: 'editor.action.triggerSuggest' } } : {}),
    }));
  return { isIncomplete: false, items };
}

const escapeChoice = (s: string) => s.replace(/[$}\\,|]/g, (c) => `\\${c}`);

/** The value part of a new field's snippet: `[]` for lists, choices for enums, `false` for booleans. */
function valueSnippet(field: FieldInfo, config: Configuration): string {
  const allowed = config.schema.allowedValues(field.name);
  if (field.shape === 'list') return '[$1]$0';
  if (field.shape === 'boolean') return '${1|false,true|}';
  if (allowed && allowed.length > 0) return `\${1|${allowed.map(escapeChoice).join(',')}|}`;
  return '$0';
}

interface ValueSpot {
  valueStart: number;
  offset: number;
  lineEnd: number;
  spaced: boolean;
}

function valueCompletions(analysis: Analysis, config: Configuration, field: FieldInfo, spot: ValueSpot): CompletionList {
  const text = analysis.parsed.text;
  const written = text.slice(spot.valueStart, spot.offset);
  const lead = /^[ \t]*/.exec(written)![0].length;
  const tokenStart = spot.valueStart + lead;
  if (field.shape === 'list') {
    const flow = written.slice(lead);
    if (flow.startsWith('[')) {
      const lastDelimiter = Math.max(flow.lastIndexOf('['), flow.lastIndexOf(','));
      const rest = flow.slice(lastDelimiter + 1);
      const start = tokenStart + lastDelimiter + 1 + /^[ \t]*/.exec(rest)![0].length;
      const line = text.slice(tokenStart, spot.lineEnd);
      const present = line.replace(/^\[|\][^\]]*$/g, '').split(',').map(unquote).filter(Boolean);
      const mine = unquote(text.slice(start, spot.offset));
      const others = present.filter((p, i) => p !== mine || present.indexOf(p) !== i);
      return listItemCompletions(analysis, config, field, { tokenStart: start, offset: spot.offset, lineEnd: spot.lineEnd, inFlow: true, needsSpace: false, present: others });
    }
    if (flow.trim() !== '') return { isIncomplete: false, items: [] };
    // `learnTags: ` with nothing yet: each value as a one-item flow list.
    return valueItems(analysis, config, field, { start: tokenStart, end: spot.offset, partial: '', quote: null, closed: false, inFlow: true, prefix: spot.spaced ? '' : ' ', wrap: true, present: [] });
  }
  const terms = termsOf(field, config);
  if (!terms) return { isIncomplete: false, items: [] };
  const token = tokenAt(text, tokenStart, spot.offset, spot.lineEnd, false);
  return valueItems(analysis, config, field, { ...token, inFlow: false, prefix: spot.spaced || token.start > spot.valueStart ? '' : ' ', wrap: false, present: [] });
}

interface ListSpot {
  tokenStart: number;
  offset: number;
  lineEnd: number;
  inFlow: boolean;
  needsSpace: boolean;
  present: string[];
}

function listItemCompletions(analysis: Analysis, config: Configuration, field: FieldInfo, spot: ListSpot): CompletionList {
  const token = tokenAt(analysis.parsed.text, spot.tokenStart, spot.offset, spot.lineEnd, spot.inFlow);
  return valueItems(analysis, config, field, { ...token, inFlow: spot.inFlow, prefix: spot.needsSpace ? ' ' : '', wrap: false, present: spot.present });
}

interface Token {
  /** Where the replacement starts (after an opening quote). */
  start: number;
  end: number;
  partial: string;
  quote: '"' | "'" | null;
  /** The closing quote is already there after the replaced text. */
  closed: boolean;
}

/** The value being typed from `start`: its quote, the part before the cursor, and how far it reaches. */
function tokenAt(text: string, start: number, offset: number, lineEnd: number, inFlow: boolean): Token {
  const first = text[start];
  const stop = inFlow ? /[,\]]/ : /$^/;
  if ((first === '"' || first === "'") && start < offset) {
    let end = offset;
    while (end < lineEnd && text[end] !== first && !stop.test(text[end])) end++;
    return { start: start + 1, end, partial: text.slice(start + 1, offset), quote: first, closed: text[end] === first };
  }
  let end = offset;
  while (end < lineEnd && !stop.test(text[end]) && text[end] !== '#') end++;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  return { start, end, partial: text.slice(start, offset), quote: null, closed: false };
}

function termsOf(field: FieldInfo, config: Configuration): Term[] | undefined {
  if (field.shape === 'boolean') return [{ value: 'false' }, { value: 'true' }];
  if (field.vocabulary) return config.vocabularies[field.vocabulary].terms;
  return config.schema.allowedValues(field.name)?.map((value) => ({ value }));
}

/** How well a term matches what was typed: 0 value prefix, 1 a word of value or label starts with it, 2 contains it; -1 no match. */
function matchRank(term: Term, partial: string): number {
  if (!partial) return 0;
  const p = partial.toLowerCase();
  if (term.value.toLowerCase().startsWith(p)) return 0;
  const words = [...wordsOf(term.value), ...(term.label ? wordsOf(term.label) : [])].map((w) => w.toLowerCase());
  if (words.some((w) => w.startsWith(p)) || term.label?.toLowerCase().startsWith(p)) return 1;
  if (term.value.toLowerCase().includes(p) || term.label?.toLowerCase().includes(p)) return 2;
  return -1;
}

interface ItemSpot extends Token {
  inFlow: boolean;
  /** Text before the value (a space after a bare `:` or `-`). */
  prefix: string;
  /** Insert the value as a one-item flow list. */
  wrap: boolean;
  present: string[];
}

function valueItems(analysis: Analysis, config: Configuration, field: FieldInfo, spot: ItemSpot): CompletionList {
  const terms = termsOf(field, config);
  if (!terms) return { isIncomplete: false, items: [] };
  const range: Range = analysis.lines.range(spot.start, spot.end);
  const present = new Set(spot.present);
  const style: QuoteStyle = spot.inFlow ? prevailingItemQuote(analysis.parsed) : 'plain';
  const items: CompletionItem[] = [];
  terms.forEach((term, index) => {
    if (present.has(term.value)) return;
    const rank = matchRank(term, spot.partial);
    if (rank < 0) return;
    let newText: string;
    if (spot.quote) {
      const inner = spot.quote === '"' ? JSON.stringify(term.value).slice(1, -1) : term.value.replace(/'/g, "''");
      newText = inner + (spot.closed ? '' : spot.quote);
    } else if (field.shape === 'boolean') {
      newText = term.value;
    } else {
      newText = renderScalar(term.value, style, spot.inFlow);
      if (spot.wrap) newText = `[${newText}]`;
    }
    const description = field.name === 'focus'
      ? categoriesOfFocus(config.vocabularies, term.value).map((c) => c.label).join('; ')
      : term.label;
    const item: CompletionItem = {
      label: term.value,
      kind: field.shape === 'boolean' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
      sortText: `${rank}${String(index).padStart(4, '0')}`,
      // Put the label first when only the label matched, so the editor's own filter keeps the item.
      filterText: rank === 0 || !term.label ? `${term.value} ${term.label ?? ''}`.trim() : `${term.label} ${term.value}`,
      textEdit: { range, newText: spot.prefix + newText },
    };
    if (description) {
      item.labelDetails = { description };
      item.detail = description;
    }
    items.push(item);
  });
  // Filtering on labels happens here, so the editor asks again as the author types.
  return { isIncomplete: true, items };
}
