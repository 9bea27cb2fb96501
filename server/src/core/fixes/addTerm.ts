import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Finding } from '../findings';
import { lineBreakOf } from '../frontmatter';
import { VOCABULARY_FILES, type Vocabulary } from '../vocabulary';
import { wordsOf } from './candidates';
import type { Fix } from './types';

/** The label a new tag gets by default: its value split into words (`deepLearning` → "Deep Learning"). */
export function defaultLabel(value: string): string {
  const words = wordsOf(value);
  return words.length === 0 ? value : words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

const sortKey = (m: YAMLMap): string => {
  const get = (k: string) => m.items.find((p) => isScalar(p.key) && p.key.value === k)?.value;
  const v = get('label') ?? get('value');
  return isScalar(v) ? String(v.value).toLowerCase() : '';
};

interface Entries {
  seq: YAMLSeq & { range: [number, number, number] };
  items: YAMLMap[];
  keys: string[];
}

/** Each data file's entries, parsed once per configuration (a library may have hundreds of findings for one file). */
const parsedFiles = new WeakMap<Vocabulary, Entries | null>();

function entriesOf(vocabulary: Vocabulary): Entries | null {
  let entries = parsedFiles.get(vocabulary);
  if (entries === undefined) parsedFiles.set(vocabulary, (entries = parseEntries(vocabulary.name, vocabulary.text ?? '')));
  return entries;
}

function parseEntries(name: Vocabulary['name'], text: string): Entries | null {
  // JSON is YAML: the yaml parser gives every entry's source range.
  const doc = parseDocument(text, { logLevel: 'error' });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const key = VOCABULARY_FILES[name].key;
  const pair =
    doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) ?? doc.contents.items.find((p) => isSeq(p.value));
  const seq = pair?.value;
  if (!isSeq(seq) || !seq.flow || !seq.range) return null;
  const items = (seq.items as unknown[]).filter((i): i is YAMLMap => isMap(i) && !!i.range);
  if (items.length !== seq.items.length) return null;
  return { seq: seq as Entries['seq'], items, keys: items.map(sortKey) };
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
  const { seq, items, keys } = entries;
  const label = vocabulary.name === 'learnTags' ? defaultLabel(value) : undefined;
  const entry = (template: YAMLMap | undefined): string => {
    if (!template?.range)
      return label === undefined
        ? `{"value": ${JSON.stringify(value)}}`
        : `{"value": ${JSON.stringify(value)}, "label": ${JSON.stringify(label)}}`;
    const [start, end] = template.range;
    let out = text.slice(start, end);
    const replacements: { s: number; e: number; t: string }[] = [];
    for (const p of template.items) {
      const v = p.value as Node | null;
      if (!isScalar(p.key) || !isScalar(v) || !v.range) continue;
      const t = p.key.value === 'value' ? value : p.key.value === 'label' ? (label ?? defaultLabel(value)) : undefined;
      if (t !== undefined) replacements.push({ s: v.range[0] - start, e: v.range[1] - start, t: JSON.stringify(t) });
    }
    for (const r of replacements.sort((a, b) => b.s - a.s)) out = out.slice(0, r.s) + r.t + out.slice(r.e);
    return out;
  };
  const eol = lineBreakOf(text);
  if (items.length === 0) {
    return make(finding, vocabulary, value, { start: seq.range[0] + 1, end: seq.range[0] + 1, newText: entry(undefined) });
  }
  const sorted = keys.every((k, i) => i === 0 || keys[i - 1].localeCompare(k) <= 0);
  const mine = (label ?? value).toLowerCase();
  const at = sorted ? keys.findIndex((k) => k.localeCompare(mine) > 0) : -1;
  const separatorAfter = (i: number): string => {
    if (i + 1 < items.length) return text.slice(items[i].range![1], items[i + 1].range![0]);
    const lineStart = text.lastIndexOf('\n', items[i].range![0]) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, items[i].range![0]))![0];
    return lineStart > 0 ? `,${eol}${indent}` : ', ';
  };
  if (at === 0) {
    const first = items[0];
    return make(finding, vocabulary, value, { start: first.range![0], end: first.range![0], newText: entry(first) + separatorAfter(0) });
  }
  const prevIndex = at < 0 ? items.length - 1 : at - 1;
  const prev = items[prevIndex];
  return make(finding, vocabulary, value, { start: prev.range![1], end: prev.range![1], newText: separatorAfter(prevIndex) + entry(prev) });
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
