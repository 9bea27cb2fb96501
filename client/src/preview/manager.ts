import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../../protocol/src/names';
import type { FileRoles } from '../fileRoles';
import { parsePreviewState } from './messages';
import { CardPreview, VIEW_TYPE, webviewOptions, type CardRenderer } from './panel';
import { ResourceEditors } from './resourceEditors';

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
 * the serializer that brings previews back after a window reload. Which editors are resources the
 * server says, through `roles` (see resourceEditors.ts).
 */
export class CardPreviewManager implements vscode.Disposable {
  private readonly previews = new Set<CardPreview>();
  private active: CardPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly editors: ResourceEditors<vscode.Uri>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly renderer: CardRenderer,
    roles: FileRoles<vscode.Uri>,
  ) {
    this.editors = new ResourceEditors(roles, {
      documents: () => vscode.workspace.textDocuments.map((d) => d.uri),
      resourcesChanged: (uris) =>
        void vscode.commands.executeCommand(
          'setContext',
          RESOURCE_PATHS_KEY,
          uris.map((u) => u.fsPath),
        ),
      resourceActivated: (uri) => this.resourceActivated(uri),
    });
    this.disposables.push(
      this.editors,
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
      vscode.window.onDidChangeActiveTextEditor((editor) => this.editors.activeChanged(editor?.document.uri)),
      vscode.workspace.onDidOpenTextDocument(() => this.editors.documentsChanged()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.editors.documentsChanged(doc.uri)),
    );
    this.editors.documentsChanged();
    this.editors.activeChanged(vscode.window.activeTextEditor?.document.uri);
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
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Card',
      { viewColumn: column, preserveFocus: toSide },
      webviewOptions(this.extensionUri),
    );
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
    if (!preview.locked) this.editors.activeChanged(vscode.window.activeTextEditor?.document.uri);
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

  /** A resource's editor became active: the following preview moves to it, or one opens if the setting says so. */
  private resourceActivated(uri: vscode.Uri): void {
    const follower = this.dynamicPreview();
    if (follower) {
      follower.setResource(uri);
      return;
    }
    const shown = [...this.previews].some((p) => p.resource.toString() === uri.toString());
    if (!shown && vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<boolean>(AUTO_OPEN_SETTING) === true) {
      void this.open(uri, true);
    }
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
