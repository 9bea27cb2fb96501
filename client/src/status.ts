import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { FileStatusRequest, type FileStatusResult } from '../../protocol/src/requests';
import { asksStatus, statusView, type StatusView } from './statusView';

export const SHOW_STATUS_COMMAND = 'resourceAuthoring.showStatus';

/** The server's `resourceAuthoring/fileStatus` answer for a file; undefined when no server answers. */
export async function askFileStatus(client: LanguageClient | undefined, uri: vscode.Uri): Promise<FileStatusResult | undefined> {
  if (!client) return undefined;
  try {
    // While the server starts, the request waits for it.
    return await client.sendRequest(FileStatusRequest.type, { uri: client.code2ProtocolConverter.asUri(uri) });
  } catch {
    return undefined; // stopped or restarting: the next event asks again
  }
}

/** What `resourceAuthoring.showStatus` returns: the server's answer and the text the status bar shows for it. */
export interface ShownStatus extends FileStatusResult {
  text: string;
}

/**
 * The status bar item on resource and report files ("Resources: 3 problems", "report: 128 §"). The
 * server says what the file is (the client never matches globs itself); the item is refreshed when
 * the active editor changes and when that file's diagnostics change. Clicking it runs
 * `resourceAuthoring.showStatus`: the card preview for a resource, the server's log for a report.
 */
export function registerFileStatus(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  client: (uri: vscode.Uri) => LanguageClient | undefined,
): void {
  const item = vscode.window.createStatusBarItem('resourceAuthoring.fileStatus', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Resource Authoring';
  item.command = SHOW_STATUS_COMMAND;
  let asked = 0;

  const show = (view: StatusView | undefined): void => {
    if (!view) {
      item.hide();
      return;
    }
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.show();
  };

  /** Asks about the active editor's file and shows the answer, unless another editor became active meanwhile. */
  const refresh = async (): Promise<{ uri: vscode.Uri; status: FileStatusResult; view: StatusView } | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const ticket = ++asked;
    if (!editor || !asksStatus(editor.document)) {
      show(undefined);
      return undefined;
    }
    const uri = editor.document.uri;
    const status = await askFileStatus(client(uri), uri);
    const view = statusView(status);
    if (ticket === asked) show(view);
    return status && view ? { uri, status, view } : undefined;
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void refresh();
    }),
    vscode.commands.registerCommand(SHOW_STATUS_COMMAND, async (): Promise<ShownStatus | undefined> => {
      const shown = await refresh();
      if (!shown) return undefined;
      if (shown.view.action === 'preview') await vscode.commands.executeCommand('resourceAuthoring.openPreviewToSide', shown.uri);
      else output.show(true);
      return { ...shown.status, text: shown.view.text };
    }),
  );
  // The servers are created right after this (activate): ask once they can answer.
  setTimeout(() => void refresh(), 0);
}
