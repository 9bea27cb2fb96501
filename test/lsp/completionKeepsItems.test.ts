import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CompletionItem, CompletionList, InsertReplaceEdit, Range, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
import { fileUri, TestClient } from './client';
import { cursor, freshName, resource, useWorkspace } from './frontmatterHelpers';

async function completeWith(
  client: TestClient,
  src: string,
  file = freshName(),
): Promise<{ items: CompletionItem[]; text: string; position: { line: number; character: number } }> {
  const { text, position } = cursor(src);
  const uri = client.open(file, text);
  const list = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
  return { items: list?.items ?? [], text, position };
}

function applied(text: string, item: CompletionItem | undefined, range?: (e: InsertReplaceEdit) => Range): string {
  assert.ok(item, 'the value is offered');
  const e = item.textEdit!;
  if (!range) return applyTextEdits(text, [e as TextEdit]);
  return applyTextEdits(text, [{ range: range(e as InsertReplaceEdit), newText: e.newText }]);
}

/** Both ends of a range as [line, character] pairs, for compact assertions. */
const ends = (r: Range) => [r.start.line, r.start.character, r.end.line, r.end.character];

describe('language server: accepting a completion keeps the list items already written', function () {
  const ws = useWorkspace();

  // Each case: the source with the cursor, the value accepted, the text expected after.
  const cases: [string, string[], string, string[]][] = [
    [
      'at [ before the items',
      ['learnTags: [|"business","education"]'],
      'machineLearning',
      ['learnTags: ["machineLearning","business","education"]'],
    ],
    [
      'right after a comma',
      ['learnTags: ["business",|"education"]'],
      'machineLearning',
      ['learnTags: ["business","machineLearning","education"]'],
    ],
    [
      'before an existing item after ", "',
      ['readability: [Beginner, |Expert]'],
      'Intermediate',
      ['readability: [Beginner, Intermediate, Expert]'],
    ],
    ['inside a partial token', ['learnTags: [bias, Mach|, ethics]'], 'machineLearning', ['learnTags: [bias, machineLearning, ethics]']],
    [
      'after "- " in a block list, before an item',
      ['learnTags:', '  - |bias', '  - ethics'],
      'trust',
      ['learnTags:', '  - trust', '  - bias', '  - ethics'],
    ],
  ];
  for (const [name, lines, label, expected] of cases) {
    it(`${name}: ${lines.join(' ⏎ ')}`, async () => {
      const { items, text } = await completeWith(ws.client, resource(...lines));
      const item = items.find((i) => i.label === label);
      assert.ok(item && 'range' in item.textEdit!, 'a plain TextEdit for a client without insertReplaceSupport');
      assert.strictEqual(applied(text, item), resource(...expected));
    });
  }

  it("a new item line is inserted as is: the editor must not add the current line's indentation to it", async () => {
    const { items } = await completeWith(ws.client, resource('learnTags:', '  - |bias'));
    assert.strictEqual(items.find((i) => i.label === 'trust')!.insertTextMode, 1 /* InsertTextMode.asIs */);
    const inline = await completeWith(ws.client, resource('learnTags: [|bias]'));
    assert.strictEqual(inline.items.find((i) => i.label === 'trust')!.insertTextMode, undefined);
  });

  describe('with insertReplaceSupport in the client capabilities', () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient(ws.root);
      await client.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: fileUri(ws.root),
        capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true, insertReplaceSupport: true } } } },
        initializationOptions: { trusted: true },
      });
      await client.connection.sendNotification('initialized', {});
    });
    after(() => client.stop());

    it('gives both ranges: insert ending at the cursor, replace at the end of the token', async () => {
      const { items, text, position } = await completeWith(client, resource('learnTags: [bias, Mach|ine, ethics]'));
      const item = items.find((i) => i.label === 'machineLearning')!;
      const edit = item.textEdit as InsertReplaceEdit;
      const start = 'learnTags: [bias, '.length;
      assert.deepStrictEqual(ends(edit.insert), [position.line, start, position.line, position.character]);
      assert.deepStrictEqual(ends(edit.replace), [position.line, start, position.line, start + 'Machine'.length]);
      assert.strictEqual(
        applied(text, item, (e) => e.replace),
        resource('learnTags: [bias, machineLearning, ethics]'),
      );
    });

    it('at [ before an item both ranges are empty at the cursor, and the items stay', async () => {
      const { items, text, position } = await completeWith(client, resource('learnTags: [|"business","education"]'));
      const item = items.find((i) => i.label === 'machineLearning')!;
      const edit = item.textEdit as InsertReplaceEdit;
      const here = [position.line, position.character, position.line, position.character];
      assert.deepStrictEqual([ends(edit.insert), ends(edit.replace)], [here, here]);
      assert.strictEqual(
        applied(text, item, (e) => e.insert),
        resource('learnTags: ["machineLearning","business","education"]'),
      );
    });
  });
});

describe('language server: completion writes values in the style of the file, else of the library', function () {
  let root: string;
  let client: TestClient;
  const library = (name: string, extra: string) =>
    [
      '---',
      `title: "${name}"`,
      'focus: "Bias"',
      'source: "S"',
      'type: "Blog"',
      `link: "https://example.org/${name}"`,
      'readability:',
      '  - "Expert"',
      'learnTags:',
      '  - "bias"',
      extra,
      '---',
      'Body.',
      '',
    ].join('\n');

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-style-'));
    fs.mkdirSync(path.join(root, 'resources'));
    fs.writeFileSync(path.join(root, 'resources', 'a.md'), library('a', 'keywords: []'));
    fs.writeFileSync(path.join(root, 'resources', 'b.md'), library('b', 'keywords: []'));
    // One mistake, so the workspace check publishes something to wait for.
    fs.writeFileSync(path.join(root, 'resources', 'c.md'), library('c', 'colour: "blue"'));
    client = new TestClient(root);
    await client.initialize();
    await client.waitForDiagnostics(fileUri(path.join(root, 'resources', 'c.md')), (d) => d.length > 0, 15000);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a file that quotes its values gets quoted values; one that does not, plain ones', async () => {
    const quoted = await completeWith(client, ['---', 'title: T', 'focus: "Bias"', 'type: |', '---', ''].join('\n'));
    assert.strictEqual(
      applied(
        quoted.text,
        quoted.items.find((i) => i.label === 'Blog'),
      ),
      ['---', 'title: T', 'focus: "Bias"', 'type: "Blog"', '---', ''].join('\n'),
    );
    const plain = await completeWith(client, ['---', 'focus: Bias', 'learnTags: [|]', '---', ''].join('\n'));
    assert.strictEqual(
      applied(
        plain.text,
        plain.items.find((i) => i.label === 'ethics'),
      ),
      ['---', 'focus: Bias', 'learnTags: [ethics]', '---', ''].join('\n'),
    );
  });

  it("a file of flow lists gets a flow list; a new file gets the library's block lists and double quotes", async () => {
    const flow = await completeWith(client, ['---', 'focus: Bias', 'readability: [Expert]', 'learnTags: |', '---', ''].join('\n'));
    assert.strictEqual(
      applied(
        flow.text,
        flow.items.find((i) => i.label === 'ethics'),
      ),
      ['---', 'focus: Bias', 'readability: [Expert]', 'learnTags: [ethics]', '---', ''].join('\n'),
    );
    const fresh = await completeWith(client, ['---', 'title: New', 'learnTags: |', '---', ''].join('\n'));
    assert.strictEqual(
      applied(
        fresh.text,
        fresh.items.find((i) => i.label === 'ethics'),
      ),
      ['---', 'title: New', 'learnTags:', '  - "ethics"', '---', ''].join('\n'),
    );
    const key = await completeWith(client, ['---', 'title: New', '|', '---', ''].join('\n'));
    assert.strictEqual((key.items.find((i) => i.label === 'readability')!.textEdit as TextEdit).newText, 'readability:\n  - $1$0');
  });
});
