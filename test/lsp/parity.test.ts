import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { lint, workspace } from '../cli/helpers';
import { editorSection, REPORT, resource, seenOf, settingsJson, type Seen } from '../core/project/helpers';
import { fileUri, TestClient } from './client';

interface JsonResult {
  file: string;
  diagnostics: (Omit<Seen, 'related'> & { fixable: boolean })[];
}

/** What `--format json` says of a problem: code, severity, message, range. */
const plain = ({ code, severity, message, range }: Omit<Seen, 'related'>): Omit<Seen, 'related'> => ({ code, severity, message, range });

/** `resource-lint --format json` in `root`: exit status and each file's problems (without `fixable`, which the editor has no word for). */
function cli(root: string): { status: number | null; found: Record<string, Omit<Seen, 'related'>[]> } {
  const run = lint(['--format', 'json'], root);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  const results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
  return { status: run.status, found: Object.fromEntries(results.map((r) => [r.file, r.diagnostics.map(plain)])) };
}

/**
 * The built server on `root`, given the settings as the editor hands them over; resolves once its
 * start-up scan is done (the summary line it logs then comes after every publication of the scan).
 */
async function server(
  root: string,
  settings: Record<string, unknown>,
): Promise<{ client: TestClient; published: Map<string, PublishDiagnosticsParams> }> {
  const client = new TestClient(root);
  const scanned = new Promise<void>((resolve) => {
    // Replaces the test client's handler, which drops the log.
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      if (p.message.startsWith('[resources] ') && / scan \d+ ms$/.test(p.message)) resolve();
    });
  });
  await client.initialize(editorSection(settings));
  await scanned;
  return { client, published: client.diagnostics };
}

describe('parity on disk: the built CLI and the built server find the same problems in every file', function () {
  this.timeout(20000);
  let root: string | undefined;
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  /** Every file the CLI lists has the same problems in the server's publications, and the server publishes problems for no other file. */
  async function compare(
    files: Record<string, string>,
    settings: Record<string, unknown>,
  ): Promise<{ status: number | null; found: Record<string, Omit<Seen, 'related'>[]>; published: Map<string, PublishDiagnosticsParams> }> {
    root = fs.realpathSync(workspace({ ...files, '.vscode/settings.json': settingsJson(settings) }));
    const { status, found } = cli(root);
    const started = await server(root, settings);
    client = started.client;
    const { published } = started;
    const shown: Record<string, Omit<Seen, 'related'>[]> = {};
    for (const [uri, p] of published) {
      if (p.diagnostics.length === 0) continue;
      const file = path.relative(root, URI.parse(uri).fsPath).split(path.sep).join('/');
      shown[file] = p.diagnostics.map((d) => plain(seenOf(d)));
    }
    const withProblems = Object.fromEntries(Object.entries(found).filter(([, d]) => d.length > 0));
    assert.deepStrictEqual(shown, withProblems);
    return { status, found, published };
  }

  it('the reproduction: both say no-report (information), and resource-lint exits 0', async () => {
    const { status, found } = await compare(
      {
        'reports/r.md': '# 9 Elsewhere\n## 9.1 First\nText.\n',
        'resources/cites.md': resource('https://example.org/cites', 'See §9.9 for more.'),
      },
      { 'resourceAuthoring.reports': ['docs/*.md'] },
    );
    // reports/r.md is no report (nor a resource): neither host checks it.
    assert.deepStrictEqual(Object.keys(found), ['resources/cites.md']);
    assert.deepStrictEqual(
      found['resources/cites.md'].map((d) => [d.code, d.severity]),
      [['no-report', 'information']],
    );
    assert.strictEqual(status, 0);
  });

  it('reports by a setting, a report citing itself, a duplicate link', async () => {
    const { status, found, published } = await compare(
      {
        // Not a report under the setting; the default globs would take it, and §9.1 would resolve.
        'reports/r.md': '# 9 Elsewhere\n## 9.1 First\nText.\n',
        'docs/self.md': `${REPORT}Wrong: §4.9: robustness.\n`,
        'resources/cites.md': resource('https://example.org/cites', 'See §9.1 and §4.3: adaptation.'),
        'resources/one.md': resource('https://Example.org/same/'),
        'resources/two.md': resource('https://example.org/same'),
      },
      { 'resourceAuthoring.reports': ['docs/*.md'] },
    );
    const codes = Object.fromEntries(Object.entries(found).map(([file, d]) => [file, d.map((x) => x.code)]));
    assert.deepStrictEqual(codes, {
      'docs/self.md': ['unknown-section'],
      'resources/cites.md': ['unknown-section'],
      'resources/one.md': ['duplicate-resource'],
      'resources/two.md': ['duplicate-resource'],
    });
    assert.match(found['resources/cites.md'][0].message, /^self\.md has no section §9\.1\b/);
    const [duplicate] = published.get(fileUri(path.join(root!, 'resources/one.md')))!.diagnostics;
    assert.deepStrictEqual(
      duplicate.relatedInformation?.map((r) => r.location.uri),
      [fileUri(path.join(root!, 'resources/two.md'))],
    );
    assert.strictEqual(status, 1);
  });
});
