import * as assert from 'assert';
import type { CompletionItem, InsertReplaceEdit, TextEdit } from 'vscode-languageserver-types';
import { complete, type CompletionOptions } from '../../server/src/core/complete';
import { applyTextEdits } from '../../server/src/core/edits';
import { analyzeText } from '../../server/src/core/service';
import { config } from './helpers';

const cfg = config();

function at(src: string, options: CompletionOptions = {}): { items: CompletionItem[]; text: string; offset: number } {
  const offset = src.indexOf('|');
  const text = src.replace('|', '');
  return { items: complete(analyzeText(text, cfg), cfg, offset, options).items, text, offset };
}

/** The text after accepting `label`: with the plain edit, or with an InsertReplaceEdit's insert or replace range. */
function accept(src: string, label: string, mode: 'edit' | 'insert' | 'replace' = 'edit'): string {
  const { items, text } = at(src, { insertReplace: mode !== 'edit' });
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no ${label} among ${items.map((i) => i.label).join(', ')}`);
  const e = item.textEdit!;
  if (mode === 'edit') return applyTextEdits(text, [e as TextEdit]);
  const ir = e as InsertReplaceEdit;
  return applyTextEdits(text, [{ range: mode === 'insert' ? ir.insert : ir.replace, newText: ir.newText }]);
}

const fm = (...lines: string[]) => ['---', 'title: "A"', ...lines, '---', 'Body', ''].join('\n');

describe('completion keeps the items already written', () => {
  it('at [ before existing items: inserts the value and the separator the list uses', () => {
    assert.strictEqual(
      accept(fm('learnTags: [|"bias","ethics"]'), 'machineLearning'),
      fm('learnTags: ["machineLearning","bias","ethics"]'),
    );
    assert.strictEqual(accept(fm('learnTags: [|bias, ethics]'), 'machineLearning'), fm('learnTags: [machineLearning, bias, ethics]'));
    assert.strictEqual(accept(fm('readability: [|Expert]'), 'Beginner'), fm('readability: [Beginner, Expert]'));
  });

  it("right after a comma, and after the comma's space, before the next item", () => {
    assert.strictEqual(accept(fm('learnTags: ["bias",|"ethics"]'), 'trust'), fm('learnTags: ["bias","trust","ethics"]'));
    assert.strictEqual(accept(fm('learnTags: [bias, |ethics]'), 'trust'), fm('learnTags: [bias, trust, ethics]'));
    assert.strictEqual(accept(fm('learnTags: [bias,| ethics]'), 'trust'), fm('learnTags: [bias, trust, ethics]'));
  });

  it('inside the quotes of an existing item at its start: a new quoted item before it', () => {
    assert.strictEqual(accept(fm('learnTags: ["|bias", "ethics"]'), 'trust'), fm('learnTags: ["trust", "bias", "ethics"]'));
  });

  it('inside a partial token: replaces only that token', () => {
    assert.strictEqual(accept(fm('learnTags: [bias, Mach|, ethics]'), 'machineLearning'), fm('learnTags: [bias, machineLearning, ethics]'));
    assert.strictEqual(
      accept(fm('learnTags: ["bias", "Mach|ine", "ethics"]'), 'machineLearning'),
      fm('learnTags: ["bias", "machineLearning", "ethics"]'),
    );
  });

  it('after "- " in a block list, before an existing item: a new item line', () => {
    assert.strictEqual(
      accept(fm('learnTags:', '  - |bias', '  - ethics'), 'trust'),
      fm('learnTags:', '  - trust', '  - bias', '  - ethics'),
    );
    assert.strictEqual(accept(fm('learnTags:', '  - "|bias"'), 'trust'), fm('learnTags:', '  - "trust"', '  - "bias"'));
    assert.strictEqual(
      accept(fm('readability:', '  - |Expert # hard').replace(/\n/g, '\r\n'), 'Beginner'),
      fm('readability:', '  - Beginner', '  - Expert # hard').replace(/\n/g, '\r\n'),
    );
    assert.ok(
      !at(fm('learnTags:', '  - |bias')).items.some((i) => i.label === 'bias'),
      'the item the completion goes before is not offered again',
    );
  });

  it("with insertReplaceSupport: both ranges, the insert range ending at the cursor, the replace range at the token's end", () => {
    const { items } = at(fm('learnTags: [bias, Mach|ine, ethics]'), { insertReplace: true });
    const edit = items.find((i) => i.label === 'machineLearning')!.textEdit as InsertReplaceEdit;
    const line = 2;
    const token = 'learnTags: [bias, '.length;
    assert.deepStrictEqual(edit.insert, { start: { line, character: token }, end: { line, character: token + 'Mach'.length } });
    assert.deepStrictEqual(edit.replace, { start: { line, character: token }, end: { line, character: token + 'Machine'.length } });
    assert.strictEqual(
      accept(fm('learnTags: [bias, Mach|ine, ethics]'), 'machineLearning', 'insert'),
      fm('learnTags: [bias, machineLearningine, ethics]'),
    );
    assert.strictEqual(
      accept(fm('learnTags: [bias, Mach|ine, ethics]'), 'machineLearning', 'replace'),
      fm('learnTags: [bias, machineLearning, ethics]'),
    );
    // At a delimiter both ranges are empty at the cursor.
    const start = at(fm('learnTags: [|"bias"]'), { insertReplace: true }).items[0].textEdit as InsertReplaceEdit;
    assert.deepStrictEqual(start.insert, start.replace);
    assert.deepStrictEqual(start.insert.start, start.insert.end);
  });

  it('a list field with a value after the cursor gets no one-item list', () => {
    assert.deepStrictEqual(at(fm('readability: |[Expert]')).items, []);
    assert.deepStrictEqual(at(fm('readability: |', '  - Expert')).items, []);
  });
});
