import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
} from 'vscode-languageserver-protocol';
import { fileUri, type TestClient } from './client';
import { startWorkspace } from './frontmatterHelpers';

/**
 * The plain-text report as VS Code opens it (languageId `plaintext`), and a section that lost its
 * heading in the extraction: test/core/fixtures/headingless-report.txt, whose §4.2 is proved only by
 * its subsections, the overview entry and citations.
 */
const REPORT = fs.readFileSync(path.resolve(__dirname, '../core/fixtures/headingless-report.txt'), 'utf8');
const LINES = REPORT.split('\n');
const lineOf = (prefix: string) => LINES.findIndex((l) => l.startsWith(prefix));
const FRONT = [
  '---',
  'title: "A"',
  'focus: Bias',
  'source: S',
  'readability: [Expert]',
  'type: Blog',
  'link: https://example.org/a',
  '---',
];

describe('language server over stdio: a plain-text report (languageId plaintext)', function () {
  let client: TestClient;
  let root: string;
  let reportUri: string;
  const at = (line: number, character: number) => ({ line, character });

  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  beforeEach(async () => {
    ws = await startWorkspace({ 'reports/report.txt': REPORT, 'resources/a.md': [...FRONT, 'Cites §4.2: security.', ''].join('\n') }, {});
    ({ client, root } = ws);
    reportUri = fileUri(path.join(root, 'reports/report.txt'));
  });
  afterEach(() => ws.dispose());

  it('gives the report hover, definition, outline, § completion and a fix', async () => {
    // A misspelt label added at the end, then `§` to complete.
    const text = REPORT + 'See §4.1: dat and §';
    const uri = client.open('reports/report.txt', text, 'plaintext');
    const last = LINES.length - 1;
    const diags: Diagnostic[] = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'section-label-mismatch'));

    const hover: Hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: at(lineOf('Risk text'), 18),
    });
    assert.match((hover.contents as { value: string }).value, /\*\*§4\.2 Security and privacy\*\*/);

    const def: Location = await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri },
      position: at(lineOf('Risk text'), 18),
    });
    assert.deepStrictEqual(def.range.start, at(lineOf('As central components'), 0));

    const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const outline = (s: DocumentSymbol[]): unknown => s.map((x) => [x.name, outline(x.children ?? [])]);
    assert.deepStrictEqual(outline(symbols), [
      [
        '4 TECHNOLOGY',
        [
          ['4.1 Data', [['4.1.1 Hubs', []]]],
          [
            '4.2 Security and privacy',
            [
              ['4.2.1 Risks', []],
              ['4.2.2 Opportunities', []],
            ],
          ],
        ],
      ],
    ]);

    const result: CompletionItem[] | CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: at(last, 'See §4.1: dat and §'.length),
    });
    const items = Array.isArray(result) ? result : result.items;
    assert.ok(
      items.some((i) => i.label === '4.2 Security and privacy' && i.textEdit?.newText === '§4.2: security'),
      JSON.stringify(items.map((i) => i.label)),
    );

    const mismatch = diags.find((d) => d.code === 'section-label-mismatch')!;
    assert.deepStrictEqual(mismatch.range, { start: at(last, 10), end: at(last, 13) });
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    });
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[uri]]),
      [["Change label to 'data'", [{ range: mismatch.range, newText: 'data' }]]],
    );
  });

  it('goes to where a section without a heading starts, and its hover count matches Find All References', async () => {
    const uri = fileUri(path.join(root, 'resources/a.md'));
    client.open('resources/a.md', fs.readFileSync(path.join(root, 'resources/a.md'), 'utf8'));
    await client.waitForDiagnostics(uri, () => true);
    const position = at(FRONT.length, 'Cites §4'.length);
    const def: Location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
    assert.strictEqual(def.uri, reportUri);
    // Not 4.2.1 Risks, two lines below: the section's own first line.
    assert.deepStrictEqual(def.range.start, at(lineOf('As central components'), 0));

    const refs: Location[] = await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    const deadline = Date.now() + 5000;
    let value = '';
    while (!/Cited/.test(value) && Date.now() < deadline) {
      const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      value = (hover.contents as { value: string }).value;
    }
    // The report cites §4.2 four times (one is its overview entry) and the resource once; the references add the section itself.
    assert.match(value, /Cited 5 times in 2 files in the workspace \(Find All References lists these and the section itself\)/);
    assert.strictEqual(refs.length, 6);
    assert.strictEqual(refs.filter((r) => r.uri === reportUri && r.range.start.line === lineOf('As central components')).length, 1);
  });
});
