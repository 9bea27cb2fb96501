import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
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

/** The settings `startWorkspace` starts its server with. */
const NO_DUPLICATE_CHECK = { severity: { 'duplicate-resource': 'off' } };

/**
 * A temporary workspace with a `resources` folder, optional files, and a server started on it with
 * `settings` (by default the duplicate-resource check off, see below).
 */
export async function startWorkspace(
  files: Record<string, string> = {},
  settings: Record<string, unknown> = NO_DUPLICATE_CHECK,
): Promise<{ client: TestClient; root: string; dispose(): Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-lsp-fm-'));
  fs.mkdirSync(path.join(root, 'resources'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const client = new TestClient(root);
  // The cases share one link on purpose (see `resource`): the workspace-level duplicate check has
  // its own tests (workspaceDiagnostics.test.ts) and would only add a warning to every case here.
  await client.initialize(settings);
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

/** Opens `text` as a fresh resource and waits for diagnostics that satisfy `expect`. */
export async function openFresh(
  client: TestClient,
  text: string,
  expect: (d: Diagnostic[]) => boolean,
): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = client.open(freshName(), text);
  return { uri, diagnostics: await client.waitForDiagnostics(uri, expect) };
}

/** The code actions the server offers for `diagnostics` at `range` (of the kinds `only`, if given). */
export const codeActions = (
  client: TestClient,
  uri: string,
  range: Range,
  diagnostics: Diagnostic[],
  only?: string[],
): Promise<CodeAction[]> =>
  client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  }) as Promise<CodeAction[]>;

/** `text` with a code action's edits of `uri` applied. */
export const applyAction = (text: string, uri: string, a: CodeAction): string => applyTextEdits(text, a.edit!.changes![uri]);
