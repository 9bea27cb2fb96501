import * as assert from 'assert';
import { documentFilters, reportGlobsKey } from '../../client/src/reportSelector';

describe('client document selector (client/src/reportSelector.ts)', () => {
  const folder = { uri: 'file:///w/site', name: 'site' };
  const base = { baseUri: folder };

  it("takes a folder's Markdown files and its report files whatever their language", () => {
    assert.deepStrictEqual(documentFilters(folder, ['**/reports/**/*.md', '**/reports/**/*.txt', '']), [
      { scheme: 'file', language: 'markdown', pattern: { ...base, pattern: '**/*' } },
      { scheme: 'file', pattern: { ...base, pattern: '**/reports/**/*.md' } },
      { scheme: 'file', pattern: { ...base, pattern: '**/reports/**/*.txt' } },
    ]);
  });

  it('takes Markdown only in a window without folders (report globs are relative to a folder)', () => {
    assert.deepStrictEqual(documentFilters(undefined, ['**/reports/**/*.txt']), [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-vfs', language: 'markdown' },
      { scheme: 'vscode-test-web', language: 'markdown' },
      { scheme: 'vscode-remote', language: 'markdown' },
    ]);
  });

  it("takes a virtual folder's files on its own scheme (github.dev's vscode-vfs)", () => {
    const vfs = { uri: 'vscode-vfs://github/owner/site', name: 'site' };
    assert.deepStrictEqual(documentFilters(vfs, ['**/reports/**/*.txt']), [
      { scheme: 'vscode-vfs', language: 'markdown', pattern: { baseUri: vfs, pattern: '**/*' } },
      { scheme: 'vscode-vfs', pattern: { baseUri: vfs, pattern: '**/reports/**/*.txt' } },
    ]);
  });

  it('keys the globs so a changed setting is noticed', () => {
    assert.notStrictEqual(reportGlobsKey(['a']), reportGlobsKey(['a', 'b']));
    assert.strictEqual(reportGlobsKey(['a', 'b']), reportGlobsKey(['a', 'b']));
  });
});
