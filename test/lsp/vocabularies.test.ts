import * as assert from 'assert';
import * as path from 'path';
import type { CodeAction, CodeLens, Location, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
import { fileUri } from './client';
import { resource, startWorkspace } from './frontmatterHelpers';

const TAGS = 'src/_data/resourceTags.json';
const TAG_FILE = `{
  "resourceTags": [
    { "value": "machineLearning", "label": "AI and Machine Learning" },
    { "value": "bias", "label": "Bias" },
    { "value": "lonely", "label": "Lonely" }
  ]
}
`;
const OPEN = resource('readability: [Expert]', 'learnTags: ["machineLearning", "bias"]');
const CLOSED = resource('readability: [Expert]', 'learnTags:', '  - machineLearning');

describe('language server: the vocabularies as code', function () {
  it('definition, references, hover, code lens, rename, retire and the data file diagnostics', async () => {
    const ws = await startWorkspace({ [TAGS]: TAG_FILE, 'resources/closed.md': CLOSED });
    try {
      const rel = (f: string) => fileUri(path.join(ws.root, f));
      const tags = rel(TAGS);
      // The data file's diagnostics come once every resource was checked: the unused tag is a hint.
      await ws.client.waitForDiagnostics(tags, (d) => d.some((x) => x.code === 'unused-term'));
      const open = ws.client.open('resources/open.md', OPEN);
      await ws.client.waitForDiagnostics(open, () => true);
      const line = OPEN.split('\n').findIndex((l) => l.startsWith('learnTags'));
      const at = { textDocument: { uri: open }, position: { line, character: 16 } };
      const definition = (await ws.client.connection.sendRequest('textDocument/definition', at)) as Location;
      assert.deepStrictEqual(definition, { uri: tags, range: { start: { line: 2, character: 15 }, end: { line: 2, character: 32 } } });
      const refs = (await ws.client.connection.sendRequest('textDocument/references', {
        ...at,
        context: { includeDeclaration: true },
      })) as Location[];
      assert.deepStrictEqual(refs.map((r) => r.uri).sort(), [open, rel('resources/closed.md'), tags].sort());
      const hover = await ws.client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: tags },
        position: { line: 2, character: 20 },
      });
      assert.match(JSON.stringify(hover), /AI and Machine Learning.*Used by 2 resources/);
      ws.client.open(TAGS, TAG_FILE, 'json');
      const lenses = (await ws.client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: tags } })) as CodeLens[];
      assert.deepStrictEqual(
        lenses.map((l) => l.command?.title),
        ['used by 2 resources', 'used by 1 resource', 'unused'],
      );
      assert.strictEqual(lenses[0].command?.command, 'resourceAuthoring.showTermReferences');
      const prepared = await ws.client.connection.sendRequest('textDocument/prepareRename', at);
      assert.deepStrictEqual(prepared, {
        range: { start: { line, character: 13 }, end: { line, character: 28 } },
        placeholder: 'machineLearning',
      });
      assert.strictEqual(
        await ws.client.connection.sendRequest('textDocument/prepareRename', { ...at, position: { line: 1, character: 2 } }),
        null,
      );
      const edit = (await ws.client.connection.sendRequest('textDocument/rename', { ...at, newName: 'deepLearning' })) as WorkspaceEdit;
      const byUri = new Map((edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c]));
      assert.strictEqual(byUri.get(open)?.textDocument.version, 1);
      assert.strictEqual(
        applyTextEdits(CLOSED, byUri.get(rel('resources/closed.md'))!.edits as TextEdit[]),
        CLOSED.replace('machineLearning', 'deepLearning'),
      );
      assert.strictEqual(applyTextEdits(OPEN, byUri.get(open)!.edits as TextEdit[]), OPEN.replace('machineLearning', 'deepLearning'));
      assert.strictEqual(
        applyTextEdits(TAG_FILE, byUri.get(tags)!.edits as TextEdit[]),
        TAG_FILE.replace('"machineLearning"', '"deepLearning"'),
      );
      // A merge: 'bias' onto 'machineLearning', which the open file has already.
      const merge = (await ws.client.connection.sendRequest('textDocument/rename', {
        ...at,
        position: { line, character: 33 },
        newName: 'machineLearning',
      })) as WorkspaceEdit;
      const merged = (merge.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === open)!;
      assert.strictEqual(applyTextEdits(OPEN, merged.edits as TextEdit[]), OPEN.replace(', "bias"', ''));
      // Retire the unused tag: a refactoring whose edit asks to be confirmed.
      const unused = ws.client.diagnostics.get(tags)!.diagnostics.find((d) => d.code === 'unused-term')!;
      assert.strictEqual(unused.severity, 4);
      const actions = (await ws.client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: tags },
        range: unused.range,
        context: { diagnostics: [unused] },
      })) as CodeAction[];
      const offered = actions.find((a) => a.title === "Retire learn tag 'lonely'")!;
      assert.strictEqual(offered.kind, 'refactor.retireTerm');
      assert.strictEqual(offered.edit, undefined, 'worked out once chosen');
      const retire = (await ws.client.connection.sendRequest('codeAction/resolve', offered)) as CodeAction;
      const annotation = Object.values(retire.edit!.changeAnnotations!)[0];
      assert.strictEqual(annotation.needsConfirmation, true);
      const retired = (retire.edit!.documentChanges as TextDocumentEdit[])[0];
      assert.strictEqual(
        applyTextEdits(TAG_FILE, retired.edits as TextEdit[]),
        TAG_FILE.replace(',\n    { "value": "lonely", "label": "Lonely" }', ''),
      );
    } finally {
      await ws.dispose();
    }
  });
});
