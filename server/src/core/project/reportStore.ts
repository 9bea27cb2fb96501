import type { Workspace } from '../host';
import { uriOf } from '../paths';
import { buildReportIndex } from '../report/indexer';
import { NO_REPORTS, reportFor, type ReportSet } from '../report/reportSet';
import type { PathMatcher } from '../globs';

export interface ReportsRead {
  /** Reports that were asked for (named, or found by the globs) but could not be read, one sentence each. */
  problems: string[];
  /** True when a report named explicitly could not be read (a usage error for the CLI). */
  failed: boolean;
}

/**
 * The indexed reports section references point into. A report whose text is unchanged keeps its index;
 * any change starts a new generation, so analyses cached under the old one are recomputed.
 */
export class ReportStore {
  private set: ReportSet = NO_REPORTS;

  get current(): ReportSet {
    return this.set;
  }

  has(uri: string): boolean {
    return reportFor(this.set, uri) !== undefined;
  }

  /** Reads the reports: the `named` URIs when given, else every file of the folder that `isReport` takes. */
  async read(
    workspace: Workspace,
    isReport: PathMatcher,
    named: readonly string[] | undefined,
    describe: (uri: string) => string,
  ): Promise<ReportsRead> {
    const folder = workspace.folder;
    const explicit = named !== undefined && named.length > 0;
    let uris: string[];
    if (explicit) uris = [...new Set(named)];
    else uris = folder ? (await workspace.findFiles(isReport)).map((rel) => uriOf(folder, rel)) : [];
    const problems: string[] = [];
    let failed = false;
    const texts = await Promise.all(uris.map((uri) => workspace.readText(uri)));
    const found: { uri: string; text: string }[] = [];
    uris.forEach((uri, i) => {
      const text = texts[i];
      if (text !== undefined) {
        found.push({ uri, text });
        return;
      }
      if (explicit) failed = true;
      const reason = workspace.unreadableReason?.(uri);
      problems.push(`Cannot read the report ${describe(uri)}${reason ? ` (${reason})` : ''}.`);
    });
    this.replace(found);
    return { problems, failed };
  }

  /** Replaces the set (URI and current text of each report). */
  replace(reports: readonly { uri: string; text: string }[]): boolean {
    const old = new Map(this.set.reports.map((r) => [r.uri, r]));
    let changed = reports.length !== old.size;
    const next = [...reports]
      .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))
      .map((r) => {
        const known = old.get(r.uri);
        if (known && known.text === r.text) return known;
        changed = true;
        return buildReportIndex(r.text, r.uri);
      });
    if (changed) this.set = { generation: this.set.generation + 1, reports: next };
    return changed;
  }

  /** One report's text changed (an edit, or on disk); false when it is not a report or unchanged. */
  update(uri: string, text: string): boolean {
    const known = reportFor(this.set, uri);
    if (!known || known.text === text) return false;
    return this.replace(this.set.reports.map((r) => (r.uri === uri ? { uri, text } : { uri: r.uri, text: r.text })));
  }
}
