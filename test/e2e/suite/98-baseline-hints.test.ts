import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, resourceLint, waitFor, workspaceUri, writeAndHear } from './helpers';

const BASELINE = '.resource-lint-baseline.json';

// The baseline is recorded by the CLI itself, as an author would; settings and files are restored afterwards.
describe('98. baselined findings in the editor', () => {
  const resource = workspaceUri('resources', 'legacy.md');
  const baseline = workspaceUri(BASELINE);
  const text = [
    '---',
    'title: "Legacy"',
    'focus: "Bias"',
    'readability: ["Beginner"]',
    'type: "Blog"',
    'link: "https://example.org/legacy"',
    'flavour: "old"',
    '---',
    'Body',
    '',
  ].join('\n');
  const config = () => vscode.workspace.getConfiguration('resourceAuthoring', workspaceUri());
  const unknownField = () => ourDiagnostics(resource).find((d) => codeOf(d) === 'unknown-field');

  after(async () => {
    await config().update('baselineFindings', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    for (const uri of [resource, baseline]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('shows a finding the baseline holds as a "(baselined)" hint, hides it with baselineFindings "hide", and reports it again without the baseline', async () => {
    await writeAndHear([[resource, text]]);
    const before = await waitFor('the unknown-field diagnostic on "flavour"', unknownField);
    assert.ok(before.severity < vscode.DiagnosticSeverity.Hint, `reported as ${vscode.DiagnosticSeverity[before.severity]}`);
    assert.ok(!before.message.startsWith('(baselined) '), before.message);

    const written = resourceLint(workspaceUri().fsPath, ['--root', '.', '--baseline-write', baseline.fsPath]);
    assert.strictEqual(written.status, 0, written.stdout + written.stderr);
    await config().update('baseline', BASELINE, vscode.ConfigurationTarget.Workspace);
    const hint = await waitFor('the finding shown as a baselined hint', () => {
      const d = unknownField();
      return d?.severity === vscode.DiagnosticSeverity.Hint ? d : undefined;
    });
    assert.strictEqual(hint.message, `(baselined) ${before.message}`);
    assert.deepStrictEqual(hint.range, before.range);

    await config().update('baselineFindings', 'hide', vscode.ConfigurationTarget.Workspace);
    await waitFor('the baselined finding to be hidden', () => (unknownField() ? undefined : true));

    await config().update('baselineFindings', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    const again = await waitFor('the finding reported as before', () => {
      const d = unknownField();
      return d && d.severity === before.severity ? d : undefined;
    });
    assert.strictEqual(again.message, before.message);
  });
});
