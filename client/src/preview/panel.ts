import * as vscode from 'vscode';
import type { RenderCardResult } from '../../../protocol/src/requests';
import { parseWebviewMessage, type UpdateMessage, type WebviewMessage } from './messages';
import { placeholder, previewPage } from './page';

export const VIEW_TYPE = 'resourceAuthoring.cardPreview';

/** A keystroke's re-render waits this long for more keystrokes (the card shows within 200 ms). */
const DEBOUNCE_MS = 60;

/** What a preview needs from its host: render a document through the language server. */
export interface CardRenderer {
  render(uri: vscode.Uri): Promise<RenderCardResult | null>;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * One card preview panel: shows one resource file's card, re-rendered as the file changes. A locked
 * preview stays on its file; an unlocked one is moved by the manager to the active resource editor.
 */
export class CardPreview implements vscode.Disposable {
  private last: RenderCardResult | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rendering = false;
  private again = false;
  private ready = false;
  private disposed = false;
  private attempts = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private isLocked: boolean,
    private readonly extensionUri: vscode.Uri,
    private readonly renderer: CardRenderer,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is torn down and rebuilt from its HTML when shown; its script says `ready` again.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    this.showPage();
    this.refresh();
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  get locked(): boolean {
    return this.isLocked;
  }

  /** The last rendered card (for tests and commands). */
  get result(): RenderCardResult | undefined {
    return this.last;
  }

  setResource(uri: vscode.Uri): void {
    if (uri.toString() === this.resourceUri.toString()) return;
    this.resourceUri = uri;
    this.last = undefined;
    this.attempts = 0;
    this.updateTitle();
    this.refresh();
  }

  setLocked(locked: boolean): void {
    this.isLocked = locked;
    this.updateTitle();
    this.post();
  }

  /** Re-render soon: coalesces a burst of keystrokes into one request. */
  scheduleRefresh(delay = DEBOUNCE_MS): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, delay);
  }

  /** Asks the server for the card now; a request already running is followed by exactly one more. */
  refresh(): void {
    if (this.disposed) return;
    if (this.rendering) {
      this.again = true;
      return;
    }
    this.rendering = true;
    void this.renderOnce().finally(() => {
      this.rendering = false;
      if (this.again && !this.disposed) {
        this.again = false;
        this.refresh();
      }
    });
  }

  private async renderOnce(): Promise<void> {
    const uri = this.resourceUri;
    let result: RenderCardResult | null = null;
    let failure: string | undefined;
    try {
      // Opening makes sure the language server has the document (after a reload, say).
      const doc = await vscode.workspace.openTextDocument(uri);
      result = await this.renderer.render(uri);
      // The server answered for an older version (the change is still on its way): ask again.
      if (result && result.version < doc.version) this.again = true;
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
    }
    if (this.disposed || uri.toString() !== this.resourceUri.toString()) return;
    if (!result) {
      // The server may be starting or may not have the document yet: retry with back-off, then say so.
      if (this.attempts++ < 8) this.scheduleRefresh(Math.min(2000, 100 * 2 ** this.attempts));
      else if (!this.last)
        this.postHtml(placeholder(`The card cannot be shown: ${failure ?? 'the language server does not have this file open'}.`));
      return;
    }
    this.attempts = 0;
    const changed = !this.last || this.last.html !== result.html;
    this.last = result;
    if (changed) this.post();
  }

  private showPage(): void {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    webview.html = previewPage({
      cspSource: webview.cspSource,
      nonce: nonce(),
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
      body: this.last?.html ?? placeholder('Rendering the card…'),
      state: { resource: this.resourceUri.toString(), locked: this.isLocked },
    });
    this.updateTitle();
  }

  private updateTitle(): void {
    const name = this.resourceUri.path.slice(this.resourceUri.path.lastIndexOf('/') + 1);
    this.panel.title = this.isLocked ? `[Locked] Card: ${name}` : `Card: ${name}`;
  }

  private post(): void {
    if (this.last) this.postHtml(this.last.html);
  }

  private postHtml(html: string): void {
    if (!this.ready || this.disposed) return;
    const message: UpdateMessage = { type: 'update', html, resource: this.resourceUri.toString(), locked: this.isLocked };
    void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (message) void this.act(message);
  }

  private async act(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'reveal': {
        const problem = this.last?.problems[message.problem];
        if (!problem) return;
        const { start, end } = problem.range;
        await this.showInEditor(this.resourceUri, new vscode.Range(start.line, start.character, end.line, end.character));
        return;
      }
      case 'openLink':
        await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        return;
      case 'openSection': {
        const location = this.last?.sections[message.section];
        if (!location) return;
        await this.showInEditor(vscode.Uri.parse(location.uri, true), new vscode.Range(location.line, 0, location.line, 0));
        return;
      }
    }
  }

  /** Shows a range in the editor that already shows the file, else in the first column. */
  private async showInEditor(uri: vscode.Uri, range: vscode.Range): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

/** A fresh CSP nonce: Web Crypto, present in the Node and the browser extension hosts alike. */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
