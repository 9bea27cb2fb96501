import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileUri, TestClient } from './client';

/** window/logMessage types in LSP. */
const WARNING = 2;
const INFO = 3;

const RESOURCE = (extra = '') =>
  [
    '---',
    'title: "A"',
    'focus: Bias',
    'source: S',
    'readability: [Expert]',
    'type: Blog',
    'link: https://example.org/a',
    extra,
    '---',
    'Body.',
    '',
  ].join('\n');
const TAGS = JSON.stringify({ resourceTags: [{ value: 'ethics', label: 'Ethics' }] });
const REPORT = '# The report\n\n## 1 Introduction\nText.\n\n## 2 Methods\nText.\n\n### 2.1 Data\nText.\n';

interface LogMessage {
  type: number;
  message: string;
}

/**
 * The server's log (the *Resource Authoring* output channel, README "Running it"): what it found at
 * start and on reload, every fallback as a warning, and the file-status request behind the status bar.
 */
describe('language server over stdio: the log and the file status', function () {
  this.timeout(20000);
  let root: string;
  let client: TestClient;
  let logs: LogMessage[];
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return fileUri(file);
  };
  const start = async (settings: Record<string, unknown> = {}, trusted = true) => {
    client = new TestClient(root);
    logs = [];
    // Replaces the test client's handler, which drops the log.
    client.connection.onNotification('window/logMessage', (p: LogMessage) => {
      logs.push(p);
    });
    await client.initialize(settings, { trusted });
  };
  /** The n-th summary line (the server writes one after each load and the scan that follows it). */
  const summary = async (n = 1): Promise<LogMessage> => {
    const deadline = Date.now() + 10000;
    for (;;) {
      const lines = logs.filter((l) => l.message.startsWith('[resources] '));
      if (lines.length >= n) return lines[n - 1];
      if (Date.now() > deadline) throw new Error(`no summary line ${n}; log:\n${logs.map((l) => l.message).join('\n')}\n${client.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const warnings = () => logs.filter((l) => l.type === WARNING).map((l) => l.message);

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-log-')));
    write('src/_data/resourceTags.json', TAGS);
    write('reports/report.md', REPORT);
    write('resources/a.md', RESOURCE());
    write('resources/b.md', RESOURCE('learnTags: [nope]'));
    write('docs/notes.md', '# Not a resource\n');
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('at start, one info line names the folder, each vocabulary with its origin, the schema, the report with its sections, the resources and the scan time', async () => {
    await start();
    const line = await summary();
    assert.strictEqual(line.type, INFO);
    assert.ok(line.message.startsWith(`[resources] folder ${root}: `), line.message);
    assert.match(
      line.message,
      /3 vocabularies \(learnTags: src\/_data\/resourceTags\.json \(workspace\); focus: bundled \(no resourceFocuses\.json in the folder\); type: bundled \(no resourceTypes\.json in the folder\)\)/,
    );
    assert.match(line.message, /; schema: bundled; /);
    assert.match(line.message, /; 1 report \(reports\/report\.md, 3 sections\); /);
    assert.match(line.message, /; 2 resources; scan \d+ ms$/);
    assert.deepStrictEqual(warnings(), []);
  });

  it('a vocabulary setting naming a missing file is a warning with its reason, and the summary says the bundled file is used and why', async () => {
    await start({ vocabularies: { focus: 'config/missing.json' }, schema: 'config/nothing.schema.json' });
    const line = await summary();
    const missing = warnings().filter((w) => /missing\.json/.test(w));
    assert.strictEqual(missing.length, 1, missing.join('\n'));
    assert.match(missing[0], /^Cannot read config\/missing\.json \(ENOENT\).*; using the bundled resourceFocuses\.json meanwhile\.$/);
    assert.ok(
      warnings().some((w) => /^Cannot use the schema config\/nothing\.schema\.json \(.*ENOENT.*\); using the bundled schema\.$/.test(w)),
      warnings().join('\n'),
    );
    assert.match(line.message, /focus: bundled \(cannot read config\/missing\.json: ENOENT\)/);
    assert.match(line.message, /schema: bundled \(cannot use config\/nothing\.schema\.json\)/);
  });

  it("a setting that names an existing file shows it as the setting's, and a settings change logs a new summary", async () => {
    write('config/focus.json', JSON.stringify({ resourceFocuses: [{ value: 'Bias' }] }));
    await start();
    await summary();
    client.settings = { vocabularies: { focus: 'config/focus.json' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const second = await summary(2);
    assert.match(second.message, /focus: config\/focus\.json \(setting\)/);
  });

  it("in Restricted Mode, the workspace's files are not read and every message about the bundled files says it is because the workspace is not trusted", async () => {
    write('config/strict.schema.json', '{}');
    await start({ schema: 'config/strict.schema.json' }, false);
    const line = await summary();
    const bundled = warnings().filter((w) => /bundled/.test(w));
    assert.deepStrictEqual(bundled, [
      'Using the bundled resourceTags.json, not src/_data/resourceTags.json, because the workspace is not trusted (Restricted Mode).',
      'Using the bundled schema, not config/strict.schema.json (resourceAuthoring.schema), because the workspace is not trusted (Restricted Mode).',
    ]);
    assert.match(line.message, /learnTags: bundled because the workspace is not trusted \(Restricted Mode\)/);
    assert.match(line.message, /schema: bundled because the workspace is not trusted \(Restricted Mode\)/);
    // The diagnostics name the bundled vocabulary, and why it is not the workspace's own.
    const b = fileUri(path.join(root, 'resources/b.md'));
    const [invalid] = (await client.waitForDiagnostics(b, (d) => d.some((x) => x.code === 'invalid-value'))).filter(
      (d) => d.code === 'invalid-value',
    );
    assert.match(
      String(invalid.message),
      /^'nope' is not a learn tag in the bundled resourceTags\.json, used because the workspace is not trusted \(Restricted Mode\)\./,
    );
  });

  it("resourceAuthoring/fileStatus answers the role, the problems and a report's sections", async () => {
    await start();
    const b = fileUri(path.join(root, 'resources/b.md'));
    // a.md and b.md share their link: duplicate-resource counts with each file's own problems.
    await client.waitForDiagnostics(b, (d) => d.length === 2);
    await client.waitForDiagnostics(fileUri(path.join(root, 'resources/a.md')), (d) => d.length === 1);
    const status = (rel: string) => client.connection.sendRequest('resourceAuthoring/fileStatus', { uri: fileUri(path.join(root, rel)) });
    assert.deepStrictEqual(await status('resources/b.md'), { role: 'resource', problems: 2, sections: null });
    assert.deepStrictEqual(await status('resources/a.md'), { role: 'resource', problems: 1, sections: null });
    assert.deepStrictEqual(await status('reports/report.md'), { role: 'report', problems: 0, sections: 3 });
    assert.deepStrictEqual(await status('docs/notes.md'), { role: null, problems: 0, sections: null });
    // An open resource: the count follows the editor's text.
    const uri = client.open('resources/a.md', RESOURCE('legacy: 1\nother: 2'));
    await client.waitForDiagnostics(uri, (d) => d.length === 3);
    assert.deepStrictEqual(await status('resources/a.md'), { role: 'resource', problems: 3, sections: null });
  });
});
