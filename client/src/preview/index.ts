import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { RenderCardRequest } from '../../../protocol/src/requests';
import type { FileRoles } from '../fileRoles';
import { CardPreviewManager } from './manager';

/**
 * Registers the card preview. The card is rendered by the language server (one parser, the
 * workspace's vocabularies, the report index); the client asks for it and hosts it. Which
 * documents are resources the server says too (`roles`).
 */
export function registerCardPreview(
  context: vscode.ExtensionContext,
  client: (uri: vscode.Uri) => LanguageClient | undefined,
  roles: FileRoles<vscode.Uri>,
): CardPreviewManager {
  const manager = new CardPreviewManager(
    context.extensionUri,
    {
      render: async (uri) => {
        const c = client(uri);
        if (!c || !c.isRunning()) return null;
        return c.sendRequest(RenderCardRequest.type, { uri: c.code2ProtocolConverter.asUri(uri) });
      },
    },
    roles,
  );
  context.subscriptions.push(manager);
  return manager;
}
