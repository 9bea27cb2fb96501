import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { FixWorkspaceRequest, type FixWorkspaceResult } from '../../protocol/src/requests';

export const FIX_WORKSPACE_COMMAND = 'resourceAuthoring.fixWorkspace';

/** What the command did, for whoever runs it programmatically (tests): nothing, cancelled, or the edit's size and whether it was applied. */
export interface FixWorkspaceOutcome {
  status: 'nothing' | 'cancelled' | 'applied' | 'discarded';
  problems: number;
  files: number;
}

/**
 * The command's optional argument, never offered in the UI: `preview: false` applies the edit at once,
 * as if every change were ticked and Apply pressed, so tests can check the applied result (the
 * refactor preview can only be ticked and applied by hand).
 */
export interface FixWorkspaceOptions {
  preview?: boolean;
}

/**
 * One server's answer as editor edits, each with its change annotation, so the preview groups it by
 * problem code; `confirm` keeps the annotation's `needsConfirmation`, which is what opens the preview.
 */
function addTo(edit: vscode.WorkspaceEdit, client: LanguageClient, answer: FixWorkspaceResult, confirm: boolean): void {
  const annotations = answer.edit.changeAnnotations ?? {};
  const p2c = client.protocol2CodeConverter;
  for (const change of answer.edit.documentChanges ?? []) {
    if (!('textDocument' in change)) continue;
    const uri = p2c.asUri(change.textDocument.uri);
    for (const e of change.edits) {
      if (!('newText' in e)) continue; // the server sends no snippets
      const id = 'annotationId' in e ? e.annotationId : undefined;
      const a = id !== undefined ? annotations[id] : undefined;
      const metadata = a && { label: a.label, description: a.description, needsConfirmation: confirm && a.needsConfirmation === true };
      edit.replace(uri, p2c.asRange(e.range), e.newText, metadata);
    }
  }
}

/**
 * "Resources: Fix All Resource Problems in the Workspace": every server (one per folder) says what
 * fix-all would change in its folder; the edits go to the refactor preview, where the author sees each
 * change by file and problem code and can untick some before applying.
 */
export function registerFixWorkspace(context: vscode.ExtensionContext, clients: () => LanguageClient[]): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FIX_WORKSPACE_COMMAND, async (options?: FixWorkspaceOptions): Promise<FixWorkspaceOutcome> => {
      const preview = options?.preview !== false;
      const answers = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Finding resource fixes in the workspace', cancellable: true },
        async (_progress, token) =>
          Promise.all(
            clients().map(async (client) => ({ client, answer: await client.sendRequest(FixWorkspaceRequest.type, {}, token) })),
          ).then((all) => (token.isCancellationRequested ? undefined : all)),
      );
      if (!answers || answers.some((a) => a.answer === null)) return { status: 'cancelled', problems: 0, files: 0 };
      const edit = new vscode.WorkspaceEdit();
      let problems = 0;
      let files = 0;
      for (const { client, answer } of answers) {
        if (!answer || answer.files === 0) continue;
        addTo(edit, client, answer, preview);
        problems += answer.problems;
        files += answer.files;
      }
      if (files === 0) {
        void vscode.window.showInformationMessage('No resource problems in the workspace can be fixed automatically.');
        return { status: 'nothing', problems: 0, files: 0 };
      }
      const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
      return { status: applied ? 'applied' : 'discarded', problems, files };
    }),
  );
}
