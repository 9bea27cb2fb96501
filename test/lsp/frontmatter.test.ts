import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
import { fileUri, TestClient } from './client';

const lines = (...l: string[]) => ['---', 'title: "A"', 'focus: Bias', 'source: S', 'type: Blog', 'link: https://example.org/a', ...l, '---', 'Body.', ''].join('\n');

/** Line and character of the `|` marker; the text without it. */
function cursor(src: string): { text: string; position: { line: number; character: number } } {
  const before = src.slice(0, src.indexOf('|')).split('\n');
  return { text: src.replace('|', ''), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

describe('language server over stdio: completion, hover, code actions', function () {
  let client: TestClient;
  let root: string;

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-fm-'));
    fs.mkdirSync(path.join(root, 'resources'), { recursive: true });
    client = new TestClient(root);
    await client.initialize();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function completeAt(file: string, src: string): Promise<CompletionList> {
    const { text, position } = cursor(src);
    const uri = client.open(file, text);
    // Resources get diagnostics first; other files none (the server handles messages in order anyway).
    if (file.startsWith('resources/')) await client.waitForDiagnostics(uri, () => true);
    return client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as Promise<CompletionList>;
  }

  it('announces the capabilities', async () => {
    const other = new TestClient(root);
    const result = (await other.connection.sendRequest('initialize', { processId: null, rootUri: fileUri(root), capabilities: {} })) as { capabilities: Record<string, { triggerCharacters?: string[]; codeActionKinds?: string[] } | boolean> };
    await other.stop();
    const caps = result.capabilities;
    const completion = caps.completionProvider as { triggerCharacters: string[] };
    for (const c of [':', ' ', '[', ',', '"', '-']) assert.ok(completion.triggerCharacters.includes(c), c);
    assert.strictEqual(caps.hoverProvider, true);
    assert.deepStrictEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds.sort(), ['quickfix', 'source.fixAll.resources']);
  });

  it('completes every tag with its label after learnTags: [ and narrows on the label as one types', async () => {
    const all = await completeAt('resources/a.md', lines('readability: [Expert]', 'learnTags: [|'));
    assert.ok(all.items.length > 30);
    assert.strictEqual(all.items.find((i) => i.label === 'machineLearning')?.detail, 'AI and Machine Learning');
    const mach = await completeAt('resources/b.md', lines('readability: [Expert]', 'learnTags: [Mach|'));
    assert.deepStrictEqual(mach.items.map((i) => i.label), ['machineLearning']);
    const ai = await completeAt('resources/c.md', lines('readability: [Expert]', 'learnTags: ["bias", "ai|"]'));
    assert.ok(ai.items.some((i) => i.label === 'machineLearning'));
    assert.ok(!ai.items.some((i) => i.label === 'bias'), 'bias is already in the list');
    const edit = ai.items.find((i) => i.label === 'machineLearning')!.textEdit as TextEdit;
    assert.strictEqual(applyTextEdits(cursor(lines('readability: [Expert]', 'learnTags: ["bias", "ai|"]')).text, [edit]),
      lines('readability: [Expert]', 'learnTags: ["bias", "machineLearning"]'));
  });

  it('offers nothing in the body, nor in Markdown that is not a resource', async () => {
    const body = await completeAt('resources/a.md', lines('readability: [Expert]') + 'focus: |');
    assert.deepStrictEqual(body?.items ?? [], []);
    const other = await completeAt('docs/a.md', lines('readability: [Expert]', 'learnTags: [|'));
    assert.deepStrictEqual(other?.items ?? [], []);
  });

  it('hovers a key and a value', async () => {
    const { text } = cursor(lines('readability: [Expert]'));
    const uri = client.open('resources/a.md', text);
    await client.waitForDiagnostics(uri, () => true);
    const key = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } })) as Hover;
    assert.match((key.contents as { value: string }).value, /^\*\*focus\*\* · required/);
    const value = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } })) as Hover;
    assert.match((value.contents as { value: string }).value, /Category: AI ethics and policy/);
  });

  it('offers quick fixes for the diagnostics and fix all as source.fixAll.resources', async () => {
    const text = lines('readability: ["B","E","I"]');
    const uri = client.open('resources/a.md', text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length === 3);
    const quick = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] },
    })) as CodeAction[];
    assert.deepStrictEqual(quick.map((a) => [a.title, a.kind, a.isPreferred]), [["Change to 'Beginner'", 'quickfix', true]]);
    const all = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepStrictEqual(all.map((a) => a.kind), ['source.fixAll.resources']);
    assert.strictEqual(applyTextEdits(text, all[0].edit!.changes![uri]), lines('readability: ["Beginner","Expert","Intermediate"]'));
  });

  it("offers \"Add 'X' to <data file>\" as an edit of the workspace's vocabulary file", async () => {
    fs.mkdirSync(path.join(root, 'src/_data'), { recursive: true });
    const tags = '{\n  "resourceTags": [\n    { "value": "bias", "label": "Bias" }\n  ]\n}\n';
    fs.writeFileSync(path.join(root, 'src/_data/resourceTags.json'), tags);
    await client.stop();
    client = new TestClient(root);
    await client.initialize();
    const uri = client.open('resources/a.md', lines('readability: [Expert]', 'learnTags: [deepLearning]'));
    const [d] = await client.waitForDiagnostics(uri, (ds) => ds.length === 1 && /src\/_data\/resourceTags.json/.test(ds[0].message));
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const add = actions.find((a) => a.title === "Add 'deepLearning' to src/_data/resourceTags.json");
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const fileUriOf = fileUri(path.join(root, 'src/_data/resourceTags.json'));
    assert.strictEqual(applyTextEdits(tags, add.edit!.changes![fileUriOf]),
      '{\n  "resourceTags": [\n    { "value": "bias", "label": "Bias" },\n    { "value": "deepLearning", "label": "Deep Learning" }\n  ]\n}\n');
  });
});
