import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { RetireTermRequest } from '../../protocol/src/requests';

/** Named as the server's code lenses and code actions name them (server/src/core/project/vocabularyFeatures.ts). */
export const SHOW_TERM_REFERENCES_COMMAND = 'resourceAuthoring.showTermReferences';
export const RETIRE_TERM_COMMAND = 'resourceAuthoring.retireTerm';

/** The retire action's argument, as the server sends it. */
interface RetireTermArguments {
  uri: string;
  vocabulary: 'learnTags' | 'focus' | 'type';
  value: string;
  candidates: { value: string; label?: string }[];
  required: number;
}

/**
 * The two client halves of the vocabulary refactorings: a code lens's "used by N resources" opens the
 * references peek (`editor.action.showReferences` needs editor types, which the server cannot send), and
 * "Retire term, replacing it with…" asks for the replacement in a quick pick, then applies the
 * server's edit as a refactoring, so the preview shows every change before it is written.
 */
export function registerVocabularyCommands(
  context: vscode.ExtensionContext,
  clientFor: (uri: vscode.Uri) => LanguageClient | undefined,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TERM_REFERENCES_COMMAND, async (uri: string, position: { line: number; character: number }) => {
      const target = vscode.Uri.parse(uri);
      const at = new vscode.Position(position.line, position.character);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', target, at);
      await vscode.commands.executeCommand('editor.action.showReferences', target, at, locations ?? []);
    }),
    vscode.commands.registerCommand(RETIRE_TERM_COMMAND, async (args: RetireTermArguments, replaceWith?: string): Promise<boolean> => {
      const client = clientFor(vscode.Uri.parse(args.uri));
      if (!client) return false;
      let replacement = replaceWith;
      if (replacement === undefined) {
        const picked = await vscode.window.showQuickPick(
          args.candidates.map((c) => ({ label: c.value, description: c.label })),
          {
            title: `Retire '${args.value}'`,
            placeHolder: `${args.required} resource${args.required === 1 ? '' : 's'} need another value instead of '${args.value}': pick it`,
          },
        );
        if (!picked) return false;
        replacement = picked.label;
      }
      const answer = await client.sendRequest(RetireTermRequest.type, {
        vocabulary: args.vocabulary,
        value: args.value,
        replaceWith: replacement,
      });
      if (!answer.edit) {
        void vscode.window.showErrorMessage(answer.error ?? `'${args.value}' could not be retired.`);
        return false;
      }
      const edit = await client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
      return vscode.workspace.applyEdit(edit, { isRefactoring: true });
    }),
  );
}
