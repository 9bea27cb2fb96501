import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createProject, MemoryWorkspace } from '../../server/src/core';
import { Random } from '../../scripts/bench/random';
import { fileUri, TestClient } from './client';

const FILES = 1500;
const VALID: Record<string, string> = { title: '"A"', focus: 'Bias', source: 'S', readability: '[Expert]', type: 'Blog' };
const FLAWS: Record<string, string>[] = [
  { learnTags: '[nope]' },
  { readability: 'Expert' },
  { color: 'red' },
  { link: 'example.org' },
  { title: '""' },
];

/** A resource text with a unique link and, for `flaw` ≥ 0, one of the flaws. */
function text(i: number, flaw: number): string {
  const fields = { ...VALID, link: `https://example.org/r${i}`, ...(flaw >= 0 ? FLAWS[flaw % FLAWS.length] : {}) };
  return ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', 'Body.', ''].join('\n');
}

const shape = (d: readonly Diagnostic[]) => d.map((x) => `${String(x.code)} ${JSON.stringify(x.range)} ${x.message}`).sort();

/**
 * The start-up scan of a large folder runs while the editor opens, edits and closes documents: every
 * file must end with the diagnostics of its final text (the editor's for open documents, the disk's
 * for the others), and every publication for an open document must carry its version.
 */
describe('language server over stdio: no lost or stale publications during a scan', function () {
  this.timeout(90000);
  let client: TestClient;
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-race-'));
    fs.mkdirSync(path.join(root, 'resources'), { recursive: true });
    for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(root, `resources/r${i}.md`), text(i, i % 3 === 0 ? i : -1));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('final diagnostics equal a fresh check of every final text', async () => {
    const random = new Random(17);
    client = new TestClient(root);
    const versionsSent = new Map<string, number[]>();
    const unversioned: string[] = [];
    const versionedSinceOpen = new Set<string>();
    const openNow = new Map<string, { text: string; version: number }>();
    client.connection.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
        client.diagnostics.set(p.uri, p);
        // Once the server has published with a version it has the document open: until the close, every publication must carry one.
        if (openNow.has(p.uri) && p.version === undefined && versionedSinceOpen.has(p.uri)) unversioned.push(p.uri);
        if (openNow.has(p.uri) && p.version !== undefined) versionedSinceOpen.add(p.uri);
        if (p.version !== undefined) versionsSent.set(p.uri, [...(versionsSent.get(p.uri) ?? []), p.version]);
      },
    );
    await client.initialize();
    const finalTexts = new Map<string, string>();
    for (let i = 0; i < FILES; i++)
      finalTexts.set(fileUri(path.join(root, `resources/r${i}.md`)), fs.readFileSync(path.join(root, `resources/r${i}.md`), 'utf8'));
    const touched = new Set<string>();
    // While the scan runs: open files (some also not on disk), edit them, close some again.
    for (let step = 0; step < 300; step++) {
      const i = random.int(0, FILES + 20);
      const rel = i < FILES ? `resources/r${i}.md` : `resources/new${i}.md`;
      const uri = fileUri(path.join(root, rel));
      const open = openNow.get(uri);
      touched.add(uri);
      const roll = random.next();
      if (!open) {
        const t = text(i, random.int(-1, 6));
        client.open(rel, t);
        openNow.set(uri, { text: t, version: 1 });
      } else if (roll < 0.6) {
        const t = text(i, random.int(-1, 6));
        const lines = open.text.split('\n').length;
        const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, text: t }]);
        openNow.set(uri, { text: t, version });
      } else {
        client.close(uri);
        openNow.delete(uri);
        versionedSinceOpen.delete(uri);
      }
      if (step % 10 === 0) await new Promise((r) => setTimeout(r, random.int(0, 15)));
    }

    // The fresh check: the final texts, open ones as the editor has them, in a project of their own.
    const files: Record<string, string> = {};
    for (const [uri, t] of finalTexts) files[uri] = t;
    const memory = new MemoryWorkspace({ folder: fileUri(root), files });
    for (const [uri, { text: t, version }] of openNow) memory.openDocumentWith(uri, t, version);
    const fresh = createProject({ workspace: memory });
    await fresh.start();
    await fresh.checkAll();
    const expected = new Map<string, string[]>();
    for (const uri of new Set([...finalTexts.keys(), ...touched])) expected.set(uri, shape(fresh.diagnostics(uri)?.diagnostics ?? []));

    const mismatches = () =>
      [...expected].filter(([uri, want]) => JSON.stringify(shape(client.diagnostics.get(uri)?.diagnostics ?? [])) !== JSON.stringify(want));
    const deadline = Date.now() + 60000;
    while (mismatches().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // Settled: nothing newer arrives that would change the verdict.
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepStrictEqual(
      mismatches().map(([uri, want]) => ({ uri, want, got: shape(client.diagnostics.get(uri)?.diagnostics ?? []) })),
      [],
    );
    assert.deepStrictEqual(unversioned, [], 'publications for open documents without a version');
    for (const [uri, { version }] of openNow) {
      const sent = versionsSent.get(uri) ?? [];
      assert.strictEqual(client.diagnostics.get(uri)?.version, version, `${uri} last published for version ${String(sent.at(-1))}`);
    }
    assert.ok(client.alive);
    assert.strictEqual(client.stderr, '');
  });
});
