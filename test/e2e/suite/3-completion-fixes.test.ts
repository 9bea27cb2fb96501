import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, waitFor, workspaceUri } from './helpers';

/** A resource of the example workspace with `extra` frontmatter lines; written by the test, removed after. */
const resource = (...extra: string[]) =>
  [
    '---',
    'title: "Typing"',
    'focus: "Bias"',
    'source: "S"',
    'type: "Blog"',
    'link: "https://example.org/typing"',
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

async function completions(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('3. completion, quick fixes and fix all on save', () => {
  const created: vscode.Uri[] = [];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it("typing learnTags: [ lists the workspace's tags with their labels; Mach narrows to machineLearning", async () => {
    const { uri, editor } = await writeAndOpen('typing.md', resource('readability: ["Expert"]', 'learnTags: ['));
    created.push(uri);
    await waitFor('the server to check typing.md', () => (vscode.languages.getDiagnostics(uri).length > 0 ? true : undefined));
    const after = new vscode.Position(7, 'learnTags: ['.length);
    const all = await completions(uri, after, '[');
    assert.deepStrictEqual(all.map(labelOf), ['machineLearning', 'bias', 'dataset', 'ethics', 'methods', 'trust']);
    assert.strictEqual(all[0].detail, 'AI and Machine Learning');

    await editor.edit((e) => e.insert(after, 'Mach'));
    const narrowed = await completions(uri, after.translate(0, 4));
    assert.deepStrictEqual(narrowed.map(labelOf), ['machineLearning']);
  });

  it('a quick fix is offered for a wrong value and is the preferred one', async () => {
    const { uri } = await writeAndOpen('quick.md', resource('readability: ["Intermed"]'));
    created.push(uri);
    const [d] = await waitFor('invalid-value on quick.md', () => {
      const ds = ourDiagnostics(uri).filter((x) => codeOf(x) === 'invalid-value');
      return ds.length ? ds : undefined;
    });
    // The first diagnostic may come from the workspace scan of the new file on disk, before the
    // server has the open document the fixes are computed on: ask until the fix is there.
    let titles: string[] = [];
    const change = await waitFor('the fix "Change to \'Intermediate\'"', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      titles = (actions ?? []).map((a) => a.title);
      return (actions ?? []).find((a) => a.title === "Change to 'Intermediate'");
    });
    assert.strictEqual(change.isPreferred, true, JSON.stringify(titles));
  });

  it('with editor.codeActionsOnSave source.fixAll, saving turns ["B","E","I"] into ["Beginner","Expert","Intermediate"]', async () => {
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await settings.update('codeActionsOnSave', { 'source.fixAll': 'always' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const { uri, editor } = await writeAndOpen('save.md', resource('readability: ["B","E","I"]', 'colour: blue'));
      created.push(uri);
      await waitFor('three invalid values on save.md', () =>
        ourDiagnostics(uri).filter((x) => codeOf(x) === 'invalid-value').length === 3 ? true : undefined,
      );
      await editor.edit((e) => e.insert(new vscode.Position(9, 'Body.'.length), ' Edited.'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const fixed = await waitFor('the fixes applied on save', () => {
        const text = editor.document.getText();
        return text.includes('"Beginner"') ? text : undefined;
      });
      // Every preferred fix in one go; the unknown field (a deletion) stays for a person to decide.
      assert.strictEqual(
        fixed,
        resource('readability: ["Beginner","Expert","Intermediate"]', 'colour: blue').replace('Body.', 'Body. Edited.'),
      );
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });
});
