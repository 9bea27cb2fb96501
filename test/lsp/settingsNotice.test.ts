import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient } from './client';

interface ShowMessage {
  type: number;
  message: string;
}

const DOC = [
  '---',
  'title: "A"',
  'focus: Bias',
  'source: S',
  'readability: [Expert]',
  'type: Blog',
  'link: https://example.org/a',
  'legacy: 1',
  '---',
  'Body.',
  '',
].join('\n');

describe('language server over stdio: settings it ignores are announced', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-settings-'));
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('an unknown severity value and an unknown code in resourceAuthoring.severity: an error notification naming both keys, and a log line', async () => {
    client = new TestClient(root);
    const messages: ShowMessage[] = [];
    const logs: string[] = [];
    client.connection.onNotification('window/showMessage', (p: ShowMessage) => void messages.push(p));
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
    await client.initialize({ severity: { 'unknown-field': 'fatal', 'no-such-code': 'off' } });
    // The notice goes out while the settings load, before the first check that uses them: so once
    // this file's diagnostics arrive, it has arrived too (one stream, in order).
    const uri = client.open('resources/a.md', DOC);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['unknown-field', 2]],
      'the ignored value leaves the default severity',
    );
    assert.strictEqual(messages.length, 1, JSON.stringify(messages));
    assert.strictEqual(messages[0].type, 1, 'an error notification');
    assert.match(messages[0].message, /resourceAuthoring\.severity\.unknown-field: "fatal" is not a severity/);
    assert.match(messages[0].message, /resourceAuthoring\.severity\.no-such-code: 'no-such-code' is not a diagnostic code/);
    assert.ok(
      logs.some((l) => l.includes('resourceAuthoring.severity.unknown-field')),
      JSON.stringify(logs),
    );
    assert.ok(
      logs.some((l) => l.includes('resourceAuthoring.severity.no-such-code')),
      JSON.stringify(logs),
    );
  });
});
