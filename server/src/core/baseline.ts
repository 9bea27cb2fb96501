import type { Diagnostic } from 'vscode-languageserver-types';
import { LineMap } from './positions';
import { hashText } from './hash';

/**
 * A baseline: the findings a library had when it was recorded, so that only new ones fail a check.
 * A finding is known by its file, its code and a fingerprint of what it is about (the field and the
 * offending text), never by its line: lines inserted above it, other fields edited or CRLF turned
 * into LF leave it baselined, while the same mistake in another field is new. Repeats of one
 * fingerprint in a file are counted: the baseline holds that many, the ones beyond are new.
 */
export interface Baseline {
  /** Per root-relative file (`/`-separated): fingerprint → how many findings had it. */
  files: Map<string, Map<string, number>>;
}

/** The format's version, written into every file; a file of another version is refused. */
export const BASELINE_VERSION = 1;

/** How the editor shows findings the baseline holds: as hints (message prefixed), or not at all. */
export type BaselineDisplay = 'hint' | 'hide';
export const BASELINE_DISPLAYS: readonly BaselineDisplay[] = ['hint', 'hide'];
export const BASELINED_PREFIX = '(baselined) ';

/** Whitespace collapsed: indentation, wrapping and line endings do not change what a finding is about. */
const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The field a finding is about, as its data names it (the top-level key), or '' for a file-level one. */
function fieldOf(d: Diagnostic): string {
  const data = d.data as { field?: unknown; path?: unknown } | undefined;
  if (data && typeof data.field === 'string') return data.field;
  if (data && Array.isArray(data.path) && typeof data.path[0] === 'string') return data.path[0];
  return '';
}

/** `<code>:<hash>`: the code stays readable in the file, the hash stands for the field and the text. */
export function fingerprint(code: string, field: string, text: string): string {
  return `${code}:${hashText(`${code}\n${field}\n${normalised(text)}`)}`;
}

/**
 * The fingerprint of each diagnostic of one text, in their order: the code, the field and the text of
 * its range (the whole line where the range is empty). `text` is the file's text without a BOM, as
 * the editor and the disk both give it.
 */
export function fingerprintDiagnostics(diagnostics: readonly Diagnostic[], text: string, lines = new LineMap(text)): string[] {
  if (diagnostics.length === 0) return [];
  return diagnostics.map((d) => {
    const start = lines.offset(d.range.start);
    const end = lines.offset(d.range.end);
    let offending = normalised(text.slice(start, end));
    if (offending === '') {
      const line = lines.lineAt(start);
      offending = text.slice(lines.lineStarts()[line], lines.lineEnd(line));
    }
    return fingerprint(String(d.code), fieldOf(d), offending);
  });
}

/** The fingerprint of a duplicate-resource finding: the normalised link it shares with other files. */
export function duplicateFingerprint(link: string): string {
  return fingerprint('duplicate-resource', 'link', link);
}

/** Counts of each fingerprint of one file's findings. */
export function countFingerprints(fingerprints: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of fingerprints) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}

/**
 * Which of one file's findings the baseline holds (in document order, the first `count` of each
 * fingerprint), and how many of the file's baselined findings are gone.
 */
export function matchBaseline(
  fingerprints: readonly string[],
  recorded: ReadonlyMap<string, number> | undefined,
): { baselined: boolean[]; gone: number } {
  if (!recorded) return { baselined: fingerprints.map(() => false), gone: 0 };
  const seen = new Map<string, number>();
  const baselined = fingerprints.map((f) => {
    const n = (seen.get(f) ?? 0) + 1;
    seen.set(f, n);
    return n <= (recorded.get(f) ?? 0);
  });
  let gone = 0;
  for (const [f, count] of recorded) gone += Math.max(0, count - (seen.get(f) ?? 0));
  return { baselined, gone };
}

/** How many findings a file's entry holds. */
export function entryTotal(recorded: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of recorded.values()) total += n;
  return total;
}

/**
 * The baseline file's text: JSON, files sorted, each file's fingerprints sorted with their counts,
 * one per line, so that a re-recorded baseline diffs as the findings that came and went.
 */
export function serialiseBaseline(baseline: Baseline): string {
  const files: Record<string, Record<string, number>> = {};
  for (const file of [...baseline.files.keys()].sort()) {
    const recorded = baseline.files.get(file)!;
    if (recorded.size === 0) continue;
    const entry: Record<string, number> = {};
    for (const f of [...recorded.keys()].sort()) entry[f] = recorded.get(f)!;
    files[file] = entry;
  }
  return `${JSON.stringify({ version: BASELINE_VERSION, files }, null, 2)}\n`;
}

/** Reads a baseline file's text; `shown` names it in the error. */
export function parseBaseline(text: string, shown: string): { ok: true; baseline: Baseline } | { ok: false; error: string } {
  const invalid = (why: string) => ({
    ok: false as const,
    error: `${shown} is not a resource-lint baseline (${why}); record one with resource-lint --baseline-write ${shown}.`,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return invalid(`not JSON: ${(e as Error).message}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return invalid('not a JSON object');
  const { version, files } = json as { version?: unknown; files?: unknown };
  if (version !== BASELINE_VERSION) return invalid(`version ${JSON.stringify(version)}, expected ${BASELINE_VERSION}`);
  if (!files || typeof files !== 'object' || Array.isArray(files)) return invalid('no "files" object');
  const baseline: Baseline = { files: new Map() };
  for (const [file, entry] of Object.entries(files as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return invalid(`the entry of ${file} is not an object`);
    const recorded = new Map<string, number>();
    for (const [f, count] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
        return invalid(`the count of ${f} in ${file} is not a whole number of 1 or more`);
      recorded.set(f, count);
    }
    baseline.files.set(file, recorded);
  }
  return { ok: true, baseline };
}
