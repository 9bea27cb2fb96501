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

  it('a .resource-lint.json created or changed re-checks the open resources; a broken one is shown as a settings problem', async () => {
    client = new TestClient(root);
    const registrations: Registration[] = [];
    client.connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      registrations.push(...p.registrations);
      return null;
    });
    const shown: string[] = [];
    client.connection.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    await client.initialize();
    const uri = client.open('resources/a.md', DOC.replace('link:', 'jurisdiction: EU\nlink:'));
    const before = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.strictEqual(before[0].code, 'unknown-field');

    const file = path.join(root, '.resource-lint.json');
    const changed = async (type: number) =>
      client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type }] });
    fs.writeFileSync(
      file,
      '{\n  // the legacy batch\n  "overrides": [{ "files": ["resources/*.md"], "allowFields": ["jurisdiction"] }],\n}\n',
    );
    await changed(1);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);

    fs.writeFileSync(file, '{\n  "severity": { "unknown-field": "loud" }\n}\n');
    await changed(2);
    const after = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.strictEqual(after[0].severity, 2, 'the bundled severity, the wrong one ignored');
    // The notice goes out while the settings load, before the check that publishes these diagnostics.
    assert.strictEqual(shown.length, 1, JSON.stringify(shown));
    assert.match(shown[0], /\.resource-lint\.json line 2: severity\.unknown-field: "loud" is not a severity/);
    // The client's own watchers cover the file at the root: the server asks for none.
    const watchers = registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => r.registerOptions?.watchers ?? []);
    assert.deepStrictEqual(watchers, []);
  });
});
