import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ShownStatus } from '../../../client/src/status';
import { openResource, ourDiagnostics, waitFor } from './helpers';

const showStatus = () => vscode.commands.executeCommand<ShownStatus | undefined>('resourceAuthoring.showStatus');

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('resourceAuthoring.cardPreview'));
}

describe('9. the status bar item on resource and report files', () => {
  after(async () => {
    for (const t of previewTabs()) await vscode.window.tabGroups.close(t);
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('on a resource: the problems the editor shows, and its command opens the card preview', async () => {
    const editor = await openResource('resources', 'needs-work.md');
    const uri = editor.document.uri;
    // The server's count and the editor's diagnostics arrive separately: ask until they agree.
    const shown = await waitFor('the status to count the diagnostics of needs-work.md', async () => {
      const status = await showStatus();
      const shownProblems = ourDiagnostics(uri).length;
      return status && shownProblems > 0 && status.problems === shownProblems ? status : undefined;
    });
    assert.strictEqual(shown.role, 'resource');
    assert.strictEqual(shown.sections, null);
    assert.strictEqual(shown.text, `$(warning) Resources: ${shown.problems} problem${shown.problems === 1 ? '' : 's'}`);
    await waitFor('the card preview of needs-work.md', () => previewTabs().find((t) => t.label === 'Card: needs-work.md'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the editor keeps the focus');
  });

  it('on a report: its numbered sections', async () => {
    const editor = await openResource('reports', 'report.md');
    const headings = editor.document
      .getText()
      .split('\n')
      .filter((l) => /^#+ \d+(\.\d+)* /.test(l)).length;
    assert.ok(headings > 0, 'the example report has numbered headings');
    const shown = await waitFor('the status of the report', async () => {
      const status = await showStatus();
      return status?.role === 'report' ? status : undefined;
    });
    assert.strictEqual(shown.sections, headings);
    assert.match(shown.text, new RegExp(`^\\$\\(book\\) report: ${headings} §`));
  });

  it('on the plain-text report, opened as Plain Text: its sections too', async () => {
    const editor = await openResource('reports', 'extracted.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    const shown = await waitFor('the status of the plain-text report', async () => {
      const status = await showStatus();
      return status?.role === 'report' ? status : undefined;
    });
    assert.ok((shown.sections ?? 0) > 0, 'the extracted report has numbered sections');
    assert.match(shown.text, new RegExp(`^\\$\\(book\\) report: ${shown.sections} §`));
  });

  it('on a Markdown file that is neither: nothing', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n' });
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(await showStatus(), undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
