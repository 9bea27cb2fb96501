import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileUri, TestClient } from './client';

const VALID = ['title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog'];
const doc = (link: string, ...extra: string[]) => ['---', ...VALID, `link: ${link}`, ...extra, '---', 'Body.', ''].join('\n');

interface FullReport {
  kind: 'full' | 'unchanged';
  resultId: string;
  items: Diagnostic[];
}

describe('language server over stdio: pull diagnostics (LSP 3.17) for clients that declare them', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-pull-'));
    fs.mkdirSync(path.join(root, 'resources'));
    fs.writeFileSync(path.join(root, 'resources/closed.md'), doc('https://example.org/closed', 'region: EU'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  const pullClient = async (options: Record<string, unknown> = { trusted: true }) => {
    client = new TestClient(root);
    let refreshes = 0;
    client.connection.onRequest('workspace/diagnostic/refresh', () => void refreshes++);
    await client.initialize({}, options, {
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
      workspace: { diagnostics: { refreshSupport: true } },
    });
    return { client, refreshes: () => refreshes };
  };

  it('answers textDocument/diagnostic for the typed version, unchanged for the same result, and nothing is pushed', async () => {
    const { client } = await pullClient();
    const uri = client.open('resources/open.md', doc('https://example.org/open', 'jurisdiction: EU'));
    const first = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as FullReport;
    assert.strictEqual(first.kind, 'full');
    assert.deepStrictEqual(
      first.items.map((d) => d.code),
      ['unknown-field'],
    );
    const again = (await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    })) as FullReport;
    assert.strictEqual(again.kind, 'unchanged');
    client.change(uri, [{ text: doc('https://example.org/open') }]);
    const typed = (await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    })) as FullReport;
    assert.strictEqual(typed.kind, 'full');
    assert.deepStrictEqual(typed.items, [], 'the answer is for the new text');
    assert.strictEqual(client.diagnostics.size, 0, 'no publishDiagnostics to a pull client');
  });

  it("answers workspace/diagnostic with the closed files' problems, and asks the client to refresh when they change", async () => {
    const { client, refreshes } = await pullClient();
    const closed = fileUri(path.join(root, 'resources/closed.md'));
    const report = (await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as {
      items: (FullReport & { uri: string })[];
    };
    const item = report.items.find((i) => i.uri === closed);
    assert.deepStrictEqual(
      item?.items.map((d) => d.code),
      ['unknown-field'],
    );
    fs.writeFileSync(path.join(root, 'resources/closed.md'), doc('https://example.org/closed'));
    // Long polling: the request waits for the change, then answers with only what changed.
    const next = client.connection.sendRequest('workspace/diagnostic', {
      previousResultIds: [{ uri: closed, value: item!.resultId }],
    }) as Promise<{
      items: (FullReport & { uri: string })[];
    }>;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: closed, type: 2 }] });
    const changed = await next;
    assert.deepStrictEqual(
      changed.items.map((i) => [i.uri, i.items.length]),
      [[closed, 0]],
    );
    assert.ok(refreshes() > 0, 'workspace/diagnostic/refresh was sent');
  });

  it('pushes to a pull-capable client that asks for push (this extension’s own client: initializationOptions.diagnostics "push")', async () => {
    const { client } = await pullClient({ trusted: true, diagnostics: 'push' });
    const uri = client.open('resources/open.md', doc('https://example.org/open', 'jurisdiction: EU'));
    const pushed = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepStrictEqual(
      pushed.map((d) => d.code),
      ['unknown-field'],
    );
  });
});
