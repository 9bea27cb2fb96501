import * as assert from 'assert';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { applyAction, codeActions, openFresh, resource, useWorkspace } from './frontmatterHelpers';

/** A resource with only a title: five required fields are missing, all reported on the opening `---`. */
const TITLE_ONLY = ['---', 'title: "A"', '---', 'Body.', ''].join('\n');
const MISSING = ['focus', 'source', 'readability', 'type', 'link'];
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('language server: the fixes of missing fields, add all, fix all in the light bulb', function () {
  const ws = useWorkspace();

  const open = (text: string, expect: (d: Diagnostic[]) => boolean) => openFresh(ws.client, text, expect);
  const actions = (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]) =>
    codeActions(ws.client, uri, range, diagnostics, only);
  const apply = applyAction;
  const required = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'required');
  const fieldOf = (d: Diagnostic) => /The required field '([^']+)'/.exec(String(d.message))?.[1];

  it("the required diagnostic of 'link' alone gets \"Add the missing field 'link'\", though all five share one range", async () => {
    const { uri, diagnostics } = await open(TITLE_ONLY, (d) => required(d).length === 5);
    const ranges = new Set(required(diagnostics).map((d) => JSON.stringify(d.range)));
    assert.strictEqual(ranges.size, 1, 'the missing-field diagnostics sit on one range (the opening ---)');
    const link = diagnostics.find((d) => fieldOf(d) === 'link')!;
    const got = await actions(uri, link.range, [link]);
    const adds = got.filter((a) => a.title.startsWith('Add the missing field'));
    assert.deepStrictEqual(
      adds.map((a) => a.title),
      ["Add the missing field 'link'"],
    );
    assert.deepStrictEqual(adds[0].diagnostics, [link]);
    assert.strictEqual(apply(TITLE_ONLY, uri, adds[0]), ['---', 'title: "A"', 'link: ""', '---', 'Body.', ''].join('\n'));
  });

  it('every missing field: its own diagnostic gets the fix that adds that field', async () => {
    const { uri, diagnostics } = await open(TITLE_ONLY, (d) => required(d).length === 5);
    assert.deepStrictEqual(required(diagnostics).map(fieldOf).sort(), [...MISSING].sort());
    for (const d of required(diagnostics)) {
      const adds = (await actions(uri, d.range, [d])).filter((a) => a.title.startsWith('Add the missing field'));
      assert.deepStrictEqual(
        adds.map((a) => a.title),
        [`Add the missing field '${fieldOf(d)}'`],
      );
    }
    // Asked about all five at once (as an editor does for the line), each fix is linked to its own diagnostic.
    const all = (await actions(uri, required(diagnostics)[0].range, required(diagnostics))).filter((a) =>
      a.title.startsWith('Add the missing field'),
    );
    assert.deepStrictEqual(
      all.map((a) => [a.title, a.diagnostics?.map(fieldOf)]),
      required(diagnostics).map((d) => [`Add the missing field '${fieldOf(d)}'`, [fieldOf(d)]]),
    );
  });

  it('"Add all missing required fields" inserts every one in schema order, and leaves no required finding', async () => {
    const { uri, diagnostics } = await open(TITLE_ONLY, (d) => required(d).length === 5);
    const link = diagnostics.find((d) => fieldOf(d) === 'link')!;
    const addAll = (await actions(uri, link.range, [link])).find((a) => a.title === 'Add all missing required fields');
    assert.ok(addAll, 'offered beside the one-field fix');
    assert.strictEqual(addAll.kind, 'quickfix');
    assert.notStrictEqual(addAll.isPreferred, true, 'placeholders still need values');
    const fixed = apply(TITLE_ONLY, uri, addAll);
    assert.strictEqual(
      fixed,
      ['---', 'title: "A"', 'focus: ""', 'source: ""', 'readability: []', 'type: ""', 'link: ""', '---', 'Body.', ''].join('\n'),
    );
    const after = await open(fixed, (d) => d.length > 0);
    assert.deepStrictEqual(required(after.diagnostics), []);
  });

  it('add all puts each field where the schema order puts it among the present ones, keeping CRLF', async () => {
    const text = ['---', 'type: Blog', 'title: "A"', 'openSource: false', '---', 'Body.', ''].join('\r\n');
    const { uri, diagnostics } = await open(text, (d) => required(d).length === 4);
    const addAll = (await actions(uri, WHOLE, required(diagnostics).slice(0, 1))).find(
      (a) => a.title === 'Add all missing required fields',
    )!;
    assert.ok(addAll);
    assert.strictEqual(
      apply(text, uri, addAll),
      [
        '---',
        'type: Blog',
        'title: "A"',
        'focus: ""',
        'source: ""',
        'readability: []',
        'openSource: false',
        'link: ""',
        '---',
        'Body.',
        '',
      ].join('\r\n'),
    );
  });

  it('no "add all" when one field is missing, nor for other diagnostics', async () => {
    const one = ['---', 'title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog', '---', ''].join('\n');
    const { uri, diagnostics } = await open(one, (d) => required(d).length === 1);
    assert.deepStrictEqual(
      (await actions(uri, diagnostics[0].range, diagnostics)).map((a) => a.title),
      ["Add the missing field 'link'", 'Disable required for this file'],
    );
    const other = await open(['---', 'title: "A"', 'readability: [E]', '---', ''].join('\n'), (d) => required(d).length === 4);
    const invalid = other.diagnostics.find((d) => d.code === 'invalid-value')!;
    assert.ok(!(await actions(other.uri, invalid.range, [invalid])).some((a) => a.title === 'Add all missing required fields'));
  });

  it("the light bulb offers fix all as a quick fix with two fixable problems; its edit is the source action's", async () => {
    const text = resource('readability: [E]', 'openSource: "no"');
    const { uri, diagnostics } = await open(text, (d) => d.length === 2);
    const source = (await actions(uri, WHOLE, [], ['source.fixAll']))[0];
    for (const only of [undefined, ['quickfix']]) {
      const got = await actions(uri, diagnostics[0].range, [diagnostics[0]], only);
      const all = got.find((a) => a.title === 'Fix all auto-fixable resource problems');
      assert.ok(all, JSON.stringify(got.map((a) => a.title)));
      assert.strictEqual(all.kind, 'quickfix');
      assert.deepStrictEqual(all.edit, source.edit);
    }
    assert.strictEqual(apply(text, uri, source), resource('readability: [Expert]', 'openSource: false'));
  });

  it('no fix-all quick fix with one fixable problem, nor where there is no problem of ours', async () => {
    const text = resource('readability: [E]');
    const { uri, diagnostics } = await open(text, (d) => d.length === 1);
    assert.ok(!(await actions(uri, diagnostics[0].range, diagnostics)).some((a) => a.title === 'Fix all auto-fixable resource problems'));
    const two = resource('readability: [E]', 'openSource: "no"');
    const second = await open(two, (d) => d.length === 2);
    assert.ok(!(await actions(second.uri, WHOLE, [], ['quickfix'])).some((a) => a.title === 'Fix all auto-fixable resource problems'));
  });
});
