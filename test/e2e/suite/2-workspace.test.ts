import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, waitFor, workspaceUri } from './helpers';

describe('2. workspace-wide diagnostics', () => {
  it('the Problems panel lists the problems of resource files nobody opened', async () => {
    // new-tag.md is opened only by suite 5; "robotics" is not (yet) in the workspace's tags.
    const uri = workspaceUri('resources', 'new-tag.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'new-tag.md is not open');
    const diagnostics = await waitFor('diagnostics of the unopened new-tag.md', () => {
      const ds = ourDiagnostics(uri);
      return ds.length ? ds : undefined;
    });
    assert.deepStrictEqual(diagnostics.map(codeOf), ['invalid-value']);
    // never-opened.md is opened by no test: its type is not one of the workspace's resourceTypes.json.
    const never = await waitFor('diagnostics of never-opened.md', () => {
      const ds = ourDiagnostics(workspaceUri('resources', 'never-opened.md'));
      return ds.length ? ds : undefined;
    });
    assert.deepStrictEqual(
      never.map((d) => [codeOf(d), d.message]),
      [['invalid-value', "'Podcast' is not a resource type in src/_data/resourceTypes.json. Use one of: Blog, PDF Article, Video."]],
    );
  });
});
