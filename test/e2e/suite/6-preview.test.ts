import * as assert from 'assert';
import * as vscode from 'vscode';
import { openResource, waitFor, workspaceUri } from './helpers';

const VIEW_TYPE = 'resourceAuthoring.cardPreview';

/** The card preview tabs (VS Code prefixes an extension's webview view type, so match the end). */
function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

function tabNamed(label: string): vscode.Tab | undefined {
  return previewTabs().find((t) => t.label === label);
}

describe('6. the card preview', () => {
  after(async () => {
    for (const t of previewTabs()) await vscode.window.tabGroups.close(t);
  });

  it('opens beside the resource, follows the active resource editor, and stays on its file when locked', async () => {
    const editor = await openResource('resources', 'foundation-models.md');
    await vscode.commands.executeCommand('resourceAuthoring.openPreviewToSide');
    const tab = await waitFor('the preview of foundation-models.md', () => tabNamed('Card: foundation-models.md'));
    assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens beside the editor');
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      editor.document.uri.toString(),
      'the editor keeps the focus',
    );

    // Another resource becomes the active editor: the (unlocked) preview follows it.
    await openResource('resources', 'needs-work.md');
    await waitFor('the preview to follow needs-work.md', () => tabNamed('Card: needs-work.md'));
    assert.strictEqual(previewTabs().length, 1);

    // Locked, it stays on needs-work.md; asking for a preview again opens a second one that follows.
    await vscode.commands.executeCommand('resourceAuthoring.togglePreviewLock');
    await waitFor('the preview to be locked', () => tabNamed('[Locked] Card: needs-work.md'));
    await openResource('resources', 'foundation-models.md');
    await vscode.commands.executeCommand('resourceAuthoring.openPreviewToSide');
    await waitFor('a second, unlocked preview', () => tabNamed('Card: foundation-models.md'));
    assert.deepStrictEqual(
      previewTabs()
        .map((t) => t.label)
        .sort(),
      ['Card: foundation-models.md', '[Locked] Card: needs-work.md'],
    );
  });

  it('does not follow a Markdown file that is not a resource', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n' });
    await vscode.window.showTextDocument(doc);
    // The follower is still on the last resource file: give the editor-change event a moment to arrive.
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(
      tabNamed('Card: foundation-models.md'),
      previewTabs()
        .map((t) => t.label)
        .join(', '),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens by itself beside a resource file when resourceAuthoring.preview.openAutomatically is on', async () => {
    for (const t of previewTabs()) await vscode.window.tabGroups.close(t);
    const config = vscode.workspace.getConfiguration('resourceAuthoring');
    await config.update('preview.openAutomatically', true, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openResource('resources', 'draft.md');
      const tab = await waitFor('the preview of draft.md to open', () => tabNamed('Card: draft.md'));
      assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn);
    } finally {
      await config.update('preview.openAutomatically', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('follows the active Markdown file once resourceAuthoring.resourceGlobs makes it a resource', async () => {
    for (const t of previewTabs()) await vscode.window.tabGroups.close(t);
    // A file of this test's own in the throw-away workspace copy: notes/ holds no resources by default.
    const notes = workspaceUri('notes', 'preview-e2e.md');
    await vscode.workspace.fs.writeFile(notes, Buffer.from(['---', 'title: "Notes"', '---', 'Body.', ''].join('\n'), 'utf8'));
    const config = vscode.workspace.getConfiguration('resourceAuthoring');
    try {
      await openResource('resources', 'draft.md');
      await vscode.commands.executeCommand('resourceAuthoring.openPreviewToSide');
      await waitFor('the preview of draft.md', () => tabNamed('Card: draft.md'));
      await openResource('notes', 'preview-e2e.md');
      // Not a resource yet: give the editor-change event and the server's answer a moment to arrive.
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(
        tabNamed('Card: draft.md'),
        previewTabs()
          .map((t) => t.label)
          .join(', '),
      );

      const defaults = config.inspect<string[]>('resourceGlobs')?.defaultValue ?? [];
      await config.update('resourceGlobs', [...defaults, '**/notes/**/*.md'], vscode.ConfigurationTarget.Workspace);
      await waitFor('the preview to follow notes/preview-e2e.md', () => tabNamed('Card: preview-e2e.md'));
      assert.strictEqual(previewTabs().length, 1);
    } finally {
      await config.update('resourceGlobs', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(notes);
      for (const t of previewTabs()) await vscode.window.tabGroups.close(t);
    }
  });
});
