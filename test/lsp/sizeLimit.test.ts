import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { fileUri } from './client';
import { resource, startWorkspace } from './frontmatterHelpers';
import * as path from 'path';

/** A resource with an unknown field and `n` more characters of frontmatter. */
const big = (n: number) => resource('readability: [Expert]', 'junk: 1', `summary: "${'x'.repeat(n)}"`);
const LIMITS = { limits: { frontmatterSize: 5_000 }, severity: { 'duplicate-resource': 'off' } };

describe('language server: a document past the size limits', function () {
  it('gets one file-too-large information and empty answers; under the limit again, its real findings', async () => {
    const ws = await startWorkspace({ 'resources/on-disk.md': big(6_000) }, LIMITS);
    try {
      const { client } = ws;
      const only = (d: Diagnostic[]) => d.length === 1 && d[0].code === 'file-too-large';
      // The workspace scan reaches the file on disk: the same one diagnostic.
      const scanned = await client.waitForDiagnostics(fileUri(path.join(ws.root, 'resources/on-disk.md')), only, 20_000);
      assert.match(String(scanned[0].message), /more than resourceAuthoring\.limits\.frontmatterSize \(5,000\)/);

      const uri = client.open('resources/open.md', big(6_000));
      const [d] = await client.waitForDiagnostics(uri, (ds, p) => p.version === 1 && only(ds));
      assert.strictEqual(d.severity, DiagnosticSeverity.Information);
      assert.deepStrictEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
      assert.match(
        String(d.message),
        /^The frontmatter is 6,\d{3} characters long, more than resourceAuthoring\.limits\.frontmatterSize \(5,000\)/,
      );

      const td = { textDocument: { uri } };
      const position = { line: 2, character: 2 };
      assert.strictEqual(await client.connection.sendRequest('textDocument/hover', { ...td, position }), null);
      const completion = (await client.connection.sendRequest('textDocument/completion', { ...td, position })) as
        { items: unknown[] } | unknown[] | null;
      assert.deepStrictEqual(Array.isArray(completion) ? completion : (completion?.items ?? []), []);
      assert.deepStrictEqual((await client.connection.sendRequest('textDocument/documentSymbol', td)) ?? [], []);
      const actions = await client.connection.sendRequest('textDocument/codeAction', {
        ...td,
        range: d.range,
        context: { diagnostics: [d] },
      });
      assert.deepStrictEqual(actions ?? [], []);
      const fixAll = await client.connection.sendRequest('textDocument/codeAction', {
        ...td,
        range: d.range,
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepStrictEqual(fixAll ?? [], []);

      // Cut below the limit: analysed again.
      client.change(uri, [{ text: big(100) }]);
      const real = await client.waitForDiagnostics(uri, (_, p) => p.version === 2);
      assert.deepStrictEqual(
        real.map((x) => x.code),
        ['unknown-field'],
      );
    } finally {
      await ws.dispose();
    }
  });
});
