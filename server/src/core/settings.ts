import { DEFAULT_REPORT_GLOBS, DEFAULT_RESOURCE_GLOBS, SETTINGS_SECTION } from '../../../protocol/src/names';
import { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode, type SeverityName, type SeveritySetting } from './codes';
import { LSP_SEVERITY } from './severity';
import { BASELINE_DISPLAYS, type BaselineDisplay } from './baseline';

/** `resourceAuthoring.*` settings, as VS Code and `<root>/.vscode/settings.json` hold them. */
export interface Settings {
  resourceGlobs: string[];
  reports: string[];
  vocabularies: { learnTags: string; focus: string; type: string };
  schema: string;
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  workspaceDiagnostics: boolean;
  /** Path of a baseline file, relative to the folder; '' for none. */
  baseline: string;
  /** How the editor shows the findings the baseline holds. */
  baselineFindings: BaselineDisplay;
}

export const DEFAULT_SETTINGS: Settings = {
  resourceGlobs: [...DEFAULT_RESOURCE_GLOBS],
  reports: [...DEFAULT_REPORT_GLOBS],
  vocabularies: { learnTags: '', focus: '', type: '' },
  schema: '',
  severity: {},
  workspaceDiagnostics: true,
  baseline: '',
  baselineFindings: 'hint',
};

const SEVERITY_SETTINGS = new Set<string>([...Object.keys(LSP_SEVERITY), 'off']);

function stringList(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  const list = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return list.length > 0 ? list : fallback;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Reads a key of the `resourceAuthoring` section, given nested (`vocabularies: {focus}`) or flat (`vocabularies.focus`). */
function sectionReader(raw: unknown): (key: string) => unknown {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return (key: string): unknown => {
    if (key in input) return input[key];
    const parts = key.split('.');
    let cur: unknown = input;
    for (const p of parts) {
      if (!cur || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[p];
    }
    return cur;
  };
}

/**
 * Accepts the `resourceAuthoring` section in either shape VS Code may hand over
 * (nested objects, or flat dotted keys from a settings.json file) and returns complete settings;
 * anything malformed falls back to its default rather than failing (`settingsProblems` says what).
 */
export function normaliseSettings(raw: unknown): Settings {
  const get = sectionReader(raw);
  const severity: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  const sev = get('severity');
  if (sev && typeof sev === 'object') {
    for (const [code, level] of Object.entries(sev as Record<string, unknown>)) {
      if (isDiagnosticCode(code) && typeof level === 'string' && SEVERITY_SETTINGS.has(level)) {
        severity[code] = level as SeveritySetting;
      }
    }
  }
  const wd = get('workspaceDiagnostics');
  return {
    resourceGlobs: stringList(get('resourceGlobs'), DEFAULT_SETTINGS.resourceGlobs),
    reports: stringList(get('reports'), DEFAULT_SETTINGS.reports),
    vocabularies: {
      learnTags: str(get('vocabularies.learnTags')),
      focus: str(get('vocabularies.focus')),
      type: str(get('vocabularies.type')),
    },
    schema: str(get('schema')),
    severity,
    workspaceDiagnostics: typeof wd === 'boolean' ? wd : true,
    baseline: str(get('baseline')),
    baselineFindings: BASELINE_DISPLAYS.find((d) => d === get('baselineFindings')) ?? DEFAULT_SETTINGS.baselineFindings,
  };
}

/** The `resourceAuthoring.*` keys of a whole settings.json object (flat dotted keys), as a section. */
export function sectionOfSettingsJson(json: unknown): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  if (json && typeof json === 'object') {
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
      if (key.startsWith(`${SETTINGS_SECTION}.`)) section[key.slice(SETTINGS_SECTION.length + 1)] = value;
      else if (key === SETTINGS_SECTION && value && typeof value === 'object') Object.assign(section, value);
    }
  }
  return section;
}

/** Reads the `resourceAuthoring.*` keys out of a whole settings.json object (flat dotted keys). */
export function settingsFromSettingsJson(json: unknown): Settings {
  return normaliseSettings(sectionOfSettingsJson(json));
}

/** A setting that is present but wrong: `key` is the full settings key, `message` says what is allowed. */
export interface SettingsProblem {
  key: string;
  message: string;
}

const SEVERITY_LIST = 'error, warning, information, hint or off';

/**
 * What is wrong with the `resourceAuthoring` section (either shape, as `normaliseSettings` takes
 * it). Each problem is a value `normaliseSettings` would ignore: a host must say so, or a typo in
 * a severity or a glob would silently check something else than the author asked for.
 */
export function settingsProblems(raw: unknown): SettingsProblem[] {
  const get = sectionReader(raw);
  const problems: SettingsProblem[] = [];
  const add = (key: string, message: string) =>
    problems.push({ key: `resourceAuthoring.${key}`, message: `resourceAuthoring.${key}: ${message}` });
  for (const key of ['resourceGlobs', 'reports']) {
    const value = get(key);
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
      add(key, `should be a list of glob patterns (strings), not ${JSON.stringify(value)}.`);
    }
  }
  for (const key of ['vocabularies.learnTags', 'vocabularies.focus', 'vocabularies.type', 'schema', 'baseline']) {
    const value = get(key);
    if (value !== undefined && value !== null && typeof value !== 'string')
      add(key, `should be a path (a string), not ${JSON.stringify(value)}.`);
  }
  const wd = get('workspaceDiagnostics');
  if (wd !== undefined && wd !== null && typeof wd !== 'boolean')
    add('workspaceDiagnostics', `should be true or false, not ${JSON.stringify(wd)}.`);
  const shown = get('baselineFindings');
  if (shown !== undefined && shown !== null && !BASELINE_DISPLAYS.includes(shown as BaselineDisplay))
    add('baselineFindings', `should be "hint" or "hide", not ${JSON.stringify(shown)}.`);
  const sev = get('severity');
  if (sev !== undefined && sev !== null) {
    if (typeof sev !== 'object' || Array.isArray(sev)) {
      add('severity', `should be an object of code: level, such as {"unknown-field": "error"}, not ${JSON.stringify(sev)}.`);
    } else {
      for (const [code, level] of Object.entries(sev as Record<string, unknown>)) {
        if (!isDiagnosticCode(code)) {
          add(`severity.${code}`, `'${code}' is not a diagnostic code (the codes: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}).`);
        } else if (typeof level !== 'string' || !SEVERITY_SETTINGS.has(level)) {
          add(`severity.${code}`, `${JSON.stringify(level)} is not a severity (use ${SEVERITY_LIST}).`);
        }
      }
    }
  }
  return problems;
}

/** `settingsProblems` of a whole settings.json object (flat dotted keys). */
export function settingsJsonProblems(json: unknown): SettingsProblem[] {
  return settingsProblems(sectionOfSettingsJson(json));
}

export function severityOf(code: DiagnosticCode, settings: Settings): SeveritySetting {
  return settings.severity[code] ?? DIAGNOSTIC_CODES[code];
}

export type { SeverityName };
