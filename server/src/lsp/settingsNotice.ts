import type { SettingsProblem } from '../core';

/** The parts of the LSP connection the notice uses (the error notification and the log). */
export interface NoticeChannel {
  /** A `window/showMessage` notification of type Error: nothing to answer, so nothing to wait for. */
  showError(message: string): unknown;
  log(message: string): void;
}

/**
 * Tells the author about `resourceAuthoring.*` settings the server ignores (an unknown severity or
 * code, a glob list that is not one): an error notification and a log line, as `resource-lint`
 * exits 2 on the same settings. Shown once per distinct set of problems, not on every reload (a
 * vocabulary change reloads settings too); fixing them and breaking them again shows it again.
 */
export class SettingsNotice {
  private shown = '';

  constructor(private readonly channel: NoticeChannel) {}

  /** Says what is wrong with the settings just loaded (nothing when the same was said last time). */
  show(problems: readonly SettingsProblem[]): void {
    const text = problems.map((p) => p.message).join(' ');
    if (text === this.shown) return;
    this.shown = text;
    if (problems.length === 0) return;
    for (const p of problems) this.channel.log(`Ignored setting: ${p.message}`);
    const head =
      problems.length === 1 ? 'A Resource Authoring setting is ignored' : `${problems.length} Resource Authoring settings are ignored`;
    // A client that cannot show it still has the log line; the reload goes on regardless.
    void Promise.resolve()
      .then(() => this.channel.showError(`${head}: ${text}`))
      .catch(() => undefined);
  }
}
