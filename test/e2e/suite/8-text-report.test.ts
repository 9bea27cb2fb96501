import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, waitFor, workspaceUri } from './helpers';

/**
 * The plain-text report (reports/extracted.txt, what a PDF extracts to) as VS Code opens it: Plain
 * Text, not Markdown. Its chapter 7 is numbered apart from reports/report.md, so the resources'
 * references (and the other suites' expectations) still reach report.md only. Its §7.2 has no
 * heading, as sections of extracted reports often do.
 */
describe('8. a plain-text report', () => {
  const report = workspaceUri('reports', 'extracted.txt');
  let doc: vscode.TextDocument;
  const lineOf = (prefix: string): number => {
    for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
    throw new Error(`no line starting with "${prefix}" in extracted.txt`);
  };
  /** On the "7" of `§7.2: security` in "Risk text cites §7.2: security." */
  const onReference = (): vscode.Position => new vscode.Position(lineOf('Risk text'), 'Risk text cites §'.length);

  before(async () => {
    doc = await vscode.workspace.openTextDocument(report);
    await vscode.window.showTextDocument(doc);
  });

  it('opens as Plain Text', () => {
    assert.strictEqual(doc.languageId, 'plaintext');
  });

  it('hovers a § reference with the section it names', async () => {
    // The server serves the report once its client has taken the document: ask until it answers.
    const text = await waitFor('a hover on §7.2 in the .txt report', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, onReference());
      const t = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return t.includes('§7.2') ? t : undefined;
    });
    assert.match(text, /§7\.2 Security and privacy/);
    assert.match(text, /extracted\.txt/);
  });

  it('goes to the definition: the first line of a section without a heading', async () => {
    const targets = await waitFor('a definition of §7.2', async () => {
      const ds = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        report,
        onReference(),
      );
      return ds && ds.length > 0
        ? ds.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange } : d))
        : undefined;
    });
    assert.strictEqual(targets.length, 1);
    assert.strictEqual(targets[0].uri.toString(), report.toString());
    assert.strictEqual(targets[0].range.start.line, lineOf('As central components'), 'where the text of 7.2 starts, not 7.2.1 Risks');
  });

  it('has an outline of its numbered sections', async () => {
    const symbols = await waitFor('the outline of the .txt report', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', report);
      return s && s.length > 0 ? s : undefined;
    });
    const outline = (s: vscode.DocumentSymbol[]): unknown => s.map((x) => [x.name, outline(x.children)]);
    assert.deepStrictEqual(outline(symbols), [
      [
        '7 METHODS',
        [
          ['7.1 Data', [['7.1.1 Hubs', []]]],
          ['7.2 Security and privacy', [['7.2.1 Risks', []]]],
        ],
      ],
    ]);
  });

  it('completes after § and fixes a misspelt label', async () => {
    const line = doc.lineCount - 1; // the empty line after the last newline
    const typed = new vscode.WorkspaceEdit();
    typed.insert(report, new vscode.Position(line, 0), 'See §7.1: dat and §');
    assert.ok(await vscode.workspace.applyEdit(typed));
    try {
      const end = new vscode.Position(line, 'See §7.1: dat and §'.length);
      const items = await waitFor('§ completion in the .txt report', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', report, end);
        const ours = (list?.items ?? []).filter((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('7.'));
        return ours.length > 0 ? ours : undefined;
      });
      const security = items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '7.2 Security and privacy');
      assert.ok(security, 'the heading-less section is offered');
      // The API hands the server's textEdit back as insertText and range.
      assert.strictEqual(typeof security.insertText === 'string' ? security.insertText : security.insertText?.value, '§7.2: security');

      const mismatch = await waitFor('the section-label-mismatch diagnostic on "dat"', () =>
        ourDiagnostics(report).find((d) => codeOf(d) === 'section-label-mismatch' && d.range.start.line === line),
      );
      assert.strictEqual(doc.getText(mismatch.range), 'dat');
      const fix = await waitFor('a fix for "dat"', async () => {
        const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          report,
          mismatch.range,
        );
        return (all ?? []).find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.title === "Change label to 'data'");
      });
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the editor applied the fix');
      assert.strictEqual(doc.lineAt(line).text, 'See §7.1: data and §');
      await waitFor('the section-label-mismatch diagnostic to go away', () =>
        ourDiagnostics(report).some((d) => codeOf(d) === 'section-label-mismatch') ? undefined : true,
      );
    } finally {
      // Back to the file as it is on disk, so no other test (or UI step) sees the typed line.
      const undo = new vscode.WorkspaceEdit();
      undo.delete(report, new vscode.Range(line, 0, line, doc.lineAt(line).text.length));
      await vscode.workspace.applyEdit(undo);
      await doc.save();
    }
  });

  it('follows resourceAuthoring.reports: a .txt file the setting adds gets the features too', async () => {
    // notes/extracted-notes.txt is no report by default; its chapter 9 is numbered apart from the others.
    const notes = workspaceUri('notes', 'extracted-notes.txt');
    const notesDoc = await vscode.workspace.openTextDocument(notes);
    assert.strictEqual(notesDoc.languageId, 'plaintext');
    const outline = async (): Promise<string[]> =>
      ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', notes)) ?? []).map(
        (s) => s.name,
      );
    const config = vscode.workspace.getConfiguration('resourceAuthoring');
    const defaults = config.inspect<string[]>('reports')?.defaultValue ?? [];
    await config.update('reports', [...defaults, '**/notes/**/*.txt'], vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepStrictEqual(
        await waitFor('the outline of notes/extracted-notes.txt once the setting names it', async () => {
          const names = await outline();
          return names.length > 0 ? names : undefined;
        }),
        ['9 NOTES'],
      );
    } finally {
      await config.update('reports', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('no outline once the setting no longer names it', async () => ((await outline()).length === 0 ? true : undefined));
  });
});
