import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, ourDiagnostics, openResource, rangeOf, waitFor, workspaceUri } from './helpers';

describe('1. opening a resource file', () => {
  it('activates the extension and shows the diagnostics listed in the README (What is checked) on the exact ranges', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    // The runner installs the packaged .vsix and says where: then that copy must be the one running.
    const installedIn = process.env.RESOURCE_AUTHORING_E2E_EXTENSIONS_DIR;
    if (installedIn) assert.ok(extension.extensionPath.startsWith(installedIn), `${extension.extensionPath} is the installed .vsix`);
    await openResource('resources', 'needs-work.md');
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
    const uri = workspaceUri('resources', 'needs-work.md');
    const diagnostics = await waitFor('diagnostics of needs-work.md', () => {
      const ds = ourDiagnostics(uri);
      return ds.length >= 3 ? ds : undefined;
    });
    const seen = diagnostics
      .map((d) => [codeOf(d), rangeOf(d), d.severity])
      .sort((a, b) => JSON.stringify(a[1]).localeCompare(JSON.stringify(b[1])));
    assert.deepStrictEqual(seen, [
      ['required', [0, 0, 0, 3], vscode.DiagnosticSeverity.Error], //          `source` missing: on the opening ---
      ['invalid-value', [3, 14, 3, 17], vscode.DiagnosticSeverity.Error], //  readability: ["E"]
      ['unknown-field', [7, 0, 7, 6], vscode.DiagnosticSeverity.Warning], //  author: (the key)
    ]);
    const invalid = diagnostics.find((d) => codeOf(d) === 'invalid-value');
    assert.match(
      invalid?.message ?? '',
      /'E' is not a readability level\. Did you mean 'Expert'\? Use one of: Beginner, Intermediate, Expert\./,
    );
    // The code in the Problems panel links the code's page (docs/rules) in the repository.
    const code = invalid?.code;
    assert.ok(code && typeof code === 'object', 'the code carries a link');
    assert.match(code.target.toString(), /\/blob\/main\/docs\/rules\/invalid-value\.md$/);
  });
});
