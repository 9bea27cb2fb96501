import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ourDiagnostics, waitFor, workspaceUri } from './helpers';

/** What the command returns (client/src/fixWorkspace.ts). */
interface FixWorkspaceOutcome {
  status: 'nothing' | 'cancelled' | 'applied' | 'discarded';
  problems: number;
  files: number;
}

const resource = (readability: string, link: string) =>
  [
    '---',
    'title: "Fix me"',
    'focus: "Bias"',
    'source: "A lab"',
    `readability: [${readability}]`,
    'type: "Blog"',
    `link: "${link}"`,
    '---',
    'Body\twith  spaces',
    '',
  ].join('\n');

const bytes = (text: string) => new TextEncoder().encode(text);
const textOf = async (uri: vscode.Uri) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));

// Last in the suite: it fixes every fixable file of the example workspace.
describe('99. fix all resource problems in the workspace', () => {
  const crlf = workspaceUri('resources', 'fix-crlf.md');
  const plain = workspaceUri('resources', 'fix-plain.md');
  const crlfText = `\ufeff${resource('"B"', 'https://example.org/fix-crlf').replace(/\n/g, '\r\n')}`;
  const plainText = resource('I', 'https://example.org/fix-plain');

  after(async () => {
    for (const uri of [crlf, plain]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('shows the changes in the refactor preview and, applied, fixes files never opened, keeping BOM, CRLF and body', async () => {
    await vscode.workspace.fs.writeFile(crlf, bytes(crlfText));
    await vscode.workspace.fs.writeFile(plain, bytes(plainText));
    for (const uri of [crlf, plain])
      await waitFor(`the invalid-value diagnostic of ${uri.path}`, () =>
        ourDiagnostics(uri).some((d) => codeOf(d) === 'invalid-value') ? true : undefined,
      );

    let outcome: FixWorkspaceOutcome | undefined;
    const running = Promise.resolve(vscode.commands.executeCommand<FixWorkspaceOutcome>('resourceAuthoring.fixWorkspace')).then((o) => {
      outcome = o;
    });
    // The preview waits for a click on Apply: press it as the author would, once it is there.
    await waitFor('the refactor preview to be applied', async () => {
      if (outcome) return true;
      await vscode.commands.executeCommand('refactorPreview.apply').then(undefined, () => undefined);
      return outcome ? true : undefined;
    });
    await running;
    assert.strictEqual(outcome!.status, 'applied');
    assert.ok(outcome!.files >= 2, JSON.stringify(outcome));

    await waitFor('the fixed files saved', async () => ((await textOf(plain)).includes('[Intermediate]') ? true : undefined));
    assert.strictEqual(await textOf(plain), plainText.replace('[I]', '[Intermediate]'));
    assert.strictEqual(await textOf(crlf), crlfText.replace('["B"]', '["Beginner"]'));
    await waitFor('the invalid-value diagnostics to go', () =>
      [crlf, plain].some((uri) => ourDiagnostics(uri).some((d) => codeOf(d) === 'invalid-value')) ? undefined : true,
    );
  });

  it('says so when there is nothing left to fix', async () => {
    const outcome = await vscode.commands.executeCommand<FixWorkspaceOutcome>('resourceAuthoring.fixWorkspace');
    assert.deepStrictEqual(outcome, { status: 'nothing', problems: 0, files: 0 });
  });
});
