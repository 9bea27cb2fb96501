import * as vscode from 'vscode';
import { parsePreviewState } from './messages';
import { CardPreview, VIEW_TYPE, webviewOptions, type CardRenderer } from './panel';
import { isResourceDocument } from './resourceFiles';

export const COMMANDS = {
  open: 'resourceAuthoring.openPreview',
  openToSide: 'resourceAuthoring.openPreviewToSide',
  toggleLock: 'resourceAuthoring.togglePreviewLock',
  showSource: 'resourceAuthoring.showPreviewSource',
} as const;

/** Context key: fs paths of the open resource files, for menus (`resourcePath in …`). */
const RESOURCE_PATHS_KEY = 'resourceAuthoring.resourcePaths';
const AUTO_OPEN_SETTING = 'preview.openAutomatically';

/**
 * Owns the card previews: at most one unlocked preview that follows the active resource editor
 * (like Markdown's preview), any number of locked ones, the commands, the auto-open setting, and
 * the serializer that brings previews back after a window reload.
 */
export class CardPreviewManager implements vscode.Disposable {
  private readonly previews = new Set<CardPreview>();
  private active: CardPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly renderer: CardRenderer,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(COMMANDS.open, (uri?: unknown) => this.open(uri, false)),
      vscode.commands.registerCommand(COMMANDS.openToSide, (uri?: unknown) => this.open(uri, true)),
      vscode.commands.registerCommand(COMMANDS.toggleLock, () => this.toggleLock()),
      vscode.commands.registerCommand(COMMANDS.showSource, () => this.showSource()),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.documentChanged(e.document.uri)),
      // Diagnostics change when the configuration or another file changes (vocabularies, duplicates).
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((uri) => this.documentChanged(uri))),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.activeEditorChanged(editor)),
      vscode.workspace.onDidOpenTextDocument(() => this.updateContext()),
      vscode.workspace.onDidCloseTextDocument(() => this.updateContext()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('resourceAuthoring.resourceGlobs')) this.updateContext();
      }),
    );
    this.updateContext();
    this.activeEditorChanged(vscode.window.activeTextEditor);
  }

  /** The previews open now (for tests and the e2e helper). */
  get all(): readonly CardPreview[] {
    return [...this.previews];
  }

  private dynamicPreview(): CardPreview | undefined {
    return [...this.previews].find((p) => !p.locked);
  }

  private async open(arg: unknown, toSide: boolean): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a resource file to preview its card.');
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const existing = this.dynamicPreview();
    if (existing) {
      existing.setResource(uri);
      existing.panel.reveal(column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Card', { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.extensionUri));
    this.track(new CardPreview(panel, uri, false, this.extensionUri, this.renderer));
  }

  private async restore(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    if (!state) {
      panel.dispose();
      return;
    }
    // Only one unlocked preview may follow the editor; extra restored ones come back locked.
    const locked = state.locked || this.dynamicPreview() !== undefined;
    this.track(new CardPreview(panel, vscode.Uri.parse(state.resource, true), locked, this.extensionUri, this.renderer));
  }

  private track(preview: CardPreview): void {
    this.previews.add(preview);
    if (preview.panel.active) this.active = preview;
    preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.active = preview;
      else if (this.active === preview) this.active = undefined;
    });
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.active === preview) this.active = undefined;
    });
  }

  private toggleLock(): void {
    const preview = this.active ?? (this.previews.size === 1 ? [...this.previews][0] : undefined);
    if (!preview) return;
    if (preview.locked) {
      // Unlocking makes this the preview that follows the editor; an older follower gives way.
      const other = this.dynamicPreview();
      if (other && other !== preview) other.dispose();
    }
    preview.setLocked(!preview.locked);
    if (!preview.locked) this.activeEditorChanged(vscode.window.activeTextEditor);
  }

  private async showSource(): Promise<void> {
    const preview = this.active ?? this.dynamicPreview();
    if (!preview) return;
    const doc = await vscode.workspace.openTextDocument(preview.resource);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    await vscode.window.showTextDocument(doc, visible?.viewColumn ?? vscode.ViewColumn.One);
  }

  private documentChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const p of this.previews) if (p.resource.toString() === key) p.scheduleRefresh();
  }

  private activeEditorChanged(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isResourceDocument(editor.document)) return;
    const uri = editor.document.uri;
    const follower = this.dynamicPreview();
    if (follower) {
      follower.setResource(uri);
      return;
    }
    const shown = [...this.previews].some((p) => p.resource.toString() === uri.toString());
    if (!shown && vscode.workspace.getConfiguration('resourceAuthoring', uri).get<boolean>(AUTO_OPEN_SETTING) === true) {
      void this.open(uri, true);
    }
  }

  private updateContext(): void {
    const paths = vscode.workspace.textDocuments.filter(isResourceDocument).map((d) => d.uri.fsPath);
    void vscode.commands.executeCommand('setContext', RESOURCE_PATHS_KEY, paths);
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
