import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RENDER_CARD_METHOD, type RenderCardResult } from '../../server/src/lsp/cardProtocol';
import { TestClient } from './client';

const VALID = ['title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog', 'link: https://example.org/a'];
const doc = (...extra: string[]) => ['---', ...VALID, ...extra, '---', 'Body.', ''].join('\n');

describe('language server over stdio: card preview request', function () {
  let client: TestClient;
  let root: string;

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-card-'));
    fs.mkdirSync(path.join(root, 'resources'));
    client = new TestClient(root);
    await client.initialize();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const render = (uri: string) => client.connection.sendRequest<RenderCardResult | null>(RENDER_CARD_METHOD, { uri });

  it('renders the open document with its problems, and the newest version after a change', async () => {
    const uri = client.open('resources/a.md', doc('learnTags: [bias, nope]'));
    const first = await render(uri);
    assert.ok(first);
    assert.strictEqual(first.version, 1);
    assert.strictEqual(first.isResource, true);
    assert.match(first.html, /<h1 id="card-title" class="card-title">A<\/h1>/);
    assert.deepStrictEqual(first.problems.map((p) => [p.code, p.severity, p.range]), [
      ['invalid-value', 'error', { start: { line: 7, character: 18 }, end: { line: 7, character: 22 } }],
    ]);
    assert.match(first.html, /data-problem="0"/);

    const version = client.change(uri, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: 'A new title' }]);
    const second = await render(uri);
    assert.ok(second);
    assert.strictEqual(second.version, version);
    assert.match(second.html, /<h1 id="card-title" class="card-title">A new title<\/h1>/);
  });

  it('renders a Markdown file outside the resource globs too, saying so', async () => {
    const uri = client.open('notes/n.md', doc());
    const result = await render(uri);
    assert.strictEqual(result?.isResource, false);
  });

  it('answers null for a document the server does not have open', async () => {
    assert.strictEqual(await render('file:///nowhere/x.md'), null);
  });
});
