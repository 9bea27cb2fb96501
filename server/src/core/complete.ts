import { isSeq } from 'yaml';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type InsertReplaceEdit,
  type TextEdit,
} from 'vscode-languageserver-types';
import { decideStyle, fileVotes, type StyleVotes, type ValueStyle } from './completionStyle';
import { fieldPair, fieldPairs, spanOf } from './document';
import type { Configuration } from './configuration';
import type { Analysis } from './service';
import type { FieldInfo } from './schema';
import { categoriesOfFocus, type Term } from './vocabulary';
import { wordsOf } from './fixes/candidates';
import { blockItemIndent, eolOf, lineStartOf, renderScalar } from './fixes/source';

export interface CompletionOptions {
  /** The client takes an `InsertReplaceEdit` (LSP `insertReplaceSupport`): both ranges are given, the insert range ending at the cursor. */
  insertReplace?: boolean;
  /** How the library writes its values, for a file that shows no style of its own (see `decideStyle`). */
  library?: StyleVotes;
}

/** What every completion of one request needs besides its position. */
interface Request {
  analysis: Analysis;
  config: Configuration;
  offset: number;
  options: CompletionOptions;
  style: ValueStyle;
}

/**
 * Completion inside the frontmatter: field names at the start of a line, and the allowed values after
 * `focus: `, `type: `, `openSource: `, inside `[...]` of readability/learnTags and after `- ` in their
 * block lists. The text being typed is often not valid YAML yet, so the context is read from the
 * current line (and, for block lists, the lines above); only what is already written comes from YAML.
 *
 * An item replaces only the token the cursor is in: at a delimiter (after `[`, `,` or `- `, before an
 * existing item) it inserts, with the separator that keeps the item after it its own item. Values are
 * written in the file's style (quoting, flow or block lists), else the library's (`options.library`).
 */
export function complete(analysis: Analysis, config: Configuration, offset: number, options: CompletionOptions = {}): CompletionList {
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
  const own = fileVotes(parsed, config);
  const request: Request = { analysis, config, offset, options, style: decideStyle(own, options.library) };
  /** An item added to a list is quoted as the list's other items are, before the file's majority. */
  const inList = (field: FieldInfo): Request => ({
    ...request,
    style: decideStyle(fileVotes(parsed, config, field.name), own, options.library),
  });

  if (/^[A-Za-z_][\w-]*$|^$/.test(before)) {
    // Only where a key goes: not at the start of `  - item` or of a continued value, which a key would swallow.
    return /^[\w-]*(?:[ \t]*:.*)?$/.test(after) ? keyCompletions(request, lineStart, after) : empty;
  }

  const keyValue = /^([A-Za-z_][\w-]*)[ \t]*:([ \t]*)(.*)$/.exec(before);
  if (keyValue) {
    const field = config.schema.field(keyValue[1]);
    if (!field) return empty;
    const valueStart = lineStart + keyValue[1].length + before.slice(keyValue[1].length).indexOf(':') + 1;
    return valueCompletions(field.shape === 'list' ? inList(field) : request, field, {
      valueStart,
      lineEnd,
      spaced: keyValue[2].length > 0,
    });
  }

  const item = /^([ \t]*)-([ \t]*)(.*)$/.exec(before);
  if (item) {
    const owner = blockListOwner(text, lineStart, block.content.start);
    const field = owner ? config.schema.field(owner) : undefined;
    if (!field || field.shape !== 'list') return empty;
    const tokenStart = lineStart + item[1].length + 1 + item[2].length;
    const slot = blockItemSlot(text, tokenStart, offset, lineEnd, `${eolOf(parsed)}${item[1]}-${item[2]}`);
    if (!slot) return empty;
    const present = blockItems(text, lineStart, block.close ? block.content.end : text.length, block.content.start);
    // Inserting before the item on this line keeps it: it is not offered again.
    if (slot.suffix) present.push(unquote(stripComment(text.slice(offset, lineEnd))));
    return valueItems(inList(field), field, { ...slot, prefix: item[2].length === 0 ? ' ' : '', inFlow: false, present });
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

function keyCompletions(request: Request, lineStart: number, after: string): CompletionList {
  const { analysis, config, offset } = request;
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
      textEdit: { range, newText: hasColon ? field.name : `${field.name}:${valueSnippet(field, request)}` },
      ...(field.shape === 'list' && !hasColon && request.style.list === 'block' ? { insertTextMode: InsertTextMode.asIs } : {}),
      ...(field.shape === 'list' && !hasColon ? { command: { title: 'Suggest values', command: 'editor.action.triggerSuggest' } } : {}),
    }));
  return { isIncomplete: false, items };
}

const escapeChoice = (s: string) => s.replace(/[$}\\,|]/g, (c) => `\\${c}`);

/**
 * The value part of a new field's snippet (after the colon): a list in the file's list style, choices
 * for enums (quoted as the file quotes), `false` for booleans.
 */
function valueSnippet(field: FieldInfo, request: Request): string {
  const { config, style, analysis } = request;
  const allowed = config.schema.allowedValues(field.name);
  if (field.shape === 'list')
    return style.list === 'block' ? `${eolOf(analysis.parsed)}${blockItemIndent(analysis.parsed)}- $1$0` : ' [$1]$0';
  if (field.shape === 'boolean') return ' ${1|false,true|}';
  if (allowed && allowed.length > 0) {
    const q = style.quote === 'double' ? '"' : style.quote === 'single' ? "'" : '';
    const inner = (v: string) => (q === '"' ? JSON.stringify(v).slice(1, -1) : q === "'" ? v.replace(/'/g, "''") : v);
    return ` ${q}\${1|${allowed.map((v) => escapeChoice(inner(v))).join(',')}|}${q}`;
  }
  return ' $0';
}

interface ValueSpot {
  /** Just after the colon. */
  valueStart: number;
  lineEnd: number;
  spaced: boolean;
}

/** The line's text without a trailing comment and spaces. */
const stripComment = (s: string) => s.replace(/(^|[ \t])#.*$/, '').trimEnd();

function valueCompletions(request: Request, field: FieldInfo, spot: ValueSpot): CompletionList {
  const { analysis, config, offset } = request;
  const none: CompletionList = { isIncomplete: false, items: [] };
  const text = analysis.parsed.text;
  const written = text.slice(spot.valueStart, offset);
  const lead = /^[ \t]*/.exec(written)![0].length;
  const tokenStart = spot.valueStart + lead;
  if (field.shape === 'list') {
    const flow = written.slice(lead);
    if (flow.startsWith('[')) {
      const lastDelimiter = Math.max(flow.lastIndexOf('['), flow.lastIndexOf(','));
      const rest = flow.slice(lastDelimiter + 1);
      const itemStart = tokenStart + lastDelimiter + 1 + /^[ \t]*/.exec(rest)![0].length;
      const line = text.slice(tokenStart, spot.lineEnd);
      const slot = flowItemSlot(text, itemStart, offset, spot.lineEnd, separatorOf(line));
      if (!slot) return none;
      const present = line
        .replace(/^\[|\][^\]]*$/g, '')
        .split(',')
        .map(unquote)
        .filter(Boolean);
      // The item being typed does not hide its own value; an item the completion goes before does.
      const mine = slot.partial || slot.quote ? unquote(text.slice(itemStart, slot.end + (slot.closed ? 1 : 0))) : '';
      const others = present.filter((p, i) => p !== mine || present.indexOf(p) !== i);
      const afterComma = slot.start === offset && !slot.partial && text[offset - 1] === ',' && separatorOf(line) === ', ';
      return valueItems(request, field, { ...slot, prefix: afterComma ? ' ' : '', inFlow: true, present: others });
    }
    // Something after the cursor (`readability: |Expert`, or a list below): no one-item list to start.
    const pair = fieldPair(analysis.parsed, field.name);
    if (flow.trim() !== '' || stripComment(text.slice(offset, spot.lineEnd)) !== '' || (isSeq(pair?.value) && pair.value.items.length > 0))
      return none;
    if (request.style.list === 'block') {
      // `learnTags:` in a library of block lists: the value on a new item line, replacing the spaces typed after the colon.
      const lineBreak = `${eolOf(analysis.parsed)}${blockItemIndent(analysis.parsed)}- `;
      return valueItems(request, field, {
        start: spot.valueStart,
        end: offset,
        partial: '',
        quote: null,
        closed: false,
        suffix: '',
        inFlow: false,
        prefix: lineBreak,
        wrap: false,
        present: [],
      });
    }
    return valueItems(request, field, {
      start: tokenStart,
      end: offset,
      partial: '',
      quote: null,
      closed: false,
      suffix: '',
      inFlow: true,
      prefix: spot.spaced ? '' : ' ',
      wrap: true,
      present: [],
    });
  }
  if (!termsOf(field, config)) return none;
  const slot = scalarSlot(text, tokenStart, offset, spot.lineEnd);
  if (!slot) return none;
  return valueItems(request, field, {
    ...slot,
    inFlow: false,
    prefix: spot.spaced || slot.start > spot.valueStart ? '' : ' ',
    present: [],
  });
}

/** How this flow list separates its items: `, ` unless every comma in it is followed by an item directly. */
function separatorOf(line: string): string {
  const commas = [...line.matchAll(/,(.?)/g)];
  return commas.length > 0 && commas.every((m) => m[1] !== ' ' && m[1] !== '\t') ? ',' : ', ';
}

/**
 * Where a completion goes and what it replaces. The insert range is `start`..cursor; the replace range
 * `start`..`end` reaches to the end of the token the cursor is in, never past it.
 */
interface Slot {
  /** Where the replacement starts (after an opening quote). */
  start: number;
  /** The end of the token being typed; the cursor when nothing of it follows. */
  end: number;
  /** What is typed of the token before the cursor (without its opening quote). */
  partial: string;
  quote: '"' | "'" | null;
  /** The closing quote is already there after the replaced text. */
  closed: boolean;
  /** Text after the value that keeps an existing item after the cursor its own item (a separator). */
  suffix: string;
}

const isQuote = (c: string | undefined): c is '"' | "'" => c === '"' || c === "'";

/**
 * The slot of a list item from `itemStart` (after the delimiter and spaces); `stops` ends an unquoted
 * token, `between` separates a new item from one after the cursor (with the quote reopened for a
 * quoted one). Undefined when the cursor is after a finished quoted item: nothing to complete there.
 */
function itemSlot(text: string, itemStart: number, offset: number, lineEnd: number, stops: RegExp, between: string): Slot | undefined {
  const partial = text.slice(itemStart, offset);
  const first = partial[0];
  if (isQuote(first)) {
    const inner = partial.slice(1);
    if (inner.includes(first)) return undefined;
    let end = offset;
    while (end < lineEnd && text[end] !== first && !stops.test(text[end])) end++;
    // `"|business"`: the new value goes before the item, which keeps its own quotes.
    if (inner === '' && end > offset)
      return { start: offset, end: offset, partial: '', quote: first, closed: false, suffix: between + first };
    return { start: itemStart + 1, end, partial: inner, quote: first, closed: text[end] === first, suffix: '' };
  }
  let end = offset;
  while (end < lineEnd && !stops.test(text[end]) && text[end] !== '#') end++;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  if (partial === '') {
    // At a delimiter: insert, and keep what follows (an item, or a quoted one) as its own item.
    let next = offset;
    while (next < lineEnd && (text[next] === ' ' || text[next] === '\t')) next++;
    const follows = next < lineEnd && !stops.test(text[next]) && text[next] !== '#';
    return { start: offset, end: offset, partial: '', quote: null, closed: false, suffix: follows ? between : '' };
  }
  return { start: itemStart, end, partial, quote: null, closed: false, suffix: '' };
}

function flowItemSlot(
  text: string,
  itemStart: number,
  offset: number,
  lineEnd: number,
  separator: string,
): (Slot & { wrap: false }) | undefined {
  // With spaces already before the next item, the comma alone separates.
  const spaced = /[ \t]/.test(text[offset] ?? '');
  const slot = itemSlot(text, itemStart, offset, lineEnd, /[,\]]/, spaced ? ',' : separator);
  return slot && { ...slot, wrap: false };
}

/** `newItemLine` is the line break, indentation and `-` (with its spaces) of a new item line. */
function blockItemSlot(
  text: string,
  tokenStart: number,
  offset: number,
  lineEnd: number,
  newItemLine: string,
): (Slot & { wrap: false }) | undefined {
  const slot = itemSlot(text, tokenStart, offset, lineEnd, /$^/, newItemLine);
  return slot && { ...slot, wrap: false };
}

/** A scalar field's value: completion replaces the whole value (the field has one). */
function scalarSlot(text: string, start: number, offset: number, lineEnd: number): (Slot & { wrap: false }) | undefined {
  const first = text[start];
  if (isQuote(first) && start < offset) {
    if (text.slice(start + 1, offset).includes(first)) return undefined;
    let end = offset;
    while (end < lineEnd && text[end] !== first) end++;
    return {
      start: start + 1,
      end,
      partial: text.slice(start + 1, offset),
      quote: first,
      closed: text[end] === first,
      suffix: '',
      wrap: false,
    };
  }
  let end = offset;
  while (end < lineEnd && text[end] !== '#') end++;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  return { start, end, partial: text.slice(start, offset), quote: null, closed: false, suffix: '', wrap: false };
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

interface ItemSpot extends Slot {
  inFlow: boolean;
  /** Text before the value (a space after a bare `:` or `-`, a new item line). */
  prefix: string;
  /** Insert the value as a one-item flow list. */
  wrap: boolean;
  present: string[];
}

function valueItems(request: Request, field: FieldInfo, spot: ItemSpot): CompletionList {
  const { analysis, config, offset } = request;
  const terms = termsOf(field, config);
  if (!terms) return { isIncomplete: false, items: [] };
  const lines = analysis.lines;
  const edit = (newText: string): TextEdit | InsertReplaceEdit =>
    request.options.insertReplace
      ? { newText, insert: lines.range(spot.start, offset), replace: lines.range(spot.start, spot.end) }
      : { newText, range: lines.range(spot.start, spot.end) };
  const present = new Set(spot.present);
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
      newText = renderScalar(term.value, request.style.quote, spot.inFlow);
      if (spot.wrap) newText = `[${newText}]`;
    }
    const description =
      field.name === 'focus'
        ? categoriesOfFocus(config.vocabularies, term.value)
            .map((c) => c.label)
            .join('; ')
        : term.label;
    const item: CompletionItem = {
      label: term.value,
      kind: field.shape === 'boolean' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
      sortText: `${rank}${String(index).padStart(4, '0')}`,
      // Put the label first when only the label matched, so the editor's own filter keeps the item.
      filterText: rank === 0 || !term.label ? `${term.value} ${term.label ?? ''}`.trim() : `${term.label} ${term.value}`,
      textEdit: edit(spot.prefix + newText + spot.suffix),
    };
    // A new item line carries its own indentation: the editor must not add the current line's to it.
    if (/[\r\n]/.test(item.textEdit!.newText)) item.insertTextMode = InsertTextMode.asIs;
    if (description) {
      item.labelDetails = { description };
      item.detail = description;
    }
    items.push(item);
  });
  // Filtering on labels happens here, so the editor asks again as the author types.
  return { isIncomplete: true, items };
}
