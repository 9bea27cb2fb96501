import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileUri, TestClient } from './client';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const VALID = ['title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog'];
const doc = (link: string, ...extra: string[]) => ['---', ...VALID, `link: ${link}`, ...extra, '---', 'Body.', ''].join('\n');
const CHANGED = 2;

const shown = (d: Diagnostic[]) => d.map((x) => `${x.severity} ${String(x.code)} ${String(x.message).split(' is not')[0]}`);

describe('language server over stdio: the baseline resource-lint recorded', function () {
  this.timeout(20000);
  let client: TestClient | undefined;
  let root: string;
  let legacy: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-baseline-'));
    fs.mkdirSync(path.join(root, 'resources'));
    fs.writeFileSync(path.join(root, 'resources/legacy.md'), doc('https://example.org/legacy', 'jurisdiction: EU'));
    legacy = fileUri(path.join(root, 'resources/legacy.md'));
    const r = spawnSync(process.execPath, [CLI, '--baseline-write', 'baseline.json'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    // Then a new mistake, above the baselined one.
    fs.writeFileSync(path.join(root, 'resources/legacy.md'), doc('https://example.org/legacy', 'region: EU', 'jurisdiction: EU'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows baselined findings as hints, "(baselined) " before the message, and new ones as they are', async () => {
    client = new TestClient(root);
    await client.initialize({ baseline: 'baseline.json' });
    const d = await client.waitForDiagnostics(legacy, (x) => x.length === 2);
    assert.deepStrictEqual(shown(d), ["2 unknown-field 'region'", "4 unknown-field (baselined) 'jurisdiction'"]);
  });

  it('hides them with baselineFindings "hide", and shows them again when the baseline file changes to hold none', async () => {
    client = new TestClient(root);
    await client.initialize({ baseline: 'baseline.json', baselineFindings: 'hide' });
    const d = await client.waitForDiagnostics(legacy, (x) => x.length === 1);
    assert.deepStrictEqual(shown(d), ["2 unknown-field 'region'"]);
    fs.writeFileSync(path.join(root, 'baseline.json'), '{"version": 1, "files": {}}\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(path.join(root, 'baseline.json')), type: CHANGED }],
    });
    const again = await client.waitForDiagnostics(legacy, (x) => x.length === 2);
    assert.deepStrictEqual(shown(again), ["2 unknown-field 'region'", "2 unknown-field 'jurisdiction'"]);
  });
});
