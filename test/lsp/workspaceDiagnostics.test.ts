import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, TestClient } from './client';

const VALID = ['title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog'];
const doc = (link: string, ...extra: string[]) => ['---', ...VALID, `link: ${link}`, ...extra, '---', 'Body.', ''].join('\n');

/** FileChangeType in LSP. */
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

const codes = (d: { code?: unknown }[]) => d.map((x) => String(x.code));

describe('language server over stdio: workspace-wide diagnostics', function () {
  this.timeout(20000);
  let client: TestClient;
  let root: string;
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return fileUri(file);
  };
  const watched = (changes: { uri: string; type: number }[]) =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  const start = async (settings: Record<string, unknown> = {}) => {
    client = new TestClient(root);
    await client.initialize(settings);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-ws-'));
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics for resource files that were never opened, and only for resource files', async () => {
    const broken = write('resources/broken.md', doc('https://example.org/broken', 'learnTags: [nope]'));
    const clean = write('resources/clean.md', doc('https://example.org/clean'));
    const noFrontmatter = write('resources/deep/er/empty.md', '# no frontmatter\n');
    write('node_modules/pkg/resources/x.md', '# skipped\n');
    write('docs/readme.md', '# not a resource\n');
    await start();
    assert.deepStrictEqual(codes(await client.waitForDiagnostics(broken, (d) => d.length > 0)), ['invalid-value']);
    assert.deepStrictEqual(codes(await client.waitForDiagnostics(noFrontmatter, (d) => d.length > 0)), ['frontmatter-missing']);
    // A clean file that never had problems gets no (empty) publication: the editor shows it clean anyway.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(client.diagnostics.get(clean), undefined);
    const uris = [...client.diagnostics.keys()];
    assert.ok(!uris.some((u) => u.includes('node_modules') || u.includes('docs/')), uris.join('\n'));
  });

  it('duplicate-resource: both files are warned with related information; deleting one clears its partner', async () => {
    const one = write('resources/one.md', doc('https://Example.org/same/'));
    const two = write('resources/two.md', doc('https://example.org/same'));
    await start();
    const [d1] = await client.waitForDiagnostics(one, (d) => d.length === 1);
    assert.strictEqual(d1.code, 'duplicate-resource');
    assert.strictEqual(d1.severity, 2);
    assert.match(String(d1.message), /resources\/two\.md/);
    assert.deepStrictEqual(
      d1.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [[two, 6]],
    );
    await client.waitForDiagnostics(two, (d) => d.length === 1 && d[0].code === 'duplicate-resource');
    fs.rmSync(path.join(root, 'resources/two.md'));
    await watched([{ uri: two, type: DELETED }]);
    await client.waitForDiagnostics(one, (d) => d.length === 0);
    await client.waitForDiagnostics(two, (d) => d.length === 0);
  });

  it('created and changed files on disk update the picture, including a new duplicate partner', async () => {
    const one = write('resources/one.md', doc('https://example.org/one'));
    await start();
    const created = write('resources/new.md', doc('https://example.org/one', 'legacy: 1'));
    await watched([{ uri: created, type: CREATED }]);
    assert.deepStrictEqual(codes(await client.waitForDiagnostics(created, (d) => d.length === 2)), ['duplicate-resource', 'unknown-field']);
    await client.waitForDiagnostics(one, (d) => d.length === 1 && d[0].code === 'duplicate-resource');
    write('resources/new.md', doc('https://example.org/new'));
    await watched([{ uri: created, type: CHANGED }]);
    await client.waitForDiagnostics(created, (d) => d.length === 0);
    await client.waitForDiagnostics(one, (d) => d.length === 0);
  });

  it('an open document and a file on disk with the same link: editing the link clears both', async () => {
    const onDisk = write('resources/disk.md', doc('https://example.org/same'));
    const edited = write('resources/edited.md', doc('https://example.org/other'));
    await start();
    client.open('resources/edited.md', doc('https://example.org/same'));
    await client.waitForDiagnostics(edited, (d, p) => p.version === 1 && d.length === 1 && d[0].code === 'duplicate-resource');
    await client.waitForDiagnostics(onDisk, (d) => d.length === 1 && d[0].code === 'duplicate-resource');
    client.change(edited, [{ text: doc('https://example.org/edited') }]);
    await client.waitForDiagnostics(edited, (d, p) => p.version === 2 && d.length === 0);
    await client.waitForDiagnostics(onDisk, (d) => d.length === 0);
  });

  it('a rename (delete + create) moves the diagnostics to the new name', async () => {
    const before = write('resources/old-name.md', doc('https://example.org/x', 'legacy: 1'));
    await start();
    await client.waitForDiagnostics(before, (d) => d.length === 1);
    fs.renameSync(path.join(root, 'resources/old-name.md'), path.join(root, 'resources/new-name.md'));
    const after = fileUri(path.join(root, 'resources/new-name.md'));
    await watched([
      { uri: before, type: DELETED },
      { uri: after, type: CREATED },
    ]);
    await client.waitForDiagnostics(after, (d) => d.length === 1 && d[0].code === 'unknown-field');
    await client.waitForDiagnostics(before, (d) => d.length === 0);
  });

  it('a folder renamed with no event for its files: the next settings change checks them under the new name', async () => {
    const before = write('resources/a/x.md', doc('https://example.org/x', 'legacy: 1'));
    await start();
    await client.waitForDiagnostics(before, (d) => d.length === 1);
    fs.renameSync(path.join(root, 'resources/a'), path.join(root, 'resources/b'));
    // Watchers of file globs name no file of a renamed folder: at most the folders themselves.
    await watched([
      { uri: fileUri(path.join(root, 'resources/a')), type: DELETED },
      { uri: fileUri(path.join(root, 'resources/b')), type: CREATED },
    ]);
    await client.waitForDiagnostics(before, (d) => d.length === 0);
    client.settings = { severity: { 'unknown-field': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = fileUri(path.join(root, 'resources/b/x.md'));
    assert.deepStrictEqual(
      (await client.waitForDiagnostics(after, (d) => d.length === 1)).map((d) => [d.code, d.severity]),
      [['unknown-field', 1]],
    );
  });

  it('open documents use the editor text; closing one shows its file on disk again', async () => {
    const uri = write('resources/a.md', doc('https://example.org/a', 'legacy: 1'));
    await start();
    await client.waitForDiagnostics(uri, (d) => d.length === 1);
    client.open('resources/a.md', doc('https://example.org/a'));
    await client.waitForDiagnostics(uri, (d, p) => p.version === 1 && d.length === 0);
    client.close(uri);
    await client.waitForDiagnostics(uri, (d, p) => p.version === undefined && d.length === 1 && d[0].code === 'unknown-field');
  });

  it('with resourceAuthoring.workspaceDiagnostics off, only open documents get diagnostics', async () => {
    const closed = write('resources/closed.md', doc('https://example.org/closed', 'legacy: 1'));
    const openedOnDisk = write('resources/open.md', doc('https://example.org/open'));
    await start({ workspaceDiagnostics: false });
    const opened = client.open('resources/open.md', doc('https://example.org/open', 'legacy: 2'));
    assert.strictEqual(opened, openedOnDisk);
    await client.waitForDiagnostics(opened, (d) => d.length === 1);
    // Turning it on checks the closed file; turning it off again withdraws that.
    client.settings = { workspaceDiagnostics: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(closed, (d) => d.length === 1);
    client.settings = { workspaceDiagnostics: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(closed, (d) => d.length === 0);
    assert.strictEqual(client.diagnostics.get(opened)?.diagnostics.length, 1);
    // Closing a document clears its diagnostics when files that are not open are not checked.
    client.close(opened);
    await client.waitForDiagnostics(opened, (d) => d.length === 0);
  });

  it('initializationOptions.root picks the folder a server owns; null means none (a window without folders)', async () => {
    const broken = write('resources/broken.md', doc('https://example.org/broken', 'legacy: 1'));
    client = new TestClient(root);
    await client.initialize({}, { trusted: true, root: null });
    // Without a folder an open resource is still checked (by its path), but no folder is scanned.
    const opened = client.open('resources/opened.md', doc('https://example.org/opened', 'legacy: 2'));
    await client.waitForDiagnostics(opened, (d) => d.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(client.diagnostics.get(broken), undefined);
    await client.stop();

    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-ws-other-'));
    try {
      const there = path.join(other, 'resources/there.md');
      fs.mkdirSync(path.dirname(there), { recursive: true });
      fs.writeFileSync(there, doc('https://example.org/there', 'legacy: 3'));
      client = new TestClient(root);
      await client.initialize({}, { trusted: true, root: fileUri(other) });
      assert.deepStrictEqual(codes(await client.waitForDiagnostics(fileUri(there), (d) => d.length > 0)), ['unknown-field']);
      assert.strictEqual(client.diagnostics.get(broken), undefined);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('a changed vocabulary re-checks files that are not open', async () => {
    const uri = write('resources/a.md', doc('https://example.org/a', 'learnTags: [house]'));
    const tags = write('src/_data/resourceTags.json', JSON.stringify({ resourceTags: [{ value: 'bias', label: 'Bias' }] }));
    await start();
    await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].code === 'invalid-value');
    write('src/_data/resourceTags.json', JSON.stringify({ resourceTags: [{ value: 'house', label: 'Our own tag' }] }));
    await watched([{ uri: tags, type: CHANGED }]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('a changed report re-checks the section references of files that are not open', async () => {
    const report = write('reports/report.md', ['# 4 Technology', '## 4.3 Adaptation', 'Text.', ''].join('\n'));
    const uri = write('resources/a.md', doc('https://example.org/a').replace('Body.', 'See §4.7 of the report.'));
    await start();
    await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].code === 'unknown-section');
    write('reports/report.md', ['# 4 Technology', '## 4.3 Adaptation', 'Text.', '## 4.7 Security', 'Text.', ''].join('\n'));
    await watched([{ uri: report, type: CHANGED }]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('reports progress (window/workDoneProgress) for a long scan, begin to end', async () => {
    for (let i = 0; i < 220; i++) write(`resources/r${i}.md`, doc(`https://example.org/${i}`, ...(i % 10 === 0 ? ['legacy: 1'] : [])));
    client = new TestClient(root);
    const created: unknown[] = [];
    const kinds: string[] = [];
    client.connection.onRequest('window/workDoneProgress/create', (p: unknown) => {
      created.push(p);
      return null;
    });
    client.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      kinds.push(p.value.kind);
    });
    await client.initialize();
    const deadline = Date.now() + 8000;
    while (!kinds.includes('end') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual(created.length, 1);
    assert.strictEqual(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.strictEqual(kinds[kinds.length - 1], 'end');
    // Only the 22 files with a problem were published; the 198 clean ones cost no message.
    assert.strictEqual(client.diagnostics.size, 22);
    assert.ok([...client.diagnostics.values()].every((p) => p.diagnostics.length === 1));
  });
});
