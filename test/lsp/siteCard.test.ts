import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NewResourceRequest, RenderCardRequest } from '../../protocol/src/requests';
import { fileUri, TestClient } from './client';

const SITE = path.resolve(__dirname, '../core/fixtures/site');
const VALID = ['title: "Tile title"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog', 'link: https://example.org/a'];
const doc = () => ['---', ...VALID, '---', 'Body.', ''].join('\n');

describe("language server over stdio: the site's tile in the card, New Resource", function () {
  let client: TestClient;
  let root: string;

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-site-'));
    fs.mkdirSync(path.join(root, 'resources'));
    fs.cpSync(SITE, path.join(root, 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'resources/tile-title.md'), doc());
    client = new TestClient(root);
    await client.initialize();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("renders the workspace's tile template with its stylesheets", async () => {
    const uri = client.open('resources/tile-title.md', doc());
    const card = await client.connection.sendRequest(RenderCardRequest.type, { uri });
    assert.ok(card);
    assert.match(card.html, /<div class="site-tile"><svg class="site-icons"[\s\S]*<h2 class="h3">Tile title<\/h2>/);
    assert.match(card.html, /data-css="[^"]*\.tile-item/);
  });

  it('New Resource names a free file in the resources folder and answers with the skeleton', async () => {
    const answer = await client.connection.sendRequest(NewResourceRequest.type, { title: 'Tile Title', link: 'https://example.org/b' });
    assert.strictEqual(answer.kind, 'ready');
    if (answer.kind !== 'ready') return;
    assert.strictEqual(answer.uri, fileUri(path.join(root, 'resources/tile-title-1.md')));
    assert.match(answer.snippet, /^---\ntitle: "\$\{1:Tile Title\}"\n/);
  });
});
