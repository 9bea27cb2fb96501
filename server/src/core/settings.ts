import { unsafeGlobReason } from './globs';
import { DEFAULT_REPORT_GLOBS, DEFAULT_RESOURCE_GLOBS, SETTINGS_SECTION } from '../../../protocol/src/names';
import { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode, type SeverityName, type SeveritySetting } from './codes';
import type { Override } from './overrides';
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
  /** Settings by path, in order (later entries win). */
  overrides: Override[];
  /** The card preview's rendering with the site's own tile template (`card/siteTile.ts`). */
  card: CardSettings;
  /** `resourceAuthoring.limits.*`: the sizes past which a file is not analysed. */
  limits: SizeLimits;
}

/** In characters (UTF-16 code units, as editors and the LSP count them). */
export interface SizeLimits {
  /** The whole file. */
  fileSize: number;
  /** The frontmatter, between its `---` lines. */
  frontmatterSize: number;
}

/** `resourceAuthoring.card.*`: where the site's tile template and stylesheets are, and what fills its variables. */
export interface CardSettings {
  /** Path of the tile template, relative to the folder; '' to find `_includes/components/tile-item-resource.njk`. */
  template: string;
  /** Paths of the stylesheets the tile uses (their local `@import`s followed); empty to find the site's `styles/main.css`. */
  stylesheets: string[];
  /** Template variable → frontmatter field; the variables not named keep the reference site's mapping. */
  fields: Record<string, string>;
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
  overrides: [],
  card: { template: '', stylesheets: [], fields: {} },
  limits: { fileSize: 10_000_000, frontmatterSize: 1_000_000 },
};

/** The keys of the section (nested ones dotted), as a configuration file or an editor's settings hold them. */
export const SETTINGS_KEYS = [
  'resourceGlobs',
  'reports',
  'vocabularies.learnTags',
  'vocabularies.focus',
  'vocabularies.type',
  'schema',
  'severity',
  'workspaceDiagnostics',
  'overrides',
  'baseline',
  'baselineFindings',
  'card.template',
  'card.stylesheets',
  'card.fields',
  'limits.fileSize',
  'limits.frontmatterSize',
] as const;

const LIMIT_KEYS = ['fileSize', 'frontmatterSize'] as const;

function isLimit(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

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
    severity: severities(get('severity')),
    workspaceDiagnostics: typeof wd === 'boolean' ? wd : true,
    baseline: str(get('baseline')),
    baselineFindings: BASELINE_DISPLAYS.find((d) => d === get('baselineFindings')) ?? DEFAULT_SETTINGS.baselineFindings,
    overrides: overrideList(get('overrides')),
    card: {
      template: str(get('card.template')),
      stylesheets: stringList(get('card.stylesheets'), []),
      fields: fieldMapping(get('card.fields')),
    },
    limits: {
      fileSize: limitOr(get('limits.fileSize'), DEFAULT_SETTINGS.limits.fileSize),
      frontmatterSize: limitOr(get('limits.frontmatterSize'), DEFAULT_SETTINGS.limits.frontmatterSize),
    },
  };
}

function limitOr(value: unknown, fallback: number): number {
  return isLimit(value) ? value : fallback;
}

const VARIABLE_NAME = /^[A-Za-z_$][\w$]*$/;

/** The well-formed entries of `card.fields`: a template variable name and a non-empty field name. */
function fieldMapping(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [variable, field] of Object.entries(value as Record<string, unknown>)) {
    if (VARIABLE_NAME.test(variable) && typeof field === 'string' && field.trim() !== '') out[variable] = field.trim();
  }
  return out;
}

function severities(sev: unknown): Partial<Record<DiagnosticCode, SeveritySetting>> {
  const severity: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  if (sev && typeof sev === 'object') {
    for (const [code, level] of Object.entries(sev as Record<string, unknown>)) {
      if (isDiagnosticCode(code) && typeof level === 'string' && SEVERITY_SETTINGS.has(level)) {
        severity[code] = level as SeveritySetting;
      }
    }
  }
  return severity;
}

/** The well-formed entries of `overrides`: an entry without a glob matches nothing and is left out. */
function overrideList(value: unknown): Override[] {
  if (!Array.isArray(value)) return [];
  const out: Override[] = [];
  for (const entry of value) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    const files = stringList(e.files, []);
    if (files.length === 0) continue;
    out.push({ files, severity: severities(e.severity), allowFields: stringList(e.allowFields, []) });
  }
  return out;
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
  /** Where in the section the wrong value is (`['overrides', 0, 'files']`), for a file's line. */
  path?: (string | number)[];
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
  const add = (path: (string | number)[], message: string) => {
    const key = `resourceAuthoring.${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i > 0 ? `.${p}` : p)).join('')}`;
    problems.push({ key, message: `${key}: ${message}`, path });
  };
  for (const key of ['resourceGlobs', 'reports']) {
    const value = get(key);
    if (value === undefined || value === null) continue;
    if (!isGlobList(value)) add([key], `should be a list of glob patterns (strings), not ${JSON.stringify(value)}.`);
    else unsafeGlobProblems(value as string[], [key], add);
  }
  for (const key of ['vocabularies.learnTags', 'vocabularies.focus', 'vocabularies.type', 'schema', 'baseline', 'card.template']) {
    const value = get(key);
    if (value !== undefined && value !== null && typeof value !== 'string')
      add(key.split('.'), `should be a path (a string), not ${JSON.stringify(value)}.`);
  }
  const wd = get('workspaceDiagnostics');
  if (wd !== undefined && wd !== null && typeof wd !== 'boolean')
    add(['workspaceDiagnostics'], `should be true or false, not ${JSON.stringify(wd)}.`);
  const shown = get('baselineFindings');
  if (shown !== undefined && shown !== null && !BASELINE_DISPLAYS.includes(shown as BaselineDisplay))
    add(['baselineFindings'], `should be "hint" or "hide", not ${JSON.stringify(shown)}.`);
  severityProblems(get('severity'), ['severity'], add);
  overridesProblems(get('overrides'), add);
  const sheets = get('card.stylesheets');
  if (sheets !== undefined && sheets !== null && !(Array.isArray(sheets) && sheets.every((v) => typeof v === 'string')))
    add(['card', 'stylesheets'], `should be a list of paths (strings), not ${JSON.stringify(sheets)}.`);
  const fields = get('card.fields');
  if (fields !== undefined && fields !== null) {
    if (typeof fields !== 'object' || Array.isArray(fields))
      add(
        ['card', 'fields'],
        `should be an object of template variable: frontmatter field, such as {"tileURL": "link"}, not ${JSON.stringify(fields)}.`,
      );
    else
      for (const [variable, field] of Object.entries(fields as Record<string, unknown>)) {
        if (!VARIABLE_NAME.test(variable)) add(['card', 'fields', variable], `'${variable}' is not a template variable name.`);
        else if (typeof field !== 'string' || field.trim() === '')
          add(['card', 'fields', variable], `should name a frontmatter field (a string), not ${JSON.stringify(field)}.`);
      }
  }
  limitsProblems(raw, get, add);
  return problems;
}

function limitsProblems(raw: unknown, get: (key: string) => unknown, add: AddProblem): void {
  const nested = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).limits : undefined;
  if (nested !== undefined && nested !== null) {
    if (typeof nested !== 'object' || Array.isArray(nested)) {
      add(['limits'], `should be an object such as {"fileSize": 10000000, "frontmatterSize": 1000000}, not ${JSON.stringify(nested)}.`);
      return;
    }
    for (const key of Object.keys(nested))
      if (!(LIMIT_KEYS as readonly string[]).includes(key)) add(['limits', key], `'${key}' is not a limit (use ${LIMIT_KEYS.join(', ')}).`);
  }
  for (const key of LIMIT_KEYS) {
    const value = get(`limits.${key}`);
    if (value !== undefined && value !== null && !isLimit(value))
      add(['limits', key], `should be a whole number of characters greater than 0, not ${JSON.stringify(value)}.`);
  }
}

type AddProblem = (path: (string | number)[], message: string) => void;

function isGlobList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}

function unsafeGlobProblems(globs: readonly string[], at: (string | number)[], add: AddProblem): void {
  globs.forEach((glob, i) => {
    const unsafe = unsafeGlobReason(glob);
    if (unsafe) add([...at, i], `${JSON.stringify(glob)} is ignored: ${unsafe}.`);
  });
}

function severityProblems(sev: unknown, at: (string | number)[], add: AddProblem): void {
  if (sev === undefined || sev === null) return;
  if (typeof sev !== 'object' || Array.isArray(sev)) {
    add(at, `should be an object of code: level, such as {"unknown-field": "error"}, not ${JSON.stringify(sev)}.`);
    return;
  }
  for (const [code, level] of Object.entries(sev as Record<string, unknown>)) {
    if (!isDiagnosticCode(code)) {
      add([...at, code], `'${code}' is not a diagnostic code (the codes: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}).`);
    } else if (typeof level !== 'string' || !SEVERITY_SETTINGS.has(level)) {
      add([...at, code], `${JSON.stringify(level)} is not a severity (use ${SEVERITY_LIST}).`);
    }
  }
}

const OVERRIDE_KEYS = new Set(['files', 'severity', 'allowFields']);

function overridesProblems(value: unknown, add: AddProblem): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    add(
      ['overrides'],
      `should be a list of {"files": [globs], "severity": {code: level}, "allowFields": [fields]}, not ${JSON.stringify(value)}.`,
    );
    return;
  }
  value.forEach((entry: unknown, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      add(
        ['overrides', i],
        `should be an object such as {"files": ["**/legacy/*.md"], "severity": {"unknown-field": "off"}}, not ${JSON.stringify(entry)}.`,
      );
      return;
    }
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!OVERRIDE_KEYS.has(key)) add(['overrides', i, key], `'${key}' is not a key of an override (use files, severity, allowFields).`);
    }
    if (!isGlobList(e.files) || (e.files as unknown[]).length === 0)
      add(['overrides', i, 'files'], `should be a non-empty list of glob patterns (strings), not ${JSON.stringify(e.files)}.`);
    else unsafeGlobProblems(e.files as string[], ['overrides', i, 'files'], add);
    severityProblems(e.severity, ['overrides', i, 'severity'], add);
    if (e.allowFields !== undefined && !isGlobList(e.allowFields))
      add(['overrides', i, 'allowFields'], `should be a list of field names (strings), not ${JSON.stringify(e.allowFields)}.`);
  });
}

/** `settingsProblems` of a whole settings.json object (flat dotted keys). */
export function settingsJsonProblems(json: unknown): SettingsProblem[] {
  return settingsProblems(sectionOfSettingsJson(json));
}

export type { SeverityName };
