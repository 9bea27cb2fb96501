import type { Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from './findings';
import type { LineMap } from './positions';
import { hashText } from './hash';

/**
 * The link from a diagnostic back to the finding it was made from, carried in `Diagnostic.data`
 * beside the finding's own data. Several findings can share one range (every `required` finding
 * sits on the opening `---`), so a code action must never pick its finding by range.
 *
 * The link names the finding by its identity, not by its offsets: its code, a hash of its message
 * and its ordinal among the findings with that code and message. An edit elsewhere in the file
 * (which moves offsets and may add or remove other findings) leaves the link valid.
 */
export const FINDING_LINK = 'finding';

/** The link of every finding of one text, in the findings' order. */
export function findingLinks(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = `${f.code}#${hashText(f.message)}`;
    const ordinal = seen.get(identity) ?? 0;
    seen.set(identity, ordinal + 1);
    return `${identity}#${ordinal}`;
  });
}

// An analysis's findings never change once made: their links are computed once, however many
// diagnostics a request asks about (a report can carry hundreds of section findings).
const byLink = new WeakMap<readonly Finding[], Map<string, Finding>>();

function findingsByLink(findings: readonly Finding[]): Map<string, Finding> {
  let map = byLink.get(findings);
  if (!map) {
    const links = findingLinks(findings);
    map = new Map(links.map((link, i) => [link, findings[i]]));
    byLink.set(findings, map);
  }
  return map;
}

function linkIn(d: Diagnostic): string | undefined {
  const data = d.data as Record<string, unknown> | null | undefined;
  const link = data && typeof data === 'object' ? data[FINDING_LINK] : undefined;
  return typeof link === 'string' ? link : undefined;
}

function sameRange(d: Diagnostic, f: Finding, lines: LineMap): boolean {
  const r = lines.range(f.start, f.end);
  return (
    r.start.line === d.range.start.line &&
    r.start.character === d.range.start.character &&
    r.end.line === d.range.end.line &&
    r.end.character === d.range.end.character
  );
}

/**
 * The finding a diagnostic of ours was made from. A client that does not send `data` back (LSP
 * leaves that to the client) gets the finding with the same code, message and range: the message
 * names the field, so even then each `required` diagnostic finds its own.
 */
export function findingOfDiagnostic(analysis: { findings: Finding[]; lines: LineMap }, d: Diagnostic): Finding | undefined {
  const link = linkIn(d);
  if (link !== undefined) return findingsByLink(analysis.findings).get(link);
  return analysis.findings.find((f) => f.code === d.code && f.message === d.message && sameRange(d, f, analysis.lines));
}
