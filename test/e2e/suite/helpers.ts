// Shared helpers of the in-host suite: where the example workspace is, and waiting for conditions.
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'resource-authoring.resource-authoring';

/** The example workspace the runner opened (a throw-away copy of test/e2e/workspace). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs the example workspace open as the first folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `what` and the last value seen. Never a fixed sleep: the editor decides how fast things happen.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Our diagnostics of `uri` (source "resources") as soon as there are any. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'resources');
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

export function rangeOf(d: vscode.Diagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

export async function openResource(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc);
}

/** The repository's built CLI (dist/cli.js): the built suite sits in out/test/e2e/suite of the same checkout. */
export const CLI = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

/** Runs `resource-lint` with `args` in `cwd` and returns its exit code and output, for comparing the editor with it. */
export function resourceLint(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `text` to `uri` and waits until the editor's file watcher has reported it, so the server has heard of it too. */
export async function writeAndHear(files: [vscode.Uri, string][]): Promise<void> {
  const heard = new Set<string>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const hear = (uri: vscode.Uri) => heard.add(uri.toString());
  watcher.onDidCreate(hear);
  watcher.onDidChange(hear);
  try {
    for (const [uri, text] of files) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitFor('the file events of the writes', () => (files.every(([uri]) => heard.has(uri.toString())) ? true : undefined));
  } finally {
    watcher.dispose();
  }
}

/** A file's bytes as text, a BOM kept as U+FEFF. */
export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
}
