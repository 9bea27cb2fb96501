import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListFilesRequest, ReadFileRequest, type ReadFileResult } from '../../protocol/src/requests';

/** Folders never listed: dependencies and version control, as the Node server's walk skips them. */
const SKIPPED = ['node_modules', '.git', '.hg', '.svn'];

/** How long the search may take before the folder is walked instead. */
const SEARCH_WAIT_MS = 5000;

/**
 * Answers a server that cannot reach the folder's files itself (the Web Worker in VS Code for the
 * Web) through `vscode.workspace.fs`, which serves every file system a window can open (`file`,
 * `vscode-vfs` on github.dev, `vscode-test-web`, …). The Node server never asks.
 */
export function answerFileRequests(client: BaseLanguageClient): void {
  client.onRequest(ListFilesRequest.type, ({ folder }) => listFiles(vscode.Uri.parse(folder)));
  client.onRequest(ReadFileRequest.type, ({ uri }) => readFile(vscode.Uri.parse(uri)));
}

const decoder = new TextDecoder('utf-8');

async function readFile(uri: vscode.Uri): Promise<ReadFileResult> {
  try {
    // In Restricted Mode nothing outside the window's folders is read, nor through a symbolic link
    // (which may point out of them), as the Node server's disk host refuses both.
    if (!vscode.workspace.isTrusted) {
      if (!vscode.workspace.getWorkspaceFolder(uri)) return { error: 'NoPermissions: outside the workspace folders' };
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.SymbolicLink) {
        return { error: 'NoPermissions: a symbolic link, not followed in Restricted Mode' };
      }
    }
    return { text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (e) {
    return { error: e instanceof vscode.FileSystemError ? e.code : e instanceof Error ? e.message : String(e) };
  }
}

/** Every file under `folder` as root-relative paths: the search service where there is one, else a walk. */
export async function listFiles(folder: vscode.Uri): Promise<string[]> {
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  // A scheme without a search provider has findFiles wait for one (the web worker host on a remote
  // folder) or answer nothing: after SEARCH_WAIT_MS, or with nothing found, the folder is walked.
  const search = vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), `**/{${SKIPPED.join(',')}}/**`).then(
    (found) =>
      found
        .filter((u) => u.path.startsWith(prefix))
        .map((u) => u.path.slice(prefix.length))
        .sort(),
    () => [],
  );
  const found = await Promise.race([search, new Promise<string[]>((resolve) => setTimeout(() => resolve([]), SEARCH_WAIT_MS))]);
  return found.length > 0 ? found : walk(folder);
}

async function walk(folder: vscode.Uri): Promise<string[]> {
  const files: string[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(rel ? vscode.Uri.joinPath(folder, rel) : folder);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      if (type & vscode.FileType.SymbolicLink && !vscode.workspace.isTrusted) continue; // may lead out of the folder
      const path = rel ? `${rel}/${name}` : name;
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED.includes(name)) pending.push(path);
      } else if (type & vscode.FileType.File) files.push(path);
    }
  }
  return files.sort();
}
