import * as assert from 'assert';
import * as vscode from 'vscode';
import { openResource, waitFor, workspaceUri } from './helpers';

/** Markdown text of every hover part, joined: what the author reads. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Definition results come as Location or LocationLink depending on the provider: both name a file and a range. */
function targetOf(d: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in d ? { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange } : d;
}

describe('4. a section reference in a resource', () => {
  // foundation-models.md, line 11: summary: "…; on attacks see §4.7: security."
  const resource = workspaceUri('resources', 'foundation-models.md');
  const report = workspaceUri('reports', 'report.md');

  async function referencePosition(): Promise<vscode.Position> {
    const editor = await openResource('resources', 'foundation-models.md');
    const line = 10;
    const character = editor.document.lineAt(line).text.indexOf('§4.7');
    assert.ok(character > 0, 'the fixture cites §4.7 on line 11');
    return new vscode.Position(line, character + 2); // on the "4" of §4.7
  }

  it('hover names the section of the report it reaches', async () => {
    const at = await referencePosition();
    // The report is indexed once the server has discovered it: ask until the answer is there.
    const text = await waitFor('a hover on §4.7', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', resource, at);
      const t = hoverText(hovers ?? []);
      return t.includes('§4.7') ? t : undefined;
    });
    assert.match(text, /§4\.7 Security and privacy/);
    assert.match(text, /report\.md/);
    assert.match(text, /machine learning models must/, 'an excerpt of the section itself');
  });

  it("go to definition lands on the section's heading in reports/report.md", async () => {
    const at = await referencePosition();
    const targets = await waitFor('a definition of §4.7', async () => {
      const ds = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        resource,
        at,
      );
      return ds && ds.length > 0 ? ds.map(targetOf) : undefined;
    });
    assert.strictEqual(targets.length, 1);
    assert.strictEqual(targets[0].uri.toString(), report.toString());
    const reportDoc = await vscode.workspace.openTextDocument(report);
    // `### 4.7 Security and privacy` on line 12: the heading's text, without the hashes.
    assert.strictEqual(reportDoc.getText(targets[0].range), '4.7 Security and privacy');
    assert.strictEqual(targets[0].range.start.line, 11);
  });
});
