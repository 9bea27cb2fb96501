import * as assert from 'assert';
import * as vscode from 'vscode';
import { diskText, waitFor, workspaceUri, writeAndHear } from './helpers';

const resource = (tags: string) =>
  [
    '---',
    'title: "Renamed tags"',
    'focus: "Bias"',
    'source: "A lab"',
    'readability: ["Expert"]',
    'type: "Blog"',
    'link: "https://example.org/renamed-tags"',
    `learnTags: ${tags}`,
    '---',
    'Body.',
    '',
  ].join('\n');

/** F2 as the editor runs it: the rename provider's edit for the position, applied as a refactoring (saved, as `files.refactoring.autoSave` does). */
async function rename(uri: vscode.Uri, position: vscode.Position, newName: string, touches: vscode.Uri): Promise<void> {
  const edit = await waitFor(`a rename to '${newName}' that reaches ${touches.path}`, async () => {
    try {
      const answer = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        uri,
        position,
        newName,
      );
      // A file written just before is in the index of term uses once the server has checked it.
      return answer?.has(touches) ? answer : undefined;
    } catch {
      return undefined; // the server is still reloading the vocabulary: the position is not a term yet
    }
  });
  assert.ok(await vscode.workspace.applyEdit(edit, { isRefactoring: true }), 'the edit applies');
}

describe('96. the vocabularies as code: rename a tag across the library', () => {
  it('F2 on a tag in a resource, a new name, Enter: the data file and another, unopened resource change on disk', async () => {
    const tagsFile = workspaceUri('src', '_data', 'resourceTags.json');
    const opened = workspaceUri('resources', 'vocab-opened.md');
    const unopened = workspaceUri('resources', 'vocab-unopened.md');
    const tagsBefore = await diskText(tagsFile);
    await writeAndHear([
      [opened, resource('["trust", "ethics"]')],
      [unopened, resource('\n  - trust\n  - bias')],
    ]);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(opened));
    const at = new vscode.Position(7, 'learnTags: ["tr'.length);
    try {
      await rename(opened, at, 'trustworthiness', unopened);
      await waitFor('the renamed tag on disk', async () =>
        (await diskText(unopened)) === resource('\n  - trustworthiness\n  - bias') ? true : undefined,
      );
      assert.strictEqual(await diskText(tagsFile), tagsBefore.replace('"value": "trust"', '"value": "trustworthiness"'));
      assert.strictEqual(editor.document.getText(), resource('["trustworthiness", "ethics"]'));
      // Back again, from the data file's side this time, once the server has the new vocabulary. The
      // command needs the document loaded: for a closed one, VS Code 1.139 passes the new name as an array.
      await vscode.workspace.openTextDocument(tagsFile);
      const line = (await diskText(tagsFile)).split('\n').findIndex((l) => l.includes('"trustworthiness"'));
      await rename(
        tagsFile,
        new vscode.Position(line, (await diskText(tagsFile)).split('\n')[line].indexOf('trustworthiness') + 1),
        'trust',
        unopened,
      );
      await waitFor('the data file as it was', async () => ((await diskText(tagsFile)) === tagsBefore ? true : undefined));
      await waitFor('the resource as it was', async () =>
        (await diskText(unopened)) === resource('\n  - trust\n  - bias') ? true : undefined,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(opened);
      await vscode.workspace.fs.delete(unopened);
    }
  });
});
