import type { FileRole } from '../../../protocol/src/requests';
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

/** The active editor's document, and the role it was last decided with (undefined: not yet). */
interface ActiveEditor<U> {
  uri: U;
  decided: FileRole | undefined;
}

/**
 * Which editors get a card and which documents the menus offer one for, from what the server says
 * each file is. A known file is decided at once; one not known yet is asked about once, and its
 * editor decided when the answer comes (if it is still the active one), so the preview keeps its
 * card meanwhile rather than flicker. Open documents are asked about as they open, so the answer
 * is usually there before their editor is shown. When the answers are forgotten (a setting
 * changed, a server started), the active editor is decided again: followed if it has just become
 * a resource, left alone if it already was one. Pure (URIs only need a scheme and `toString`) so
 * it is unit-tested without VS Code.
 */
export class ResourceEditors<U extends { scheme: string; toString(): string }> {
  private active: ActiveEditor<U> | undefined;
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
    this.active = uri && asksStatus({ uri }) ? { uri, decided: undefined } : undefined;
    if (!this.active) return;
    const role = this.roles.peek(this.active.uri);
    if (role === undefined) this.decideWhenAnswered(this.active);
    else this.decide(this.active, role);
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

  private decideWhenAnswered(active: ActiveEditor<U>): void {
    void this.roles.role(active.uri).then((role) => {
      // No answer (no server yet): asked again when the roles are forgotten, as a server starts.
      // Another editor active meanwhile: that one is decided instead.
      if (role !== undefined && this.active === active) this.decide(active, role);
    });
  }

  private decide(active: ActiveEditor<U>, role: FileRole): void {
    const before = active.decided;
    active.decided = role;
    if (role === 'resource' && before !== 'resource') this.host.resourceActivated(active.uri);
  }

  /**
   * Settings changed or a server started: ask again about the open documents and the active
   * editor. The resources reported stay until the answers replace them.
   */
  private rolesForgotten(): void {
    this.askAboutDocuments();
    if (this.active) this.decideWhenAnswered(this.active);
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
