import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RenderCardRequest } from '../../protocol/src/requests';
import { fileUri, TestClient } from './client';

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

  const render = (uri: string) => client.connection.sendRequest(RenderCardRequest.type, { uri });

  it('renders the open document with its problems, and the newest version after a change', async () => {
    const uri = client.open('resources/a.md', doc('learnTags: [bias, nope]'));
    const first = await render(uri);
    assert.ok(first);
    assert.strictEqual(first.version, 1);
    assert.strictEqual(first.isResource, true);
    assert.match(first.html, /<h2 id="card-title" class="h3 card-title">(?:<a [^>]*>)?A(?:<\/a>)?<\/h2>/);
    assert.deepStrictEqual(
      first.problems.map((p) => [p.code, p.severity, p.range]),
      [['invalid-value', 'error', { start: { line: 7, character: 18 }, end: { line: 7, character: 22 } }]],
    );
    assert.match(first.html, /data-problem="0"/);

    const version = client.change(uri, [
      { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: 'A new title' },
    ]);
    const second = await render(uri);
    assert.ok(second);
    assert.strictEqual(second.version, version);
    assert.match(second.html, /<h2 id="card-title" class="h3 card-title">(?:<a [^>]*>)?A new title(?:<\/a>)?<\/h2>/);
  });

  it('renders a Markdown file outside the resource globs too, saying so', async () => {
    const uri = client.open('notes/n.md', doc());
    const result = await render(uri);
    assert.strictEqual(result?.isResource, false);
  });

  it('links section references the report has, and says where each section is', async () => {
    fs.mkdirSync(path.join(root, 'reports'));
    fs.writeFileSync(
      path.join(root, 'reports', 'report.md'),
      [
        '# Report',
        '',
        '## 4 Technology',
        'Text (§4.7: security).',
        '',
        '### 4.3 Adaptation',
        'Text.',
        '',
        '### 4.7 Security and privacy',
        'Text.',
        '',
      ].join('\n'),
    );
    await client.stop();
    client = new TestClient(root);
    await client.initialize();
    const uri = client.open(
      'resources/a.md',
      doc('summary: "See §4.3: adaptation, §4.7: Security, §9.9 and [the report](../reports/report.md#4.7)."'),
    );
    const result = await render(uri);
    assert.ok(result);
    const linked = [...result.html.matchAll(/<a href="#" class="section-ref" data-section="([\d.]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepStrictEqual(linked, [
      ['4.3', '§4.3: adaptation'],
      ['4.7', '§4.7: Security'],
      ['4.7', 'the report'],
    ]);
    assert.doesNotMatch(result.html, /data-section="9\.9"/, 'a section the report does not have stays text');
    const report = fileUri(path.join(root, 'reports', 'report.md'));
    assert.deepStrictEqual(result.sections, { '4.3': { uri: report, line: 5 }, '4.7': { uri: report, line: 8 } });
  });

  it('answers null for a document the server does not have open', async () => {
    assert.strictEqual(await render('file:///nowhere/x.md'), null);
  });
});
