import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, waitFor, workspaceUri } from './helpers';

/** Only a title: five required fields missing, every one reported on the opening `---`. */
const TITLE_ONLY = ['---', 'title: "A"', '---', '# A heading', ''].join('\n');
const ADD_ALL = 'Add all missing required fields';

describe('10. missing fields and the outline', () => {
  // A file of this test's own, written into the throw-away workspace copy and deleted afterwards, so
  // the example workspace's files (and the other tests' expectations of them) stay as they are.
  const uri = workspaceUri('resources', 'fields-e2e.md');
  const fieldOf = (d: vscode.Diagnostic) => /The required field '([^']+)'/.exec(d.message)?.[1];
  const required = () => ourDiagnostics(uri).filter((d) => codeOf(d) === 'required');
  let document: vscode.TextDocument;
  /**
   * The code actions on a range once one of ours is among them, asked again while there is none or the
   * editor cancels the request (it does when the file's diagnostics are published anew, as the
   * workspace check does after opening).
   */
  const actionsAt = (range: vscode.Range, what: string) =>
    waitFor(what, async () => {
      try {
        const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
        return all.some((a) => a.title.startsWith('Add ')) ? all : undefined;
      } catch (e) {
        if (/Canceled/.test(String(e))) return undefined;
        throw e;
      }
    });

  before(async () => {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(TITLE_ONLY, 'utf8'));
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('the fix offered for each missing field adds that field', async () => {
    const missing = await waitFor('five required diagnostics', () => (required().length === 5 ? required() : undefined));
    const fields = missing.map(fieldOf).sort();
    assert.deepStrictEqual(fields, ['focus', 'link', 'readability', 'source', 'type']);
    // The editor asks with every diagnostic on the range, and all five share the opening ---: one fix
    // per diagnostic, each adding its own field (not five times the first one's).
    const actions = await actionsAt(missing[0].range, 'the code actions on the opening ---');
    const adds = actions.filter((a) => a.title.startsWith('Add the missing field'));
    assert.deepStrictEqual(
      adds.map((a) => a.title).sort(),
      fields.map((f) => `Add the missing field '${f}'`),
      JSON.stringify(actions.map((a) => a.title)),
    );
    for (const a of adds) {
      const field = /'([^']+)'/.exec(a.title)![1];
      assert.strictEqual(a.kind?.value, vscode.CodeActionKind.QuickFix.value);
      const inserted = (a.edit?.get(uri) ?? []).map((e) => e.newText).join('');
      assert.match(inserted, new RegExp(`^${field}: `), `${a.title} inserts ${JSON.stringify(inserted)}`);
    }
  });

  it('"Add all missing required fields", applied, leaves no required diagnostic', async () => {
    const [first] = await waitFor('the required diagnostics', () => (required().length === 5 ? required() : undefined));
    const actions = await actionsAt(first.range, 'the code actions on the opening ---');
    const addAll = (actions ?? []).find((a) => a.title === ADD_ALL);
    assert.ok(addAll?.edit, JSON.stringify((actions ?? []).map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(addAll.edit), 'the editor applied the edit');
    assert.strictEqual(
      document.getText(),
      ['---', 'title: "A"', 'focus: ""', 'source: ""', 'readability: []', 'type: ""', 'link: ""', '---', '# A heading', ''].join('\n'),
    );
    await waitFor('the required diagnostics to go away', () =>
      required().length === 0 && ourDiagnostics(uri).length > 0 ? true : undefined,
    );
    await document.save();
  });

  it('the outline of a resource shows its frontmatter fields', async () => {
    const symbols = await waitFor('document symbols with the frontmatter fields', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return (found ?? []).some((s) => s.name === 'link') ? found : undefined;
    });
    const fields = symbols.filter((s) => s.kind === vscode.SymbolKind.Property);
    assert.deepStrictEqual(
      fields.map((s) => [s.name, s.selectionRange.start.line]),
      [
        ['title', 1],
        ['focus', 2],
        ['source', 3],
        ['readability', 4],
        ['type', 5],
        ['link', 6],
      ],
    );
  });
});
