import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from './client';
import { startWorkspace } from './frontmatterHelpers';

/** A plain-text report as PDF extraction leaves it: a chapter, a section without heading, a bare number. */
const REPORT = [
  '1 INTRODUCTION',
  'Overview:',
  '§2.3: Adaptation. ',
  '§2.4: Security and privacy. ',
  '2 TECHNOLOGY',
  '2.2 Training',
  'Training text cites §2.3: adaptation and §2.4: security.',
  '2.3.1 Methods for adaptation.',
  'Adaptation methods text.',
  '2.4.1 ',
  'Risks. ',
  'Security text cites §2.3: adaptation.',
  '',
].join('\n');

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
const resource = (body: string) => [...FRONT, body, ''].join('\n');

describe('language server over stdio: section references', function () {
  let client: TestClient;
  let root: string;
  let reportUri: string;

  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  beforeEach(async () => {
    ws = await startWorkspace({ 'reports/report.txt': REPORT }, {});
    ({ client, root } = ws);
    reportUri = fileUri(path.join(root, 'reports/report.txt'));
  });
  afterEach(async () => {
    // A test may restart the server on the same workspace: stop that one too.
    if (client !== ws.client) await client.stop();
    await ws.dispose();
  });

  const at = (line: number, character: number) => ({ line, character });
  const body = FRONT.length; // the line of the body

  it('flags a misspelt label and an unknown number; the label fix is one preferred action', async () => {
    const uri = client.open('resources/a.md', resource('See §2.3: adaptaton and §2.9.'));
    const diags = await client.waitForDiagnostics(uri, (d) => d.length === 2);
    assert.deepStrictEqual(
      diags.map((d) => [d.code, d.severity, d.range]),
      [
        ['section-label-mismatch', 2, { start: at(body, 10), end: at(body, 19) }],
        ['unknown-section', 1, { start: at(body, 24), end: at(body, 28) }],
      ],
    );
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: [diags[0]] },
    });
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.isPreferred, a.edit?.changes?.[uri]]),
      [["Change label to 'adaptation'", true, [{ range: { start: at(body, 10), end: at(body, 19) }, newText: 'adaptation' }]]],
    );
  });

  it("checks the report's own references and gives the plain-text report an outline", async () => {
    const uri = client.open('reports/report.txt', REPORT + 'Bad §2.8 here.\n', 'plaintext');
    assert.strictEqual(uri, reportUri);
    const diags = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.deepStrictEqual([diags[0].code, diags[0].range], ['unknown-section', { start: at(12, 4), end: at(12, 8) }]);
    const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const outline = (s: DocumentSymbol[]): unknown => s.map((x) => [x.name, x.selectionRange.start.line, outline(x.children ?? [])]);
    assert.deepStrictEqual(outline(symbols), [
      ['1 INTRODUCTION', 0, []],
      [
        '2 TECHNOLOGY',
        4,
        [
          ['2.2 Training', 5, []],
          ['2.3 Adaptation', 7, [['2.3.1 Methods for adaptation', 7, []]]],
          ['2.4 Security and privacy', 9, [['2.4.1 Risks', 9, []]]],
        ],
      ],
    ]);
  });

  it('completes after §, hovers with the title, and goes to the section in the report', async () => {
    const uri = client.open('resources/a.md', resource('See §2.4 and §'));
    await client.waitForDiagnostics(uri, () => true);
    const result: CompletionItem[] | CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: at(body, 14),
    });
    const items = Array.isArray(result) ? result : result.items;
    const adaptation = items.find((i) => i.label === '2.3 Adaptation');
    assert.ok(adaptation, JSON.stringify(items.map((i) => i.label)));
    assert.strictEqual(adaptation.detail, '2 TECHNOLOGY › 2.3 Adaptation');
    assert.deepStrictEqual(adaptation.textEdit, { range: { start: at(body, 13), end: at(body, 14) }, newText: '§2.3: adaptation' });

    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(body, 6) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*§2\.4 Security and privacy\*\*/);
    assert.match(value, /2 TECHNOLOGY › 2\.4 Security and privacy/);
    assert.match(value, /Cited 3 times in 2 files/);

    const def: Location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at(body, 6) });
    assert.deepStrictEqual(def, { uri: reportUri, range: { start: at(9, 0), end: at(9, 0) } });
  });

  it('a hover does not wait for the citation count: it says it is counting, and the next hover has it', async () => {
    await client.stop();
    // The server waits 150 ms for the count; with no wait at all the first hover cannot have it.
    process.env.RESOURCE_AUTHORING_HOVER_COUNT_WAIT_MS = '0';
    try {
      client = new TestClient(root);
      await client.initialize();
    } finally {
      delete process.env.RESOURCE_AUTHORING_HOVER_COUNT_WAIT_MS;
    }
    const uri = client.open('resources/a.md', resource('See §2.4 here.'));
    await client.waitForDiagnostics(uri, () => true);
    const hoverText = async () =>
      (
        (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(body, 6) })) as Hover & {
          contents: { value: string };
        }
      ).contents.value;
    const first = await hoverText();
    assert.match(first, /\*\*§2\.4 Security and privacy\*\*/);
    assert.match(first, /Counting the citations in the workspace…/);
    assert.doesNotMatch(first, /Cited/);
    const deadline = Date.now() + 5000;
    let later = first;
    while (!/Cited 3 times in 2 files/.test(later) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      later = await hoverText();
    }
    assert.match(later, /Cited 3 times in 2 files/); // the report cites it twice
    assert.doesNotMatch(later, /Counting/);
  });

  it('finds references across the workspace, including files that are not open', async () => {
    fs.writeFileSync(path.join(root, 'resources/closed.md'), resource('Closed file cites §2.3: Adaptation.'));
    const uri = client.open('resources/a.md', resource('Open file: §2.3'));
    await client.waitForDiagnostics(uri, () => true);
    const refs: Location[] = await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: at(body, 12),
      context: { includeDeclaration: false },
    });
    const seen = refs
      .map((r) => [path.relative(root, new URL(r.uri).pathname), r.range.start.line, r.range.start.character, r.range.end.character])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    assert.deepStrictEqual(seen, [
      ['reports/report.txt', 2, 0, 16],
      ['reports/report.txt', 6, 20, 36],
      ['reports/report.txt', 11, 20, 36],
      ['resources/a.md', body, 11, 15],
      ['resources/closed.md', body, 18, 34],
    ]);
  });

  it('lists sections as workspace symbols and follows a report changed on disk', async () => {
    const uri = client.open('resources/a.md', resource('§2.5: ethics'));
    await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].code === 'unknown-section');
    const symbols: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'security' });
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.location.uri]),
      [['2.4 Security and privacy', reportUri]],
    );
    fs.writeFileSync(path.join(root, 'reports/report.txt'), REPORT + '2.5 Ethics\nEthics text §2.5: ethics.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: reportUri, type: 2 }] });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('reports no-report once when there is no report', async () => {
    fs.rmSync(path.join(root, 'reports/report.txt'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: reportUri, type: 3 }] });
    const uri = client.open('resources/a.md', resource('§2.3 and §2.4'));
    const diags = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.deepStrictEqual([diags[0].code, diags[0].severity], ['no-report', 3]);
  });
});
