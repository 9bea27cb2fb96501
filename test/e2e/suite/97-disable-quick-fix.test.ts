import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, diskText, ourDiagnostics, waitFor, workspaceUri, writeAndHear } from './helpers';

// A file of its own (CRLF), removed afterwards: the example workspace's fixtures stay as the other tests expect them.
describe('97. the disable quick fix', () => {
  const resource = workspaceUri('resources', 'disable-me.md');
  const text = [
    '---',
    'title: "Disable me"',
    'focus: "Bias"',
    'source: "A lab"',
    'readability: ["Beginner"]',
    'type: "Blog"',
    'link: "https://example.org/disable-me"',
    'flavour: "legacy" # kept for the old site',
    '---',
    'Body',
    '',
  ].join('\r\n');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(resource).then(undefined, () => undefined);
  });

  it('"Disable unknown-field for this line" adds the directive above the line and the diagnostic goes', async () => {
    await writeAndHear([[resource, text]]);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(resource));
    const unknown = await waitFor('the unknown-field diagnostic on "flavour"', () =>
      ourDiagnostics(resource).find((d) => codeOf(d) === 'unknown-field'),
    );
    assert.strictEqual(unknown.range.start.line, 7);

    const fix = await waitFor('the disable quick fix', async () => {
      const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        resource,
        unknown.range,
      );
      return (all ?? []).find((a): a is vscode.CodeAction => a.title === 'Disable unknown-field for this line' && 'edit' in a);
    });
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.notStrictEqual(fix.isPreferred, true, 'silencing a finding is never the preferred fix');
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the editor applied the edit');

    // One line inserted, at the field's indentation, with the file's CRLF; the field and its comment untouched.
    const expected = text.replace('flavour:', '# resource-lint-disable-next-line unknown-field\r\nflavour:');
    assert.strictEqual(editor.document.getText(), expected);
    await waitFor('the unknown-field diagnostic to go', () =>
      ourDiagnostics(resource).some((d) => codeOf(d) === 'unknown-field') ? undefined : true,
    );
    assert.deepStrictEqual(ourDiagnostics(resource).map(codeOf), []);
    assert.ok(await editor.document.save(), 'saved');
    assert.strictEqual(await diskText(resource), expected);
  });

  it('keeps the indentation of an indented line: a directive above a block list item, as the item', async () => {
    const doc = await vscode.workspace.openTextDocument(resource);
    const editor = await vscode.window.showTextDocument(doc);
    const lines = [
      '---',
      'title: "Disable me"',
      'focus: "Bias"',
      'source: "A lab"',
      'readability:',
      '  - "Beginner"',
      '  - "E"',
      'type: "Blog"',
      'link: "https://example.org/disable-me"',
      '---',
      'Body',
      '',
    ];
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    assert.ok(await editor.edit((b) => b.replace(whole, lines.join('\r\n'))));
    const invalid = await waitFor('the invalid-value diagnostic on "E"', () =>
      ourDiagnostics(resource).find((d) => codeOf(d) === 'invalid-value' && d.range.start.line === 6),
    );
    const fix = await waitFor('the disable quick fix', async () => {
      const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        resource,
        invalid.range,
      );
      return (all ?? []).find((a): a is vscode.CodeAction => a.title === 'Disable invalid-value for this line' && 'edit' in a);
    });
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the editor applied the edit');
    assert.strictEqual(doc.lineAt(6).text, '  # resource-lint-disable-next-line invalid-value');
    assert.strictEqual(doc.lineAt(7).text, '  - "E"');
    await waitFor('the invalid-value diagnostic to go', () =>
      ourDiagnostics(resource).some((d) => codeOf(d) === 'invalid-value') ? undefined : true,
    );
    await doc.save();
  });
});
