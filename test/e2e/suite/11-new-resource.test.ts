import * as assert from 'assert';
import * as vscode from 'vscode';
import { diskText, ourDiagnostics, waitFor, workspaceUri } from './helpers';

interface Outcome {
  status: string;
  uri?: string;
  rule?: string;
}

const settle = () => new Promise((r) => setTimeout(r, 250));

describe('11. Resources: New Resource', () => {
  const created: vscode.Uri[] = [];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('creates the file the CMS would name, fills it by Tab and choice to 0 problems, with the card beside it', async () => {
    const outcome = (await vscode.commands.executeCommand('resourceAuthoring.newResource', {
      title: 'Auditing Hiring Models',
      link: 'https://example.org/auditing-hiring',
    })) as Outcome;
    assert.strictEqual(outcome.status, 'created', JSON.stringify(outcome));
    const uri = vscode.Uri.parse(outcome.uri!);
    created.push(uri);
    // The example workspace's resources do not end with their type: the title's slug alone.
    assert.strictEqual(uri.toString(), workspaceUri('resources', 'auditing-hiring-models.md').toString());
    assert.match(outcome.rule ?? '', /slug/);

    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), uri.toString(), 'the new file is the active editor');
    // The cursor is on the first placeholder: the title, selected.
    assert.strictEqual(editor.document.getText(editor.selection), 'Auditing Hiring Models');
    await waitFor('the card preview beside it', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Card: auditing-hiring-models.md'),
    );

    // Tab to focus (a choice: keep the first), source (type over it), readability (choose the next choice), type, link.
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await settle();
    await vscode.commands.executeCommand('hideSuggestWidget');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await editor.edit((b) => b.replace(editor.selection, 'Hiring Lab'));
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await waitFor(
      'the readability choices',
      async () => {
        await settle();
        await vscode.commands.executeCommand('selectNextSuggestion');
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        return /readability: \[?"?Intermediate/.test(editor.document.getText()) ? true : undefined;
      },
      10000,
    );
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await settle();
    await vscode.commands.executeCommand('hideSuggestWidget');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await editor.document.save();

    const text = editor.document.getText();
    assert.match(text, /^---\ntitle: "Auditing Hiring Models"\nfocus: "?[^"\n]+"?\nsource: "Hiring Lab"\n/, text);
    assert.match(text, /\nlink: https:\/\/example.org\/auditing-hiring\n---\n/);
    await waitFor('0 problems', async () => {
      await settle();
      return ourDiagnostics(uri).length === 0 ? true : undefined;
    });
    assert.strictEqual(await diskText(uri), text, 'saved under the expected name');
  });

  it('names the next one with a numeric suffix when the name is taken', async () => {
    const outcome = (await vscode.commands.executeCommand('resourceAuthoring.newResource', {
      title: 'Auditing hiring models!',
      link: '',
    })) as Outcome;
    assert.strictEqual(outcome.status, 'created');
    const uri = vscode.Uri.parse(outcome.uri!);
    created.push(uri);
    assert.strictEqual(uri.toString(), workspaceUri('resources', 'auditing-hiring-models-1.md').toString());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('an empty resource file offers the skeleton first', async () => {
    const uri = workspaceUri('resources', 'empty-e2e.md');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    created.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const list = await waitFor('the skeleton among the completions', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(0, 0),
      );
      return l.items.some((i) => i.label === 'New resource frontmatter') ? l : undefined;
    });
    const item = list.items.find((i) => i.label === 'New resource frontmatter')!;
    assert.ok(item.insertText instanceof vscode.SnippetString);
    assert.match(item.insertText.value, /^---\ntitle: "\$\{1:Title\}"\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
