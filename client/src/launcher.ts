import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

/**
 * The one thing that differs between the desktop and the web builds of the client: how the language
 * server is started (a Node process over IPC, or a Web Worker). Everything else is shared.
 */
export type ServerLauncher = (
  context: vscode.ExtensionContext,
  id: string,
  name: string,
  clientOptions: LanguageClientOptions,
) => BaseLanguageClient;
