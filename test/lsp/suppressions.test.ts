import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyAction, codeActions, openFresh, resource, useWorkspace } from './frontmatterHelpers';

const R = 'readability: [Expert]';

describe('language server: suppression comments', function () {
  const ws = useWorkspace();
  const open = (text: string, expect: (d: Diagnostic[]) => boolean) => openFresh(ws.client, text, expect);
  const codes = (d: Diagnostic[]) => d.map((x) => x.code).join(',');

  it('a suppressed finding is not published; the one after it is', async () => {
    const text = resource(R, '# resource-lint-disable-next-line unknown-field -- legacy', 'jurisdiction: EU', 'other: 1');
    const { diagnostics } = await open(text, (d) => d.length > 0);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['unknown-field', 9]],
    );
  });

  it('an unused directive is published as unused-suppression, a warning on its code', async () => {
    const text = resource(R, '# resource-lint-disable-next-line invalid-url', 'keywords: [a]');
    const { uri, diagnostics } = await open(text, (d) => codes(d) === 'unused-suppression');
    const [d] = diagnostics;
    assert.strictEqual(d.severity, 2);
    assert.deepStrictEqual(d.range, { start: { line: 7, character: 34 }, end: { line: 7, character: 45 } });
    const [remove] = await codeActions(ws.client, uri, d.range, [d]);
    assert.strictEqual(remove.title, 'Remove the unused suppression comment');
    assert.strictEqual(applyAction(text, uri, remove), resource(R, 'keywords: [a]'));
  });

  it('"Disable <code> for this line": the edit above the line, with its indentation, CRLF kept; never preferred', async () => {
    const text = resource(R, 'learnTags:', '  - nottag').replace(/\n/g, '\r\n');
    const { uri, diagnostics } = await open(text, (d) => codes(d) === 'invalid-value');
    const actions = await codeActions(ws.client, uri, diagnostics[0].range, diagnostics, ['quickfix']);
    const line = actions.find((a) => a.title === 'Disable invalid-value for this line')!;
    const file = actions.find((a) => a.title === 'Disable invalid-value for this file')!;
    assert.ok(line && file, actions.map((a) => a.title).join(', '));
    assert.strictEqual(line.isPreferred, undefined);
    assert.deepStrictEqual(line.edit!.changes![uri], [
      {
        range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
        newText: '  # resource-lint-disable-next-line invalid-value\r\n',
      },
    ]);
    assert.strictEqual(
      applyAction(text, uri, line),
      resource(R, 'learnTags:', '  # resource-lint-disable-next-line invalid-value', '  - nottag').replace(/\n/g, '\r\n'),
    );
    assert.deepStrictEqual(file.edit!.changes![uri], [
      {
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        newText: '# resource-lint-disable-file invalid-value\r\n',
      },
    ]);
    // Fix all does not silence: nothing to fix here.
    assert.deepStrictEqual(await codeActions(ws.client, uri, diagnostics[0].range, [], ['source.fixAll']), []);
  });
});
