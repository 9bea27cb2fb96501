import { DIAGNOSTIC_CODES, type DiagnosticCode, type SeveritySetting } from './codes';
import { globMatcher, type PathMatcher } from './globs';
import { insideFolder } from './paths';

/** One entry of `resourceAuthoring.overrides`: what applies to the files its globs match. */
export interface Override {
  /** Globs relative to the folder. */
  files: string[];
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Top-level fields the schema does not define that these files may have (no `unknown-field` for them). */
  allowFields: string[];
}

/** The settings in force for one file: the folder's severities with every matching override laid over them. */
export interface FileSettings {
  severity(code: DiagnosticCode): SeveritySetting;
  readonly allowFields: ReadonlySet<string>;
}

/** Answers, for a file, the settings in force there; compiled once per configuration. */
export type FileSettingsLookup = (uri: string) => FileSettings;

const NO_FIELDS: ReadonlySet<string> = new Set();

function fileSettings(severity: Partial<Record<DiagnosticCode, SeveritySetting>>, allowFields: ReadonlySet<string>): FileSettings {
  return { severity: (code) => severity[code] ?? DIAGNOSTIC_CODES[code], allowFields };
}

/**
 * Compiles the overrides once: each entry's globs become one matcher, and the merged settings are
 * kept per set of matching entries (a library has thousands of files but few such sets). Later
 * entries win, as in ESLint's `overrides`; files outside the folder get the folder's settings.
 */
export function compileOverrides(
  folder: string | undefined,
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>,
  overrides: readonly Override[],
): FileSettingsLookup {
  const base = fileSettings(severity, NO_FIELDS);
  if (!folder || overrides.length === 0) return () => base;
  const matchers: PathMatcher[] = overrides.map((o) => globMatcher(o.files));
  const merged = new Map<string, FileSettings>();
  return (uri) => {
    const rel = insideFolder(folder, uri);
    if (rel === undefined) return base;
    const hits: number[] = [];
    matchers.forEach((matches, i) => {
      if (matches(rel)) hits.push(i);
    });
    if (hits.length === 0) return base;
    const key = hits.join(',');
    let found = merged.get(key);
    if (!found) {
      const levels = { ...severity };
      const fields = new Set<string>();
      for (const i of hits) {
        Object.assign(levels, overrides[i].severity);
        for (const f of overrides[i].allowFields) fields.add(f);
      }
      merged.set(key, (found = fileSettings(levels, fields)));
    }
    return found;
  };
}
