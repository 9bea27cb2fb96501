import { VOCABULARY_NAMES } from '../vocabulary';
import { UNTRUSTED_REASON, type ConfigurationSources, type DataSource } from './loadConfiguration';

/** The last complete workspace check, for the server's log. */
export interface ScanSummary {
  /** Resource files found in the folder; undefined when only open files are checked. */
  resources?: number;
  /** Report files checked with them. */
  reports?: number;
  /** Wall-clock time of the check, from listing the folder to the last file's verdict. */
  ms: number;
}

/** What the server found in its folder, gathered after a (re)load and the scan that follows it. */
export interface WorkspaceFacts {
  /** The folder's path; undefined for a server without a folder. */
  root: string | undefined;
  sources: ConfigurationSources | undefined;
  /** The reports, root-relative, with their section counts, in the order they are used. */
  reports: readonly { path: string; sections: number }[];
  scan: ScanSummary | undefined;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function source(s: DataSource): string {
  if (s.origin !== 'bundled') return `${s.file} (${s.origin})`;
  if (!s.reason) return 'bundled';
  // The Restricted Mode reason reads as a sentence, as in the warnings that say the same.
  return s.reason === UNTRUSTED_REASON ? `bundled because ${UNTRUSTED_REASON}` : `bundled (${s.reason})`;
}

/**
 * The one log line that says what the server is working with: folder, vocabularies and schema with
 * their origin, reports with their section counts, resources and the scan's duration (README,
 * "Status bar and log"). One line, so that a reload's line can be compared with the last one at a glance.
 */
export function workspaceSummary(facts: WorkspaceFacts): string {
  const parts: string[] = [];
  const { sources } = facts;
  if (!facts.root || !sources) {
    parts.push('bundled vocabularies and schema');
  } else {
    const vocabularies = VOCABULARY_NAMES.map((name) => `${name}: ${source(sources.vocabularies[name])}`);
    parts.push(`${vocabularies.length} vocabularies (${vocabularies.join('; ')})`);
    parts.push(`schema: ${source(sources.schema)}`);
  }
  if (facts.root) {
    parts.push(
      facts.reports.length === 0
        ? 'no report (no file matches resourceAuthoring.reports)'
        : `${plural(facts.reports.length, 'report')} (${facts.reports.map((r) => `${r.path}, ${plural(r.sections, 'section')}`).join('; ')})`,
    );
  }
  const scan = facts.scan;
  if (scan?.resources === undefined) parts.push('open files only (no folder, or resourceAuthoring.workspaceDiagnostics is off)');
  else parts.push(plural(scan.resources, 'resource'));
  if (scan) parts.push(`scan ${Math.round(scan.ms)} ms`);
  return `[resources] ${facts.root ? `folder ${facts.root}` : 'no folder'}: ${parts.join('; ')}`;
}
