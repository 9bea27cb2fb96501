import { promises as fs } from 'fs';
import * as path from 'path';
import type { Corpus } from './corpus';
import { BenchClient, fileUri, now } from './lspClient';
import { runNode, stats, type Stats } from './measure';

/**
 * The two peers, run over the same files with the same (equivalent) schema:
 * - yaml-language-server, driven over stdio like an editor that opens every extracted `.yaml` file
 *   (it checks only open documents and has no workspace scan);
 * - remark-cli with remark-frontmatter + remark-lint-frontmatter-schema over the Markdown files.
 * A peer that cannot run is reported with its error, never dropped.
 */

const REPO = path.resolve(__dirname, '../..');
export const YAML_LS = path.join(REPO, 'node_modules/yaml-language-server/bin/yaml-language-server');
export const REMARK = path.join(REPO, 'node_modules/remark-cli/cli.js');

export interface PeerRun {
  wallMs: number;
  peakRssMb: number;
  /** Files the peer reported a problem in (to check it really validated). */
  filesWithFindings: number;
}

export interface PeerFailure {
  error: string;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export async function yamlFiles(corpus: Corpus): Promise<{ file: string; text: string }[]> {
  return Promise.all(
    corpus.manifest.files.map(async (f) => {
      const file = path.join(corpus.yamlRoot, f.replace(/\.md$/, '.yaml'));
      return { file, text: await fs.readFile(file, 'utf8') };
    }),
  );
}

function yamlSettings(corpus: Corpus): Record<string, unknown> {
  return {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false }, // no network: only the schema we give it
    // Its globs get a `**/` prefix and `**` skips dot folders (the corpus is under .bench/), so the
    // pattern names the corpus folder itself.
    schemas: { [fileUri(path.join(corpus.yamlRoot, 'schema.json'))]: `${corpus.yamlRoot.replace(/^\//, '')}/**/*.yaml` },
  };
}

/** Starts yaml-language-server with the equivalent schema associated with every `.yaml` file. */
export async function startYamlLanguageServer(corpus: Corpus): Promise<BenchClient> {
  const settings = yamlSettings(corpus);
  const client = new BenchClient([YAML_LS, '--stdio'], (section) =>
    section === 'yaml' ? settings : section === 'http' ? { proxyStrictSSL: true } : {},
  );
  await client.initialize(corpus.yamlRoot);
  await client.connection.sendNotification('initialized', {});
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: settings } });
  return client;
}

/**
 * yaml-language-server's whole run: from spawning it to the diagnostics of the last of the files,
 * all opened right after `initialized` (texts read beforehand, so its clock holds only its work).
 */
export async function yamlLanguageServerRun(
  corpus: Corpus,
  texts: readonly { file: string; text: string }[],
): Promise<PeerRun | PeerFailure> {
  if (!(await exists(YAML_LS))) return { error: 'yaml-language-server is not installed (npm ci installs it as a devDependency)' };
  const start = now();
  const client = await startYamlLanguageServer(corpus);
  try {
    const pending = new Set(texts.map((t) => fileUri(t.file)));
    let withFindings = 0;
    const done = new Promise<number>((resolve) => {
      client.onPublish(({ params, at }) => {
        if (!pending.delete(params.uri)) return;
        if (params.diagnostics.length > 0) withFindings++;
        if (pending.size === 0) resolve(at);
      });
    });
    for (const t of texts)
      void client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: fileUri(t.file), languageId: 'yaml', version: 1, text: t.text },
      });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`timed out with ${pending.size} files unchecked; stderr: ${client.stderr}`)),
        60_000 + texts.length * 20,
      ),
    );
    const end = await Promise.race([done, timeout]);
    return { wallMs: end - start, peakRssMb: client.rss().peakRssMb, filesWithFindings: withFindings };
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    await client.stop();
  }
}

/**
 * yaml-language-server's keystroke latency: one open document, `edits` alternating one-character
 * edits, each timed from didChange to its publishDiagnostics (its built-in validation delay included).
 */
export async function yamlLanguageServerKeystrokes(
  corpus: Corpus,
  edits: number,
): Promise<{ latency: Stats; delayMs: number } | PeerFailure> {
  if (!(await exists(YAML_LS))) return { error: 'yaml-language-server is not installed' };
  const client = await startYamlLanguageServer(corpus);
  try {
    const file = path.join(corpus.yamlRoot, corpus.manifest.files[0].replace(/\.md$/, '.yaml'));
    const uri = fileUri(file);
    const text = await fs.readFile(file, 'utf8');
    const opened = client.waitFor((p) => p.params.uri === uri, 20_000);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await opened;
    const title = text.indexOf('\n');
    const samples: number[] = [];
    for (let i = 0; i < edits; i++) {
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line: 0, character: title }, end: { line: 0, character: title } }, text: 'x' }
        : { range: { start: { line: 0, character: title }, end: { line: 0, character: title + 1 } }, text: '' };
      const published = client.waitFor((p) => p.params.uri === uri, 10_000);
      const sent = now();
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [change],
      });
      samples.push((await published).at - sent);
    }
    return { latency: stats(samples), delayMs: 200 };
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    await client.stop();
  }
}

/** remark-cli with remark-lint-frontmatter-schema over the library, as its README sets it up. */
export async function remarkRun(corpus: Corpus, timeoutMs: number): Promise<PeerRun | PeerFailure> {
  if (!(await exists(REMARK))) return { error: 'remark-cli is not installed (npm ci installs it as a devDependency)' };
  // The corpus lies outside the repo, where remark cannot resolve plugins by name: name their files.
  const rc = path.join(corpus.root, '.remarkrc.bench.json');
  await fs.writeFile(
    rc,
    JSON.stringify({
      plugins: [
        require.resolve('remark-frontmatter'),
        [require.resolve('remark-lint-frontmatter-schema'), { schemas: { './schema.json': ['resources/**/*.md'] } }],
      ],
    }),
  );
  const run = await runNode(REMARK, ['resources', '--no-config', '--rc-path', rc, '--quiet', '--no-stdout', '--no-color'], {
    cwd: corpus.root,
    timeoutMs,
  });
  if (run.code === null) return { error: `did not finish within ${Math.round(timeoutMs / 1000)} s` };
  const broken = /Cannot process file[\s\S]{0,400}/.exec(run.stderr);
  if (broken) return { error: `remark could not process the files: ${broken[0].replace(/\s+/g, ' ').slice(0, 300)}` };
  // remark reports each file with messages as a line naming it; 0 = clean, 1 = findings.
  const filesWithFindings = run.stderr.split('\n').filter((l) => /^resources\/.*\.md$/.test(l.trim())).length;
  if (run.code !== 0 && run.code !== 1) return { error: `exit ${run.code}: ${run.stderr.slice(0, 500)}` };
  if (filesWithFindings === 0 && corpus.manifest.files.length > 100)
    return { error: `reported no findings at all, so it did not validate: ${run.stderr.slice(0, 500)}` };
  return { wallMs: run.wallMs, peakRssMb: run.peakRssMb, filesWithFindings };
}
