import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, TestClient } from './client';

const VALID = ['title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog'];
const doc = (link: string, ...extra: string[]) => ['---', ...VALID, `link: ${link}`, ...extra, '---', 'Body.', ''].join('\n');
const repository = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { repository: { url: string } }
).repository.url.replace(/\.git$/, '');

describe('language server over stdio: messages and rule pages', function () {
  let client: TestClient;
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-msg-'));
    fs.mkdirSync(path.join(root, 'resources'), { recursive: true });
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("each diagnostic links its rule page (codeDescription.href); YAML errors are in our words, the parser's in data", async () => {
    client = new TestClient(root);
    await client.initialize();
    const uri = client.open('resources/a.md', doc('https://example.org/a', 'summary: Bias: a primer', 'learnTags: [bais]'));
    const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepStrictEqual(
      diags.map((d) => [d.code, d.codeDescription?.href]),
      [['yaml-syntax', `${repository}/blob/main/docs/rules/yaml-syntax.md`]],
    );
    assert.match(String(diags[0].message), /put the value in quotes/);
    assert.doesNotMatch(String(diags[0].message), /compact mappings/);
    // Beside the link to its finding (what code actions read), the data carries the parser's own words.
    const { finding, ...parser } = diags[0].data as Record<string, unknown>;
    assert.strictEqual(typeof finding, 'string');
    assert.deepStrictEqual(parser, {
      yamlCode: 'BLOCK_AS_IMPLICIT_KEY',
      parserMessage: 'Nested mappings are not allowed in compact mappings',
    });
    // Quoted, the summary parses, and the schema's findings appear.
    client.change(uri, [{ range: { start: { line: 7, character: 9 }, end: { line: 7, character: 23 } }, text: '"Bias: a primer"' }]);
    const [tag] = await client.waitForDiagnostics(uri, (d, p) => p.version === 2 && d.length === 1);
    assert.strictEqual(tag.code, 'invalid-value');
    assert.strictEqual(tag.message, "'bais' is not a learn tag in the bundled resourceTags.json. Did you mean 'bias'?");
    assert.strictEqual(tag.codeDescription?.href, `${repository}/blob/main/docs/rules/invalid-value.md`);
  });

  it('the workspace-level duplicate-resource links its page too', async () => {
    fs.writeFileSync(path.join(root, 'resources/one.md'), doc('https://example.org/same'));
    fs.writeFileSync(path.join(root, 'resources/two.md'), doc('https://example.org/same'));
    client = new TestClient(root);
    await client.initialize();
    const [d] = await client.waitForDiagnostics(fileUri(path.join(root, 'resources/one.md')), (x) => x.length === 1);
    assert.strictEqual(d.code, 'duplicate-resource');
    assert.strictEqual(d.codeDescription?.href, `${repository}/blob/main/docs/rules/duplicate-resource.md`);
  });
});
