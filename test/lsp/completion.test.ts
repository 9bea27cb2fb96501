import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
import { fileUri, TestClient } from './client';
import { cursor, freshName, resource, useWorkspace } from './frontmatterHelpers';

const REPORT = [
  '# 4 Technology',
  '## 4.3 Adaptation',
  'Adapting models, see §4.3: adaptation.',
  '## 4.7 Security and privacy',
  'Threats. §4.7: security',
  '',
].join('\n');

const bundledTags = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../data/vocabularies/resourceTags.json'), 'utf8')) as {
    resourceTags: { value: string; label?: string }[];
  }
).resourceTags;

describe('language server: completion in the frontmatter (and § references beside it)', function () {
  const ws = useWorkspace({ 'reports/report.md': REPORT });

  /** Opens `src` (with a `|` cursor) as a new file and asks for completion there, as the editor does after a keystroke. */
  async function completeAt(
    src: string,
    file = freshName(),
  ): Promise<{ items: CompletionItem[]; list: CompletionList; apply(label: string): string }> {
    const { text, position } = cursor(src);
    const uri = ws.client.open(file, text);
    const list = (await ws.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
    const items = list?.items ?? [];
    return {
      items,
      list,
      apply(label) {
        const item = items.find((i) => i.label === label);
        assert.ok(item, `${label} not among ${JSON.stringify(items.map((i) => i.label))}`);
        return applyTextEdits(text, [item.textEdit as TextEdit]);
      },
    };
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);

  it('announces the trigger characters for values and for § references', async () => {
    const other = new TestClient(ws.root);
    const result = (await other.connection.sendRequest('initialize', { processId: null, rootUri: fileUri(ws.root), capabilities: {} })) as {
      capabilities: { completionProvider: { triggerCharacters: string[] } };
    };
    await other.stop();
    assert.deepStrictEqual(
      [...result.capabilities.completionProvider.triggerCharacters].sort(),
      [' ', '"', ',', '-', '.', ':', '[', '§'].sort(),
    );
  });

  it('after learnTags: [ lists every tag with its label', async () => {
    const { items } = await completeAt(resource('readability: [Expert]', 'learnTags: [|'));
    assert.deepStrictEqual(
      labels(items),
      bundledTags.map((t) => t.value),
    );
    const ml = items.find((i) => i.label === 'machineLearning')!;
    assert.strictEqual(ml.detail, 'AI and Machine Learning');
    assert.strictEqual(ml.labelDetails?.description, 'AI and Machine Learning');
    for (const item of items) {
      const label = bundledTags.find((t) => t.value === item.label)!.label;
      if (label) assert.ok(item.filterText!.includes(label), `${item.label}: filterText ${item.filterText} lacks its label`);
    }
  });

  it('narrows on the tag label as one types: Mach finds machineLearning, ai finds it too', async () => {
    const mach = await completeAt(resource('readability: [Expert]', 'learnTags: [Mach|'));
    assert.deepStrictEqual(labels(mach.items), ['machineLearning']);
    assert.strictEqual(mach.list.isIncomplete, true, 'the server filters on labels, so the editor must ask again as one types');
    assert.strictEqual(mach.apply('machineLearning'), resource('readability: [Expert]', 'learnTags: [machineLearning'));

    const ai = await completeAt(resource('readability: [Expert]', 'learnTags: [ai|]'));
    const ml = ai.items.find((i) => i.label === 'machineLearning')!;
    assert.ok(ml, JSON.stringify(labels(ai.items)));
    // The editor filters on the word typed so far (`ai`): the filterText must start with the label then.
    assert.ok(ml.filterText!.startsWith('AI and Machine Learning'), ml.filterText);
    assert.strictEqual(ai.apply('machineLearning'), resource('readability: [Expert]', 'learnTags: [machineLearning]'));
  });

  it('does not offer values already in the list, in flow and block style', async () => {
    const flow = await completeAt(resource('readability: [Expert, |]'));
    assert.deepStrictEqual(labels(flow.items), ['Beginner', 'Intermediate']);
    const tags = await completeAt(resource('readability: [Expert]', 'learnTags: ["bias", "ethics", "|"]'));
    assert.ok(!labels(tags.items).includes('bias') && !labels(tags.items).includes('ethics'));
    assert.strictEqual(tags.items.length, bundledTags.length - 2);
    const block = await completeAt(resource('readability:', '  - Beginner', '  - |', '  - Expert'));
    assert.deepStrictEqual(labels(block.items), ['Intermediate']);
  });

  it('respects the quote being typed: never ""value"", the closing quote added once', async () => {
    const closed = await completeAt(resource('readability: [Expert]', 'learnTags: ["bias", "ai|"]'));
    assert.strictEqual(closed.apply('machineLearning'), resource('readability: [Expert]', 'learnTags: ["bias", "machineLearning"]'));
    const open = await completeAt(resource('readability: [Expert]', 'learnTags: ["|'));
    assert.strictEqual(open.apply('bias'), resource('readability: [Expert]', 'learnTags: ["bias"'));
    const single = await completeAt(resource('readability: [Expert]', "learnTags: ['bi|']"));
    assert.strictEqual(single.apply('bias'), resource('readability: [Expert]', "learnTags: ['bias']"));
    const focus = await completeAt(resource('readability: [Expert]').replace('focus: Bias', 'focus: "Da|"'));
    assert.strictEqual(focus.apply('Data Set'), resource('readability: [Expert]').replace('focus: Bias', 'focus: "Data Set"'));
  });

  it('after a block list "-" inserts the space it needs', async () => {
    const { apply } = await completeAt(resource('readability: [Expert]', 'learnTags:', '  - bias', '  -|'));
    assert.strictEqual(apply('ethics'), resource('readability: [Expert]', 'learnTags:', '  - bias', '  - ethics'));
  });

  it('after "readability: " a value becomes a one-item list; after "openSource:" the booleans', async () => {
    const list = await completeAt(resource('readability: |'));
    assert.strictEqual(list.apply('Expert'), resource('readability: [Expert]'));
    const bool = await completeAt(resource('readability: [Expert]', 'openSource:|'));
    assert.deepStrictEqual(labels(bool.items), ['false', 'true']);
    assert.strictEqual(bool.apply('false'), resource('readability: [Expert]', 'openSource: false'));
  });

  it('at the start of a line offers the fields not yet present, in schema order', async () => {
    const { items } = await completeAt(resource('|'));
    assert.deepStrictEqual(labels(items), ['readability', 'openSource', 'keywords', 'learnTags', 'summary']);
    assert.strictEqual((items.find((i) => i.label === 'readability')!.textEdit as TextEdit).newText, 'readability: [$1]$0');
  });

  it('works with CRLF line endings', async () => {
    const { apply } = await completeAt(resource('readability: [Expert]', 'learnTags: [Mach|]').replace(/\n/g, '\r\n'));
    assert.strictEqual(apply('machineLearning'), resource('readability: [Expert]', 'learnTags: [machineLearning]').replace(/\n/g, '\r\n'));
  });

  it('offers nothing in the Markdown body, nor in Markdown that is not a resource', async () => {
    const body = await completeAt(`${resource('readability: [Expert]')}focus: |`);
    assert.deepStrictEqual(body.items, []);
    const notResource = await completeAt(resource('readability: [Expert]', 'learnTags: [|'), freshName('docs'));
    assert.deepStrictEqual(notResource.items, []);
  });

  it('still completes § references, in the body and in the summary', async () => {
    const body = await completeAt(`${resource('readability: [Expert]')}See §|`);
    assert.deepStrictEqual(labels(body.items), ['4 Technology', '4.3 Adaptation', '4.7 Security and privacy']);
    const summary = await completeAt(resource('readability: [Expert]', 'summary: Read §4.|'));
    assert.deepStrictEqual(labels(summary.items), ['4.3 Adaptation', '4.7 Security and privacy']);
  });
});
