import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, TestClient } from './client';

const VALID = ['title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog', 'link: https://example.org/a'];
const doc = (...extra: string[]) => ['---', ...VALID, ...extra, '---', 'Body.', ''].join('\n');

function workspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-'));
  fs.mkdirSync(path.join(root, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(root, 'src/_data'), { recursive: true });
  return root;
}

describe('language server over stdio: diagnostics', function () {
  let client: TestClient;
  let root: string;

  beforeEach(async () => {
    root = workspace();
    client = new TestClient(root);
    await client.initialize();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics with the codes listed in the README (What is checked) on open, and updates them on change', async () => {
    const uri = client.open('resources/a.md', doc('learnTags: ["bias","AI"]'));
    const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepStrictEqual(
      diags.map((d) => [d.code, d.source, d.severity, d.range]),
      [['invalid-value', 'resources', 1, { start: { line: 7, character: 19 }, end: { line: 7, character: 23 } }]],
    );
    client.change(uri, [{ range: { start: { line: 7, character: 20 }, end: { line: 7, character: 22 } }, text: 'ethics' }]);
    await client.waitForDiagnostics(uri, (d, p) => p.version === 2 && d.length === 0);
  });

  it('leaves Markdown that is not a resource alone', async () => {
    const other = client.open('docs/readme.md', '# No frontmatter\n');
    const res = client.open('resources/b.md', '# No frontmatter\n');
    await client.waitForDiagnostics(res, (d) => d.length === 1 && d[0].code === 'frontmatter-missing');
    assert.strictEqual(client.diagnostics.get(other)?.diagnostics.length ?? 0, 0);
  });

  it('pulls settings and re-pulls them on didChangeConfiguration', async () => {
    const uri = client.open('resources/a.md', doc('legacy: x'));
    const before = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.strictEqual(before[0].severity, 2);
    client.settings = { severity: { 'unknown-field': 'error' }, resourceGlobs: ['**/resources/**/*.md'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === 1);
  });

  it('a vocabulary file changed on disk and announced makes an unknown tag valid', async () => {
    const tagsFile = path.join(root, 'src/_data/resourceTags.json');
    fs.writeFileSync(tagsFile, JSON.stringify({ resourceTags: [{ value: 'bias', label: 'Bias' }] }));
    // The server discovered the file at start-up: restart it so discovery sees the workspace file.
    await client.stop();
    client = new TestClient(root);
    await client.initialize();
    const uri = client.open('resources/a.md', doc('learnTags: [bias, newTerm]'));
    const diags = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.match(String(diags[0].message), /'newTerm' is not a learn tag in src\/_data\/resourceTags\.json/);
    fs.writeFileSync(
      tagsFile,
      JSON.stringify({
        resourceTags: [
          { value: 'bias', label: 'Bias' },
          { value: 'newTerm', label: 'New term' },
        ],
      }),
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(tagsFile), type: 2 }] });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('a vocabulary file created after start-up is picked up; a broken one falls back to the bundled', async () => {
    const uri = client.open('resources/a.md', doc('learnTags: [machineLearning, brandNew]'));
    await client.waitForDiagnostics(uri, (d) => d.length === 1);
    const tagsFile = path.join(root, 'src/_data/resourceTags.json');
    fs.writeFileSync(tagsFile, JSON.stringify({ resourceTags: [{ value: 'machineLearning' }, { value: 'brandNew' }] }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(tagsFile), type: 1 }] });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    fs.writeFileSync(tagsFile, '{ broken');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(tagsFile), type: 2 }] });
    const diags = await client.waitForDiagnostics(uri, (d) => d.length === 1);
    assert.match(String(diags[0].message), /'brandNew' is not a learn tag in the bundled resourceTags\.json/);
  });

  it('survives hostile documents and keeps serving', async () => {
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ];
    const u1 = client.open('resources/bomb.md', ['---', ...bomb, '---', ''].join('\n'));
    const u2 = client.open('resources/deep.md', '---\nx: ' + '['.repeat(50000) + '\n---\n');
    const u3 = client.open('resources/junk.md', '---\n\u0000\u0001\uFFFF\uD800 :: ][ }{\n---\n');
    await client.waitForDiagnostics(u1, (d) => d.some((x) => x.code === 'yaml-syntax'));
    await client.waitForDiagnostics(u2, (d) => d.some((x) => x.code === 'yaml-syntax'));
    await client.waitForDiagnostics(u3, (d) => d.length > 0);
    const ok = client.open('resources/ok.md', doc());
    await client.waitForDiagnostics(ok, (d) => d.length === 0);
    assert.ok(client.alive);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = client.open('resources/a.md', doc('legacy: 1'));
    await client.waitForDiagnostics(uri, (d) => d.length === 1);
    client.close(uri);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });
});
