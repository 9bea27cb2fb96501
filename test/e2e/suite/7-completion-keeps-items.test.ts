import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers';

/** A resource of the example workspace (quoted values, as the library writes them) with `extra` lines; removed after. */
const resource = (...extra: string[]) =>
  [
    '---',
    'title: "Keeping"',
    'focus: "Bias"',
    'source: "S"',
    'type: "Blog"',
    'link: "https://example.org/keeping"',
    ...extra,
    '---',
    'Body.',
    '',
  ].join('\n');

async function writeAndOpen(name: string, text: string): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
  const uri = workspaceUri('resources', name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return { uri, editor };
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

/**
 * Ctrl+Space at `position`, then Enter, as an author does: the suggest widget's first item is
 * accepted. The widget opens asynchronously, so this asks again until the document changes.
 */
async function suggestAndAccept(editor: vscode.TextEditor, position: vscode.Position): Promise<string> {
  const before = editor.document.getText();
  editor.selection = new vscode.Selection(position, position);
  let asked = 0;
  return waitFor('the suggestion to be accepted', async () => {
    if (asked++ % 20 === 0) await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    const text = editor.document.getText();
    return text !== before ? text : undefined;
  });
}

describe('7. accepting a completion keeps the items already in the list', () => {
  const created: vscode.Uri[] = [];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('flow list: Ctrl+Space right after learnTags: [ and Enter adds the first tag before "bias","ethics"', async () => {
    const { uri, editor } = await writeAndOpen('keep-flow.md', resource('readability: ["Expert"]', 'learnTags: ["bias","ethics"]'));
    created.push(uri);
    const at = new vscode.Position(7, 'learnTags: ['.length);
    // The server has the document once it offers the tags (the ones present are not offered again).
    const offered = await waitFor('the tags to be offered', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
      const tags = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map(labelOf);
      return tags.length > 0 ? tags : undefined;
    });
    assert.ok(!offered.includes('bias') && !offered.includes('ethics'), JSON.stringify(offered));
    const text = await suggestAndAccept(editor, at);
    // The new tag is quoted as its siblings are, with the list's own separator; both items are kept.
    assert.strictEqual(text, resource('readability: ["Expert"]', 'learnTags: ["machineLearning","bias","ethics"]'));
  });

  it('block list: the completion offered after "- " before an item, applied as the editor applies it, keeps the item', async () => {
    const { uri, editor } = await writeAndOpen('keep-block.md', resource('readability:', '  - "Expert"'));
    created.push(uri);
    const at = new vscode.Position(7, '  - '.length);
    const item = await waitFor('Beginner to be offered', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
      return list.items.find((i) => labelOf(i) === 'Beginner');
    });
    // What the editor does on Enter with the default insert mode: the item's insert range, its text.
    const range = item.range instanceof vscode.Range ? item.range : item.range!.inserting;
    const newText = typeof item.insertText === 'string' ? item.insertText : item.insertText!.value;
    assert.ok(await editor.edit((e) => e.replace(range, newText)));
    assert.strictEqual(editor.document.getText(), resource('readability:', '  - "Beginner"', '  - "Expert"'));

    // And through the suggest widget itself: the first suggestion (Intermediate) goes in before the items too.
    const text = await suggestAndAccept(editor, at);
    assert.strictEqual(text, resource('readability:', '  - "Intermediate"', '  - "Beginner"', '  - "Expert"'));
  });
});
