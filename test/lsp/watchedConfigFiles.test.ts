import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, TestClient } from './client';

const BUNDLED_SCHEMA = path.resolve(__dirname, '../../schemas/resource.schema.json');
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

interface Registration {
  method: string;
  registerOptions?: { watchers?: { globPattern: unknown }[] };
}

describe('language server over stdio: configuration files named by settings are watched', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-watch-'));
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('asks the editor to watch resourceAuthoring.schema, and a change to it re-checks open resources', async () => {
    const schemaFile = path.join(root, 'config', 'strict.schema.json');
    fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
    const schema = JSON.parse(fs.readFileSync(BUNDLED_SCHEMA, 'utf8')) as { required: string[] };
    fs.writeFileSync(schemaFile, JSON.stringify(schema));
    // A data file under its usual name inside the folder: the client's own watchers cover it.
    fs.mkdirSync(path.join(root, 'src', '_data'), { recursive: true });
    fs.copyFileSync(
      path.resolve(__dirname, '../../data/vocabularies/resourceTags.json'),
      path.join(root, 'src', '_data', 'resourceTags.json'),
    );

    client = new TestClient(root);
    const registrations: Registration[] = [];
    client.connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      registrations.push(...p.registrations);
      return null;
    });
    await client.initialize({ schema: 'config/strict.schema.json' });
    const uri = client.open('resources/a.md', DOC);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);

    const watch = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, JSON.stringify(registrations));
    assert.deepStrictEqual(watch.registerOptions?.watchers, [
      { globPattern: { baseUri: fileUri(path.dirname(schemaFile)), pattern: 'strict.schema.json' } },
    ]);

    schema.required.push('keywords');
    fs.writeFileSync(schemaFile, JSON.stringify(schema));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(schemaFile), type: 2 }] });
    const after = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.strictEqual(after[0].code, 'required');
    assert.match(String(after[0].message), /keywords/);
  });
});
