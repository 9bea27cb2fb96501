import type { Finding } from '../findings';
import { lineBreakOf } from '../frontmatter';
import { VOCABULARY_FILES, type Vocabulary } from '../vocabulary';
import { vocabularyEntries, type DataEntry } from '../vocab/dataFile';
import { wordsOf } from './candidates';
import type { Fix } from './types';

/** The label a new tag gets by default: its value split into words (`deepLearning` → "Deep Learning"). */
export function defaultLabel(value: string): string {
  const words = wordsOf(value);
  return words.length === 0 ? value : words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

type Entries = NonNullable<ReturnType<typeof vocabularyEntries>>;

/** Each data file's entries, parsed once per configuration (a library may have hundreds of findings for one file). */
const parsedFiles = new WeakMap<Vocabulary, Entries | null>();

function entriesOf(vocabulary: Vocabulary): Entries | null {
  let entries = parsedFiles.get(vocabulary);
  if (entries === undefined)
    parsedFiles.set(vocabulary, (entries = vocabularyEntries(vocabulary.text ?? '', VOCABULARY_FILES[vocabulary.name].key) ?? null));
  return entries;
}

/**
 * "Add 'X' to resourceTags.json": one insertion into the vocabulary file, written by copying the
 * neighbouring entry's text (so indentation, tabs, spacing and key order stay the file's own) and
 * placed in alphabetical order when the file is in alphabetical order, else at the end.
 */
export function addTermFix(finding: Finding, vocabulary: Vocabulary, value: string): Fix | null {
  const { uri, text } = vocabulary;
  if (!uri || text === undefined || value.trim() === '') return null;
  const entries = entriesOf(vocabulary);
  if (!entries) return null;
  const { items, span: list } = entries;
  const keys = items.map((e) => (e.label ?? e.value).toLowerCase());
  const label = vocabulary.name === 'learnTags' ? defaultLabel(value) : undefined;
  const entry = (template: DataEntry | undefined): string => {
    if (!template)
      return label === undefined
        ? `{"value": ${JSON.stringify(value)}}`
        : `{"value": ${JSON.stringify(value)}, "label": ${JSON.stringify(label)}}`;
    const { start, end } = template.span;
    const replacements = [{ s: template.valueSpan.start - start, e: template.valueSpan.end - start, t: JSON.stringify(value) }];
    if (template.labelSpan)
      replacements.push({
        s: template.labelSpan.start - start,
        e: template.labelSpan.end - start,
        t: JSON.stringify(label ?? defaultLabel(value)),
      });
    let out = text.slice(start, end);
    for (const r of replacements.sort((a, b) => b.s - a.s)) out = out.slice(0, r.s) + r.t + out.slice(r.e);
    return out;
  };
  const eol = lineBreakOf(text);
  if (items.length === 0) {
    return make(finding, vocabulary, value, { start: list.start + 1, end: list.start + 1, newText: entry(undefined) });
  }
  const sorted = keys.every((k, i) => i === 0 || keys[i - 1].localeCompare(k) <= 0);
  const mine = (label ?? value).toLowerCase();
  const at = sorted ? keys.findIndex((k) => k.localeCompare(mine) > 0) : -1;
  const separatorAfter = (i: number): string => {
    if (i + 1 < items.length) return text.slice(items[i].span.end, items[i + 1].span.start);
    const lineStart = text.lastIndexOf('\n', items[i].span.start) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, items[i].span.start))![0];
    return lineStart > 0 ? `,${eol}${indent}` : ', ';
  };
  if (at === 0) {
    const first = items[0];
    return make(finding, vocabulary, value, { start: first.span.start, end: first.span.start, newText: entry(first) + separatorAfter(0) });
  }
  const prevIndex = at < 0 ? items.length - 1 : at - 1;
  const prev = items[prevIndex];
  return make(finding, vocabulary, value, { start: prev.span.end, end: prev.span.end, newText: separatorAfter(prevIndex) + entry(prev) });
}

function make(finding: Finding, vocabulary: Vocabulary, value: string, edit: { start: number; end: number; newText: string }): Fix {
  return {
    title: `Add '${value}' to ${vocabulary.source}`,
    finding,
    edits: [],
    preferred: false,
    destructive: false,
    fileEdit: { uri: vocabulary.uri!, text: vocabulary.text!, edits: [edit] },
    addsTerm: { vocabulary: vocabulary.name, value },
  };
}
