import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, waitFor } from '../helpers';

// Runs with test/e2e/multiroot/sites.code-workspace open: two folders, the same resource text in
// each, and a different resourceTags.json in each (site-b knows only "robotics").
describe('multi-root: each workspace folder is checked against its own vocabularies', () => {
  // The window may still be resolving the .code-workspace's folders when the suite starts.
  async function folder(name: string): Promise<vscode.WorkspaceFolder> {
    try {
      return await waitFor(`the folder ${name} to be open`, () => vscode.workspace.workspaceFolders?.find((w) => w.name === name));
    } catch (e) {
      const open = vscode.workspace.workspaceFolders?.map((w) => `${w.name}=${w.uri.toString()}`);
      throw new Error(`${String(e)} (window: ${String(vscode.workspace.workspaceFile)}, folders: ${JSON.stringify(open)})`, { cause: e });
    }
  }

  async function invalidValues(name: string): Promise<string[]> {
    const uri = vscode.Uri.joinPath((await folder(name)).uri, 'resources', 'robots.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await waitFor(`diagnostics in ${name}`, () => {
      const found = ourDiagnostics(uri);
      return found.length ? found : undefined;
    });
    assert.deepStrictEqual(ds.map(codeOf), ['invalid-value']);
    return ds.map((d) => d.message);
  }

  it("the same learnTags are judged by site-a's tags in site-a and by site-b's in site-b", async () => {
    assert.match((await invalidValues('site-a')).join('\n'), /'robotics' is not a learn tag/);
    assert.match((await invalidValues('site-b')).join('\n'), /'machineLearning' is not a learn tag/);
  });

  it("a tag file changed in one folder changes only that folder's verdicts", async () => {
    const tagsFile = vscode.Uri.joinPath((await folder('site-b')).uri, 'src', '_data', 'resourceTags.json');
    const tags = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(tagsFile)).toString('utf8')) as { resourceTags: unknown[] };
    tags.resourceTags.push({ value: 'machineLearning', label: 'AI and Machine Learning' });
    await vscode.workspace.fs.writeFile(tagsFile, Buffer.from(JSON.stringify(tags, null, 2) + '\n'));
    const inB = vscode.Uri.joinPath((await folder('site-b')).uri, 'resources', 'robots.md');
    await waitFor("site-b's diagnostic to go away", () => (ourDiagnostics(inB).length === 0 ? true : undefined));
    const inA = vscode.Uri.joinPath((await folder('site-a')).uri, 'resources', 'robots.md');
    assert.deepStrictEqual(ourDiagnostics(inA).map(codeOf), ['invalid-value']);
  });

  it('a folder added to the window gets its own server (bundled vocabularies); removing it withdraws its problems', async () => {
    const first = await folder('site-a');
    const siteC = vscode.Uri.joinPath(first.uri, '..', 'site-c');
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    // Added after the others, so the first folder is unchanged and the extension host keeps running.
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: siteC, name: 'site-c' }));
    const inC = vscode.Uri.joinPath((await folder('site-c')).uri, 'resources', 'robots.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(inC));
    const ds = await waitFor('diagnostics in site-c', () => {
      const found = ourDiagnostics(inC);
      return found.length ? found : undefined;
    });
    assert.deepStrictEqual(ds.map(codeOf), ['invalid-value']);
    assert.match(ds[0].message, /'robotics' is not a learn tag in the bundled resourceTags\.json/);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 1));
    await waitFor("site-c's problems to be withdrawn with its server", () => (ourDiagnostics(inC).length === 0 ? true : undefined));
  });
});
