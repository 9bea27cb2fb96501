import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NewResourceRequest, type NewResourceParams, type NewResourceResult } from '../../protocol/src/requests';

export const NEW_RESOURCE_COMMAND = 'resourceAuthoring.newResource';

/**
 * The command's optional argument, never offered in the UI: answers to its questions given in
 * advance (tests, other extensions), so it runs without input boxes.
 */
export interface NewResourceArgs {
  title?: string;
  /** '' for no link. */
  link?: string;
  type?: string;
  folder?: string;
}

/** What the command did, for whoever runs it programmatically. */
export interface NewResourceOutcome {
  status: 'created' | 'cancelled' | 'unavailable';
  uri?: string;
  rule?: string;
  reason?: string;
}

function parseArgs(raw: unknown): NewResourceArgs {
  if (!raw || typeof raw !== 'object' || raw instanceof vscode.Uri) return {};
  const r = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { title: str(r.title), link: str(r.link), type: str(r.type), folder: str(r.folder) };
}

async function pickFolder(preset: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (preset) return folders.find((f) => f.uri.toString() === preset);
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active && vscode.workspace.getWorkspaceFolder(active);
  if (own) return own;
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder of the new resource' });
}

/**
 * "Resources: New Resource": asks for the title (and, optionally, the link), lets the folder's server
 * name the file and write the skeleton, creates the file, inserts the skeleton as a snippet (Tab moves
 * through the placeholders, focus, type and readability are choices) and opens the card beside it.
 */
async function newResource(client: (uri: vscode.Uri) => BaseLanguageClient | undefined, raw: unknown): Promise<NewResourceOutcome> {
  const args = parseArgs(raw);
  const folder = await pickFolder(args.folder);
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder to create a resource in it.');
    return { status: 'unavailable', reason: 'no folder' };
  }
  const c = client(folder.uri);
  if (!c || !c.isRunning()) {
    void vscode.window.showWarningMessage('The Resource Authoring language server is not running for this folder.');
    return { status: 'unavailable', reason: 'no server' };
  }
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: 'New Resource',
      prompt: 'Title of the resource',
      validateInput: (v) => (v.trim() === '' ? 'A resource needs a title.' : undefined),
    }));
  if (title === undefined) return { status: 'cancelled' };
  const link =
    args.link ??
    (await vscode.window.showInputBox({
      title: 'New Resource',
      prompt: 'Link to the resource (optional: Enter to leave a placeholder)',
      placeHolder: 'https://…',
    }));
  if (link === undefined) return { status: 'cancelled' };

  const params: NewResourceParams = { title, ...(link.trim() ? { link: link.trim() } : {}), ...(args.type ? { type: args.type } : {}) };
  let answer: NewResourceResult = await c.sendRequest(NewResourceRequest.type, params);
  if (answer.kind === 'needsType') {
    const picked = await vscode.window.showQuickPick(
      answer.types.map((t) => ({ label: t.value, description: t.label && t.label !== t.value ? t.label : undefined })),
      { title: 'New Resource', placeHolder: 'Type of the resource (the file name ends with it, as the library’s do)' },
    );
    if (!picked) return { status: 'cancelled' };
    answer = await c.sendRequest(NewResourceRequest.type, { ...params, type: picked.label });
  }
  if (answer.kind === 'needsType') return { status: 'unavailable', reason: 'no type' };
  if (answer.kind === 'unavailable') {
    void vscode.window.showWarningMessage(answer.reason);
    return { status: 'unavailable', reason: answer.reason };
  }
  const uri = c.protocol2CodeConverter.asUri(answer.uri);
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  await vscode.commands.executeCommand('resourceAuthoring.openPreviewToSide', uri);
  await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn, preview: false });
  await editor.insertSnippet(new vscode.SnippetString(answer.snippet), new vscode.Position(0, 0));
  return { status: 'created', uri: uri.toString(), rule: answer.rule };
}

export function registerNewResource(context: vscode.ExtensionContext, client: (uri: vscode.Uri) => BaseLanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_RESOURCE_COMMAND, (arg?: unknown) => newResource(client, arg)));
}
