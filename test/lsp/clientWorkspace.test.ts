import * as assert from 'assert';
import type { Connection } from 'vscode-languageserver';
import { ClientWorkspace } from '../../server/src/lsp/clientWorkspace';

/** A connection whose client answers every read with the URI it was asked for, and records the asks. */
function fakeConnection(asked: string[]): Connection {
  return {
    sendRequest: async (_type: unknown, params: { uri: string }) => {
      asked.push(params.uri);
      return { text: `text of ${params.uri}` };
    },
    console: { error: () => undefined },
  } as unknown as Connection;
}

describe("the Web Worker's workspace (files through the client)", () => {
  const folder = 'vscode-test-web://mount/site';

  it('in Restricted Mode never asks the client for a file outside the folder, and says why', async () => {
    const asked: string[] = [];
    const ws = new ClientWorkspace(fakeConnection(asked), { folder, settings: async () => ({}), trusted: false });
    assert.strictEqual(await ws.readText('vscode-test-web://mount/secrets/tags.json'), undefined);
    assert.strictEqual(await ws.readText('vscode-test-web://mount/site/../secrets/tags.json'), undefined);
    assert.match(ws.unreadableReason('vscode-test-web://mount/secrets/tags.json') ?? '', /outside the folder.*not trusted/);
    assert.strictEqual(await ws.readText(`${folder}/resources/a.md`), `text of ${folder}/resources/a.md`);
    assert.deepStrictEqual(asked, [`${folder}/resources/a.md`]);
  });

  it('in a trusted workspace reads what the settings name, as the disk host does', async () => {
    const asked: string[] = [];
    const ws = new ClientWorkspace(fakeConnection(asked), { folder, settings: async () => ({}), trusted: true });
    assert.strictEqual(await ws.readText('vscode-test-web://mount/shared/tags.json'), 'text of vscode-test-web://mount/shared/tags.json');
    assert.deepStrictEqual(asked, ['vscode-test-web://mount/shared/tags.json']);
  });
});
