import type { FileRole } from '../../protocol/src/requests';

/**
 * Asks the server what a file is (`resourceAuthoring/fileStatus`); undefined when no server could
 * answer (none started yet, or stopping).
 */
export type AskRole<U> = (uri: U) => Promise<FileRole | undefined>;

/**
 * What the server said each file is, so the client never matches `resourceAuthoring.resourceGlobs`
 * itself. A file is asked about once and its answer kept until it is forgotten (the document closed
 * or renamed) or everything is (a setting changed, a server started): then `onDidForget` listeners
 * ask again. Asking again while a question is on its way sends nothing new, and an answer to a
 * question asked before the last `forgetAll` is dropped, since it may follow the old settings.
 * Pure (URIs only need `toString`) so it is unit-tested without VS Code.
 */
export class FileRoles<U extends { toString(): string }> {
  private readonly known = new Map<string, FileRole>();
  private readonly asking = new Map<string, Promise<FileRole | undefined>>();
  private generation = 0;
  private readonly forgetListeners = new Set<() => void>();

  constructor(private readonly ask: AskRole<U>) {}

  /** The role the server gave, or undefined when it has not answered yet. Sends nothing. */
  peek(uri: U): FileRole | undefined {
    return this.known.get(uri.toString());
  }

  /** The role, asking the server only when it is not known yet; undefined when no server answered. */
  role(uri: U): Promise<FileRole | undefined> {
    const key = uri.toString();
    if (this.known.has(key)) return Promise.resolve(this.known.get(key));
    const pending = this.asking.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const question = this.ask(uri)
      .catch(() => undefined)
      .then((role) => {
        if (generation !== this.generation) return undefined;
        this.asking.delete(key);
        if (role !== undefined) this.known.set(key, role);
        return role;
      });
    this.asking.set(key, question);
    return question;
  }

  /** One file's answer no longer holds (its document closed, or was renamed). */
  forget(uri: U): void {
    this.known.delete(uri.toString());
  }

  /** No answer holds any more (settings changed, a server started): the listeners ask again. */
  forgetAll(): void {
    this.generation++;
    this.known.clear();
    this.asking.clear();
    for (const listener of [...this.forgetListeners]) listener();
  }

  /** Called after `forgetAll`, to ask again about what the listener shows. */
  onDidForget(listener: () => void): { dispose(): void } {
    this.forgetListeners.add(listener);
    return { dispose: () => this.forgetListeners.delete(listener) };
  }
}
