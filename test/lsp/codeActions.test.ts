import * as assert from 'assert';
import * as path from 'path';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
import { fileUri, TestClient } from './client';
import { applyAction, codeActions, openFresh, resource, startWorkspace, useWorkspace } from './frontmatterHelpers';

const REPORT = [
  '# 4 Technology',
  '## 4.3 Adaptation',
  'Adapting models, see §4.3: adaptation.',
  '## 4.7 Security and privacy',
  'Threats.',
  '',
].join('\n');
const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('language server: quick fixes and fix all', function () {
  const ws = useWorkspace({ 'reports/report.md': REPORT });

  const open = (text: string, expect: (d: Diagnostic[]) => boolean) => openFresh(ws.client, text, expect);
  const actions = (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]) =>
    codeActions(ws.client, uri, range, diagnostics, only);
  const apply = applyAction;

  it('announces quickfix, source.fixAll.resources and refactor.retireTerm (the vocabularies)', async () => {
    const other = new TestClient(ws.root);
    const result = (await other.connection.sendRequest('initialize', { processId: null, rootUri: fileUri(ws.root), capabilities: {} })) as {
      capabilities: { codeActionProvider: { codeActionKinds: string[] } };
    };
    await other.stop();
    assert.deepStrictEqual([...result.capabilities.codeActionProvider.codeActionKinds].sort(), [
      'quickfix',
      'refactor.retireTerm',
      'source.fixAll.resources',
    ]);
  });

  it('a quick fix, applied, gives the exact text (quotes kept, nothing else touched)', async () => {
    const text = resource('readability: ["B","E","I"]');
    const { uri, diagnostics } = await open(text, (d) => d.length === 3);
    const quick = await actions(uri, diagnostics[1].range, [diagnostics[1]]);
    assert.deepStrictEqual(
      quick.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ["Change to 'Expert'", 'quickfix', true],
        ['Disable invalid-value for this line', 'quickfix', undefined],
        ['Disable invalid-value for this file', 'quickfix', undefined],
        ['Fix all auto-fixable resource problems', 'quickfix', undefined],
        ['Fix all resource problems', 'source.fixAll.resources', undefined],
      ],
    );
    assert.strictEqual(apply(text, uri, quick[0]), resource('readability: ["B","Expert","I"]'));
    assert.deepStrictEqual(quick[0].diagnostics, [diagnostics[1]]);
  });

  it('fix all turns ["B","E","I"] into ["Beginner","Expert","Intermediate"] in one application, as asked for on save', async () => {
    const text = resource('readability: ["B","E","I"]');
    const { uri } = await open(text, (d) => d.length === 3);
    // editor.codeActionsOnSave {"source.fixAll": "explicit"} asks with only: ['source.fixAll'].
    for (const only of [['source.fixAll'], ['source.fixAll.resources'], ['source']]) {
      const all = await actions(uri, WHOLE, [], only);
      assert.deepStrictEqual(
        all.map((a) => [a.title, a.kind]),
        [['Fix all resource problems', 'source.fixAll.resources']],
        only.join(),
      );
      assert.strictEqual(apply(text, uri, all[0]), resource('readability: ["Beginner","Expert","Intermediate"]'));
    }
    assert.deepStrictEqual(await actions(uri, WHOLE, [], ['quickfix']), []);
    assert.deepStrictEqual(await actions(uri, WHOLE, [], ['refactor']), []);
  });

  it('keeps CRLF line endings', async () => {
    const text = resource('readability: [E]', 'openSource: "no"').replace(/\n/g, '\r\n');
    const { uri } = await open(text, (d) => d.length === 2);
    const [all] = await actions(uri, WHOLE, [], ['source.fixAll']);
    assert.strictEqual(apply(text, uri, all), resource('readability: [Expert]', 'openSource: false').replace(/\n/g, '\r\n'));
  });

  it('fixes that delete what an author wrote are offered, never preferred, never in fix all', async () => {
    const text = resource('readability: [E]', 'colour: blue');
    const { uri, diagnostics } = await open(text, (d) => d.length === 2);
    const unknown = diagnostics.find((d) => d.code === 'unknown-field')!;
    const offered = await actions(uri, unknown.range, [unknown]);
    const remove = offered.find((a) => /^Remove/.test(a.title));
    assert.ok(remove, JSON.stringify(offered.map((a) => a.title)));
    assert.notStrictEqual(remove.isPreferred, true);
    assert.strictEqual(apply(text, uri, remove), resource('readability: [E]'));
    const [all] = await actions(uri, WHOLE, [], ['source.fixAll']);
    assert.strictEqual(apply(text, uri, all), resource('readability: [Expert]', 'colour: blue'));
  });

  it('no fix all when nothing is fixable; nothing for diagnostics of other sources', async () => {
    const text = resource('readability: [Expert]');
    const { uri } = await open(text, (d) => d.length === 0);
    assert.deepStrictEqual(await actions(uri, WHOLE, [], ['source.fixAll']), []);
    const foreign: Diagnostic = {
      range: { start: { line: 6, character: 14 }, end: { line: 6, character: 20 } },
      message: 'x',
      code: 'invalid-value',
      source: 'other',
    };
    assert.deepStrictEqual(await actions(uri, foreign.range, [foreign]), []);
  });

  it('section quick fixes come beside the frontmatter ones', async () => {
    const text = `${resource('readability: [E]')}See §4.3: security.\n`;
    const { uri, diagnostics } = await open(text, (d) => d.length === 2);
    const everything: Range = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    const got = await actions(uri, everything, diagnostics);
    const titles = got.map((a) => a.title);
    assert.ok(titles.includes("Change to 'Expert'"), JSON.stringify(titles));
    const label = got.find((a) => a.diagnostics?.[0]?.code === 'section-label-mismatch');
    assert.ok(label, JSON.stringify(titles));
    assert.strictEqual(apply(text, uri, label), `${resource('readability: [E]')}See §4.3: adaptation.\n`);
    // On save (the whole document as range) only the fix-all action answers, not the quick fixes.
    assert.deepStrictEqual(
      (await actions(uri, everything, diagnostics, ['source.fixAll'])).map((a) => a.kind),
      ['source.fixAll.resources'],
    );
  });

  it("offers \"Add 'X' to <data file>\" as an edit of the workspace's vocabulary file", async () => {
    const tags = '{\n  "resourceTags": [\n    { "value": "bias", "label": "Bias" }\n  ]\n}\n';
    const other = await startWorkspace({ 'src/_data/resourceTags.json': tags });
    try {
      const uri = other.client.open('resources/a.md', resource('readability: [Expert]', 'learnTags: [deepLearning]'));
      const [d] = await other.client.waitForDiagnostics(
        uri,
        (ds) => ds.length === 1 && /src\/_data\/resourceTags\.json/.test(String(ds[0].message)),
      );
      const offered = (await other.client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      const add = offered.find((a) => a.title === "Add 'deepLearning' to src/_data/resourceTags.json");
      assert.ok(add, JSON.stringify(offered.map((a) => a.title)));
      assert.notStrictEqual(add.isPreferred, true);
      const data = fileUri(path.join(other.root, 'src/_data/resourceTags.json'));
      assert.deepStrictEqual(Object.keys(add.edit!.changes!), [data], 'only the data file changes');
      assert.strictEqual(
        applyTextEdits(tags, add.edit!.changes![data]),
        '{\n  "resourceTags": [\n    { "value": "bias", "label": "Bias" },\n    { "value": "deepLearning", "label": "Deep Learning" }\n  ]\n}\n',
      );
    } finally {
      await other.dispose();
    }
  });
});
