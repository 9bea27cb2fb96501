import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isScalar, isSeq } from 'yaml';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type InsertReplaceEdit, type Range } from 'vscode-languageserver-types';
import { complete } from '../../server/src/core/complete';
import { fieldPair, parseResource, spanOf, type Span } from '../../server/src/core/document';
import { applyTextEdits } from '../../server/src/core/edits';
import { analyzeText } from '../../server/src/core/service';
import { config, pick, seeded as random, type Rand } from './helpers';

/**
 * Property: for every position in every list of real-shaped resource files, accepting any offered
 * completion keeps every item already written, except the one token the cursor is in (which it
 * may replace), with the plain edit and with both ranges of an InsertReplaceEdit; the result still
 * parses. Files: the example workspace's resources and seeded variations in every quoting,
 * separator, list style and line ending.
 */

const cfg = config();

const subset = <T>(r: Rand, xs: readonly T[], max: number): T[] => xs.filter(() => r() < 0.5).slice(0, max);

const TAGS = cfg.vocabularies.learnTags.terms.map((t) => t.value);
const LEVELS = ['Beginner', 'Intermediate', 'Expert'];

function generated(seed: number): string {
  const r = random(seed);
  const quote = pick(r, ['', '"', "'"]);
  const q = (v: string) => `${quote}${v}${quote}`;
  const list = (key: string, items: string[]): string[] => {
    if (r() < 0.6) {
      const pad = r() < 0.2 ? ' ' : '';
      return [`${key}: [${pad}${items.map(q).join(pick(r, [', ', ',']))}${pad}]`];
    }
    return [`${key}:`, ...items.map((i) => `  - ${q(i)}${r() < 0.15 ? ' # note' : ''}`)];
  };
  const lines = [
    `title: ${q('Seeded resource')}`,
    `focus: ${q('Bias')}`,
    `type: ${q('Blog')}`,
    'link: https://example.org/x',
    ...list('readability', subset(r, LEVELS, 3)),
    ...list('learnTags', subset(r, TAGS, 5)),
  ];
  return ['---', ...lines, '---', 'Body.', ''].join(r() < 0.25 ? '\r\n' : '\n');
}

const WORKSPACE = path.resolve(__dirname, '../e2e/workspace/resources');
const files = [
  ...fs
    .readdirSync(WORKSPACE)
    .filter((f) => f.endsWith('.md'))
    .map((f) => fs.readFileSync(path.join(WORKSPACE, f), 'utf8')),
  ...Array.from({ length: 25 }, (_, i) => generated(1000 + i)),
];

interface Written {
  value: string;
  span: Span;
}

function listOf(text: string, key: string): { span: Span; items: Written[] } | undefined {
  const { parsed } = analyzeText(text, cfg);
  const pair = fieldPair(parsed, key);
  if (!pair || !isSeq(pair.value)) return undefined;
  const span = spanOf(parsed, pair.value);
  if (!span) return undefined;
  const items: Written[] = [];
  for (const n of pair.value.items) {
    const s = isScalar(n) ? spanOf(parsed, n) : null;
    if (isScalar(n) && s) items.push({ value: String(n.value), span: s });
  }
  return { span, items };
}

function values(text: string, key: string): string[] | string {
  const parsed = parseResource(text);
  if (parsed.syntaxErrors.length > 0) return `does not parse: ${parsed.syntaxErrors.map((e) => e.message).join('; ')}`;
  const pair = fieldPair(parsed, key);
  if (!pair || !isSeq(pair.value)) return 'no longer a list';
  return pair.value.items.map((n) => (isScalar(n) ? String(n.value) : '?'));
}

/** A snippet as the editor inserts it with its defaults: the first choice, empty tab stops. */
const snippetText = (s: string) => s.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');

/** One of the offered items, a different one at each position (all share the position's edit shape; checking each would only cost time). */
const sample = (items: CompletionItem[], p: number): CompletionItem[] => (items.length ? [items[(p * 7) % items.length]] : []);

describe('completion property: accepting any offered value keeps every item already written', () => {
  it(`holds at every position of every list in ${files.length} files`, function () {
    this.timeout(60000); // a few seconds; more on a machine busy with other work
    let checked = 0;
    for (const text of files) {
      const analysis = analyzeText(text, cfg);
      for (const key of ['readability', 'learnTags']) {
        const list = listOf(text, key);
        if (!list) continue;
        // Block lists: from the start of the first item's line.
        let from = list.span.start;
        if (text[from] !== '[') while (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
        for (let p = from; p <= list.span.end; p++) {
          if (text[p - 1] === '\r' && text[p] === '\n') continue; // not a cursor position
          // The plain edit at even positions, the InsertReplaceEdit (both ranges) at odd ones: both shapes, at half the cost.
          for (const insertReplace of [p % 2 === 1]) {
            const items = complete(analysis, cfg, p, { insertReplace }).items;
            for (const item of sample(items, p)) {
              const edit = item.textEdit!;
              const ranges: [string, Range][] =
                'range' in edit
                  ? [['edit', edit.range]]
                  : [
                      ['insert', (edit as InsertReplaceEdit).insert],
                      ['replace', (edit as InsertReplaceEdit).replace],
                    ];
              for (const [mode, range] of ranges) {
                const after = applyTextEdits(text, [
                  { range, newText: item.insertTextFormat === InsertTextFormat.Snippet ? snippetText(edit.newText) : edit.newText },
                ]);
                const got = values(after, key);
                const where = `${mode} of ${item.label} at offset ${p} (${JSON.stringify(text.slice(Math.max(0, p - 12), p))}|${JSON.stringify(text.slice(p, p + 12))}) in\n${text}\ngave\n${after}`;
                assert.ok(Array.isArray(got), `${got}: ${where}`);
                // The token the cursor is in (or at the end of) is being typed: it may be replaced.
                const kept = list.items.filter((w) => !(w.span.start < p && p <= w.span.end));
                const left = [...got];
                for (const w of kept) {
                  const i = left.indexOf(w.value);
                  assert.ok(i >= 0, `lost ${JSON.stringify(w.value)}: ${where}`);
                  left.splice(i, 1);
                }
                // The value is in the list, unless it was typed into the middle of a token (insert range).
                const added = item.kind !== CompletionItemKind.Property && (mode !== 'insert' || kept.length === list.items.length);
                if (added) assert.ok(got.includes(String(item.label)), `${item.label} not added: ${where}`);
                checked++;
              }
            }
          }
        }
      }
    }
    assert.ok(checked > 1000, `only ${checked} completions checked`);
  });
});
