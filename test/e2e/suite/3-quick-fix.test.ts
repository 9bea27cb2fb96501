import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, openResource, rangeOf, waitFor, workspaceUri } from './helpers';

describe('3. a quick fix', () => {
  it('changes "E" to "Expert" when applied with workspace.applyEdit, and the diagnostic goes away', async () => {
    const editor = await openResource('resources', 'needs-work.md');
    const resource = workspaceUri('resources', 'needs-work.md');
    const line = 3; // readability: ["E"]
    const invalid = await waitFor('the invalid-value diagnostic on "E"', () =>
      ourDiagnostics(resource).find((d) => codeOf(d) === 'invalid-value'),
    );
    assert.deepStrictEqual(rangeOf(invalid), [line, 14, line, 17]);

    const actions = await waitFor('a quick fix for "E"', async () => {
      const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        resource,
        invalid.range,
      );
      const fixes = (all ?? []).filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && /Expert/.test(a.title));
      return fixes.length > 0 ? fixes : undefined;
    });
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the editor applied the edit');

    // Only the scalar changed: its quotes, the list and the rest of the line are kept.
    assert.strictEqual(editor.document.lineAt(line).text, 'readability: ["Expert"]');
    await waitFor('the invalid-value diagnostic to go away', () =>
      ourDiagnostics(resource).some((d) => codeOf(d) === 'invalid-value') ? undefined : true,
    );
    // The other problems of the file are still reported.
    assert.deepStrictEqual(ourDiagnostics(resource).map(codeOf).sort(), ['required', 'unknown-field']);
  });
});
