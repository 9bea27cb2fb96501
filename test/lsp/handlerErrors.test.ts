import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient } from './client';

const DOC = [
  '---',
  'title: "A"',
  'focus: Bias',
  'source: S',
  'readability: [Expert]',
  'type: Blog',
  'link: https://example.org/a',
  '---',
  'Body.',
  '',
].join('\n');

describe('language server over stdio: an exception in a handler', function () {
  let client: TestClient;
  let root: string;
  const logged: string[] = [];

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-err-'));
    fs.mkdirSync(path.join(root, 'resources'));
    client = new TestClient(root);
    client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      logged.push(p.message);
    });
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is answered as an error for that request, logged once with the URI; the server carries on', async () => {
    const uri = client.open('resources/a.md', DOC);
    await client.waitForDiagnostics(uri, () => true).catch(() => undefined);
    const requests: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri }, position: null }],
      ['textDocument/completion', { textDocument: { uri } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
    ];
    for (const [method, params] of requests) {
      await assert.rejects(client.connection.sendRequest(method, params), (e: { code?: number; message?: string }) => {
        assert.strictEqual(e.code, -32603, method);
        return true;
      });
    }
    const failures = logged.filter((m) => / failed for /.test(m));
    assert.strictEqual(failures.length, requests.length, failures.join('\n'));
    assert.ok(failures.every((m) => m.includes(uri)));
    // Still answering, and still alive.
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
    assert.ok(symbols.length > 0);
    assert.ok(client.alive);
    assert.strictEqual(client.stderr, '');
  });
});
