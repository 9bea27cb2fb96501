import type { FileRoles } from '../fileRoles';
import { asksStatus } from '../statusView';

/** What the preview manager does with the answers. */
export interface ResourceEditorsHost<U> {
  /** The open documents' URIs (of any scheme: only files and untitled ones are asked about). */
  documents(): readonly U[];
  /** The open documents that are resources, whenever that list changes (the menus' context key). */
  resourcesChanged(resources: readonly U[]): void;
  /** The active editor shows a resource: the following preview moves to it. */
  resourceActivated(uri: U): void;
}

/**
 * Which editors get a card and which documents the menus offer one for, from what the server says
 * each file is. A known file is decided at once; one not known yet is asked about once, and its
 * editor decided when the answer comes (if it is still the active one), so the preview keeps its
 * card meanwhile rather than flicker. Open documents are asked about as they open, so the answer
 * is usually there before their editor is shown. Pure (URIs only need a scheme and `toString`) so
 * it is unit-tested without VS Code.
 */
export class ResourceEditors<U extends { scheme: string; toString(): string }> {
  /** The active editor's document while the server has not said what it is. */
  private undecided: U | undefined;
  /** The resources last reported, so an unchanged list is not sent again. */
  private reported: string | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly roles: FileRoles<U>,
    private readonly host: ResourceEditorsHost<U>,
  ) {
    this.subscription = roles.onDidForget(() => this.rolesForgotten());
  }

  /** The active editor changed (undefined: none, or not a text editor). */
  activeChanged(uri: U | undefined): void {
    this.undecided = undefined;
    if (!uri || !asksStatus({ uri })) return;
    const role = this.roles.peek(uri);
    if (role === 'resource') this.host.resourceActivated(uri);
    if (role !== undefined) return;
    this.undecided = uri;
    this.decideWhenAnswered(uri);
  }

  /** A document opened or closed (`closed`: its answer is dropped with it). */
  documentsChanged(closed?: U): void {
    if (closed) this.roles.forget(closed);
    this.askAboutDocuments();
    this.report();
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private decideWhenAnswered(uri: U): void {
    void this.roles.role(uri).then((role) => {
      // No answer (no server yet): asked again when the roles are forgotten, as a server starts.
      if (role === undefined || this.undecided?.toString() !== uri.toString()) return;
      this.undecided = undefined;
      if (role === 'resource') this.host.resourceActivated(uri);
    });
  }

  /**
   * Settings changed or a server started: ask again about the open documents and an undecided
   * editor. The resources reported stay until the answers replace them.
   */
  private rolesForgotten(): void {
    this.askAboutDocuments();
    if (this.undecided) this.decideWhenAnswered(this.undecided);
  }

  private askAboutDocuments(): void {
    for (const uri of this.host.documents()) {
      if (!asksStatus({ uri }) || this.roles.peek(uri) !== undefined) continue;
      void this.roles.role(uri).then((role) => {
        if (role !== undefined) this.report();
      });
    }
  }

  private report(): void {
    const resources = this.host.documents().filter((uri) => asksStatus({ uri }) && this.roles.peek(uri) === 'resource');
    const key = JSON.stringify(resources.map(String));
    if (key === this.reported) return;
    this.reported = key;
    this.host.resourcesChanged(resources);
  }
}
