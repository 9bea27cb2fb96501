import { addVotes, noVotes, sourceVotes, type StyleVotes } from '../completionStyle';
import type { Configuration } from '../configuration';

/**
 * How the workspace's resource files write their values (quoting, flow or block lists), for completion
 * in a file that shows no style of its own. Kept as running totals: a file's votes are counted when the
 * workspace check reads it and replaced when it changes, so a completion only reads the totals.
 */
export class LibraryStyle {
  private readonly byFile = new Map<string, StyleVotes>();
  private readonly totals = noVotes();

  /** A resource file's current text (from disk or the editor). */
  note(uri: string, text: string, config: Configuration): void {
    this.forget(uri);
    const votes = sourceVotes(text, config);
    this.byFile.set(uri, votes);
    addVotes(this.totals, votes);
  }

  forget(uri: string): void {
    const old = this.byFile.get(uri);
    if (!old) return;
    addVotes(this.totals, old, -1);
    this.byFile.delete(uri);
  }

  get votes(): StyleVotes {
    return { ...this.totals };
  }
}
