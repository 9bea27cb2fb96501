import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Position } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

/** A valid resource with `extra` lines before the closing `---` (lines 0–5 are fixed: title, focus, source, type, link). */
export const resource = (...extra: string[]): string =>
  ['---', 'title: "A"', 'focus: Bias', 'source: S', 'type: Blog', 'link: https://example.org/a', ...extra, '---', 'Body.', ''].join('\n');

/** The text without the `|` marker, and the marker's position. */
export function cursor(src: string): { text: string; position: Position } {
  const at = src.indexOf('|');
  if (at < 0) throw new Error('no | in the source');
  const before = src.slice(0, at).split('\n');
  return { text: src.slice(0, at) + src.slice(at + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** A temporary workspace with a `resources` folder, optional files, and a server started on it. */
export async function startWorkspace(files: Record<string, string> = {}): Promise<{ client: TestClient; root: string; dispose(): Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-fm-'));
  fs.mkdirSync(path.join(root, 'resources'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const client = new TestClient(root);
  // The cases share one link on purpose (see `resource`): the workspace-level duplicate check has
  // its own tests (workspaceDiagnostics.test.ts) and would only add a warning to every case here.
  await client.initialize({ severity: { 'duplicate-resource': 'off' } });
  return {
    client,
    root,
    async dispose() {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A fresh file name per use, so one server can answer many cases without stale documents. */
/**
 * One workspace for the surrounding `describe`: started in its `before` hook, disposed in `after`.
 * Its client and root are read when a test runs.
 */
export function useWorkspace(files: Record<string, string> = {}): { readonly client: TestClient; readonly root: string } {
  let ws: Awaited<ReturnType<typeof startWorkspace>> | undefined;
  before(async () => {
    ws = await startWorkspace(files);
  });
  after(async () => ws?.dispose());
  const started = () => {
    if (!ws) throw new Error('the workspace is started in the before hook');
    return ws;
  };
  return {
    get client() {
      return started().client;
    },
    get root() {
      return started().root;
    },
  };
}

export const freshName = (dir = 'resources', ext = 'md'): string => `${dir}/case-${++counter}.${ext}`;
