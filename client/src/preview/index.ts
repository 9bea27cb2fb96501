import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENDER_CARD_METHOD, type RenderCardParams, type RenderCardResult } from '../../../server/src/lsp/cardProtocol';
import { CardPreviewManager } from './manager';

/**
 * Registers the card preview. The card is rendered by the language server (one parser, the
 * workspace's vocabularies, the report index); the client asks for it and hosts it.
 */
export function registerCardPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): CardPreviewManager {
  const manager = new CardPreviewManager(context.extensionUri, {
    render: async (uri) => {
      const c = client();
      if (!c || !c.isRunning()) return null;
      const params: RenderCardParams = { uri: c.code2ProtocolConverter.asUri(uri) };
      return c.sendRequest<RenderCardResult | null>(RENDER_CARD_METHOD, params);
    },
  });
  context.subscriptions.push(manager);
  return manager;
}
