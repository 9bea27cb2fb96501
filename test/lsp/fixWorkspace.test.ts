import * as assert from 'assert';
import * as path from 'path';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
import { FixWorkspaceRequest, type FixWorkspaceResult } from '../../protocol/src/requests';
import { fileUri } from './client';
import { resource, startWorkspace } from './frontmatterHelpers';

const focuses = JSON.stringify({ resourceFocuses: [{ value: 'Bias' }, { value: 'Geopolitic' }] }, null, 2);
const geo = (n: number) => resource('readability: [Expert]', `keywords: ["g${n}"]`).replace('focus: Bias', 'focus: Geopolitics');

describe('language server: fix all resource problems in the workspace', function () {
  it("answers resourceAuthoring/fixWorkspace with every file's fix-all edits, annotated, open documents at their version", async () => {
    const crlf = `\ufeff${resource('readability: [B]').replace(/\n/g, '\r\n')}`;
    const ws = await startWorkspace({
      'resources/closed.md': resource('readability: ["E"]'),
      'resources/crlf.md': crlf,
      'resources/clean.md': resource('readability: [Expert]'),
    });
    try {
      const closed = fileUri(path.join(ws.root, 'resources/closed.md'));
      await ws.client.waitForDiagnostics(closed, (d) => d.length === 1);
      const open = ws.client.open('resources/open.md', resource('readability: [I]'));
      await ws.client.waitForDiagnostics(open, (d) => d.length === 1);
      const fix = (await ws.client.connection.sendRequest(FixWorkspaceRequest.method, {})) as FixWorkspaceResult;
      assert.strictEqual(fix.files, 3);
      assert.strictEqual(fix.problems, 3);
      const byUri = new Map((fix.edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c]));
      const rel = (f: string) => fileUri(path.join(ws.root, f));
      assert.deepStrictEqual([...byUri.keys()].sort(), ['resources/closed.md', 'resources/crlf.md', 'resources/open.md'].map(rel).sort());
      assert.strictEqual(byUri.get(open)!.textDocument.version, 1);
      assert.strictEqual(byUri.get(closed)!.textDocument.version, null);
      assert.strictEqual(
        applyTextEdits(resource('readability: ["E"]'), byUri.get(closed)!.edits as TextEdit[]),
        resource('readability: ["Expert"]'),
      );
      // Positions are those of the text without its BOM, as the editor shows it; line breaks stay CRLF.
      assert.strictEqual(
        applyTextEdits(crlf.slice(1), byUri.get(rel('resources/crlf.md'))!.edits as TextEdit[]),
        resource('readability: [Beginner]').replace(/\n/g, '\r\n'),
      );
      assert.deepStrictEqual(fix.edit.changeAnnotations, {
        'invalid-value': { label: 'Fix invalid-value', description: '3 changes in 3 files', needsConfirmation: true },
      });
    } finally {
      await ws.dispose();
    }
  });

  it('lists "Add \'X\' to <data file>" first, saying how many problems in how many files it clears', async () => {
    const ws = await startWorkspace({
      'src/_data/resourceFocuses.json': focuses,
      'resources/g1.md': geo(1),
      'resources/g2.md': geo(2),
    });
    try {
      await ws.client.waitForDiagnostics(fileUri(path.join(ws.root, 'resources/g2.md')), (d) => d.length === 1);
      const uri = ws.client.open('resources/g1.md', geo(1));
      const [d] = await ws.client.waitForDiagnostics(uri, (ds) => ds.length === 1);
      const offered = (await ws.client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      assert.deepStrictEqual(
        offered.map((a) => [a.title, a.isPreferred]),
        [
          ["Add 'Geopolitics' to src/_data/resourceFocuses.json (clears 2 problems in 2 files)", undefined],
          ["Change to 'Geopolitic'", true],
          // Silencing comes after every repair.
          ['Disable invalid-value for this line', undefined],
          ['Disable invalid-value for this file', undefined],
          ['Fix all resource problems', undefined],
        ],
      );
    } finally {
      await ws.dispose();
    }
  });
});
