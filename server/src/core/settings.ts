import { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode, type SeverityName, type SeveritySetting } from './codes';

/** `resourceAuthoring.*` settings, as VS Code and `<root>/.vscode/settings.json` hold them. */
export interface Settings {
  resourceGlobs: string[];
  reports: string[];
  vocabularies: { learnTags: string; focus: string; type: string };
  schema: string;
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  workspaceDiagnostics: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  resourceGlobs: ['**/resources/**/*.md'],
  reports: ['**/reports/**/*.md', '**/reports/**/*.txt'],
  vocabularies: { learnTags: '', focus: '', type: '' },
  schema: '',
  severity: {},
  workspaceDiagnostics: true,
};

const SEVERITY_SETTINGS = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

function stringList(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  const list = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return list.length > 0 ? list : fallback;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Accepts the `resourceAuthoring` section in either shape VS Code may hand over
 * (nested objects, or flat dotted keys from a settings.json file) and returns complete settings;
 * anything malformed falls back to its default rather than failing.
 */
export function normaliseSettings(raw: unknown): Settings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const get = (key: string): unknown => {
    if (key in input) return input[key];
    const parts = key.split('.');
    let cur: unknown = input;
    for (const p of parts) {
      if (!cur || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[p];
    }
    return cur;
  };
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
  };
}

/** Reads the `resourceAuthoring.*` keys out of a whole settings.json object (flat dotted keys). */
export function settingsFromSettingsJson(json: unknown): Settings {
  const section: Record<string, unknown> = {};
  if (json && typeof json === 'object') {
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
      if (key.startsWith('resourceAuthoring.')) section[key.slice('resourceAuthoring.'.length)] = value;
      else if (key === 'resourceAuthoring' && value && typeof value === 'object') Object.assign(section, value);
    }
  }
  return normaliseSettings(section);
}

export function severityOf(code: DiagnosticCode, settings: Settings): SeveritySetting {
  return settings.severity[code] ?? DIAGNOSTIC_CODES[code];
}

export type { SeverityName };
