import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from '../../../../protocol/src/names';
import type { Workspace } from '../host';
import { uriOf } from '../paths';
import { SETTINGS_KEYS, settingsProblems, type SettingsProblem } from '../settings';
import { UNTRUSTED_REASON } from './loadConfiguration';

/** The checked-in configuration file at the folder's root, read by the editor and the CLI alike. */
export const CONFIG_FILE = CONFIG_FILE_NAME;
/** Else the `resourceAuthoring` key of the root's package.json. */
export const PACKAGE_JSON = 'package.json';

/** True for the root-relative paths a configuration file can have. */
export function isConfigFile(relativePath: string): boolean {
  return relativePath === CONFIG_FILE || relativePath === PACKAGE_JSON;
}

export interface ConfigFileRead {
  /** The settings section the file holds; empty when there is none. */
  section: Record<string, unknown>;
  /** The URI of the file the section came from (to reload when it changes). */
  uri?: string;
  /** What is wrong in it, each message naming the file and the line. */
  problems: SettingsProblem[];
  /** In Restricted Mode, a sentence saying the file was not read. */
  untrustedNotes: string[];
}

const NONE: ConfigFileRead = { section: {}, problems: [], untrustedNotes: [] };

/** The top-level keys of the section: the settings' own, `vocabularies` nested, and `$schema` for editors. */
const TOP_KEYS = new Set<string>([...SETTINGS_KEYS, 'vocabularies', 'card', 'limits', '$schema']);
const VOCABULARY_KEYS = new Set(SETTINGS_KEYS.filter((k) => k.startsWith('vocabularies.')).map((k) => k.slice('vocabularies.'.length)));

/**
 * Reads `.resource-lint.json` (JSONC), or else package.json's `resourceAuthoring` key, among the
 * root's files `listed`. A file that cannot be used is a problem, never silently defaults: CI must
 * check what the checked-in file says.
 */
export async function readConfigFile(workspace: Workspace, listed: readonly string[]): Promise<ConfigFileRead> {
  const folder = workspace.folder;
  if (!folder) return NONE;
  const own = listed.includes(CONFIG_FILE);
  const name = own ? CONFIG_FILE : listed.includes(PACKAGE_JSON) ? PACKAGE_JSON : undefined;
  if (!name) return NONE;
  const uri = uriOf(folder, name);
  if (!workspace.trusted && own) {
    return { ...NONE, untrustedNotes: [`Not reading ${CONFIG_FILE} because ${UNTRUSTED_REASON}.`] };
  }
  const text = await workspace.readText(uri);
  if (text === undefined) {
    if (!own) return NONE;
    const why = workspace.unreadableReason?.(uri) ?? 'not found';
    return { ...NONE, uri, problems: [fileProblem(name, 1, `cannot be read (${why}).`)] };
  }
  if (!own && !text.includes(`"${SETTINGS_SECTION}"`)) return { ...NONE, uri };
  if (!workspace.trusted) {
    return { ...NONE, untrustedNotes: [`Not reading the ${SETTINGS_SECTION} key of ${PACKAGE_JSON} because ${UNTRUSTED_REASON}.`] };
  }
  return { uri, ...parseConfigText(text, name, own ? [] : [SETTINGS_SECTION]), untrustedNotes: [] };
}

/** The section at `at` in a configuration text, and its problems with their lines. */
export function parseConfigText(text: string, name: string, at: string[]): Pick<ConfigFileRead, 'section' | 'problems'> {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\n|\r/).length;
  if (errors.length > 0) {
    const first = errors[0];
    return { section: {}, problems: [fileProblem(name, lineOf(first.offset), `is not valid JSON (${printParseErrorCode(first.error)}).`)] };
  }
  const node = tree && (at.length > 0 ? findNodeAtLocation(tree, at) : tree);
  if (!node) return { section: {}, problems: [] };
  const shownKey = (path: (string | number)[]) =>
    [...at, ...path].map((p, i) => (typeof p === 'number' ? `[${p}]` : i > 0 ? `.${p}` : p)).join('');
  if (node.type !== 'object') {
    const what = at.length > 0 ? `${at.join('.')} should be an object of settings` : 'should hold an object of settings';
    return { section: {}, problems: [fileProblem(name, lineOf(node.offset), `${what}, such as {"severity": {"unknown-field": "off"}}.`)] };
  }
  const section = getNodeValue(node) as Record<string, unknown>;
  const problems: SettingsProblem[] = [];
  const line = (path: (string | number)[]) => lineOf(locate(node, path)?.offset ?? node.offset);
  for (const key of Object.keys(section)) {
    if (!TOP_KEYS.has(key)) {
      problems.push(
        fileProblem(name, line([key]), `${shownKey([key])}: '${key}' is not a setting (the keys: ${[...TOP_KEYS].join(', ')}).`),
      );
    }
  }
  const vocabularies = section.vocabularies;
  if (vocabularies && typeof vocabularies === 'object' && !Array.isArray(vocabularies)) {
    for (const key of Object.keys(vocabularies)) {
      if (!VOCABULARY_KEYS.has(key)) {
        const path = ['vocabularies', key];
        problems.push(
          fileProblem(name, line(path), `${shownKey(path)}: '${key}' is not a vocabulary (use ${[...VOCABULARY_KEYS].join(', ')}).`),
        );
      }
    }
  } else if (vocabularies !== undefined) {
    problems.push(fileProblem(name, line(['vocabularies']), `${shownKey(['vocabularies'])}: should be an object of paths.`));
  }
  for (const p of settingsProblems(section)) {
    const path = p.path ?? [];
    // The message without the settings key it starts with: the file's own key is named instead.
    const rest = p.message.slice(p.key.length + 2);
    problems.push(fileProblem(name, line(path), `${shownKey(path)}: ${rest}`));
  }
  return { section, problems };
}

/** The node of `path` in the section, given nested (`vocabularies: {focus}`) or flat (`vocabularies.focus`); else its nearest parent's. */
function locate(section: Node, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n > 0; n--) {
    const nested = findNodeAtLocation(section, path.slice(0, n));
    if (nested) return nested;
    if (n >= 2 && path[0] === 'vocabularies') {
      const flat = findNodeAtLocation(section, [`vocabularies.${String(path[1])}`, ...path.slice(2, n)]);
      if (flat) return flat;
    }
  }
  return undefined;
}

function fileProblem(name: string, line: number, message: string): SettingsProblem {
  return { key: name, message: `${name} line ${line}: ${message}` };
}

/**
 * The settings section in force: the host's settings (the editor's, or the CLI's
 * `.vscode/settings.json`) win key by key over the configuration file's; a key neither sets keeps
 * its bundled default. Flat dotted keys, as `normaliseSettings` takes them.
 */
export function withConfigFile(file: Record<string, unknown>, host: unknown): Record<string, unknown> {
  const fromFile = reader(file);
  const fromHost = reader(host);
  const merged: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) {
    const value = fromHost(key) ?? fromFile(key);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** A key of a section given nested or flat; undefined (also for null) when not set. */
function reader(raw: unknown): (key: string) => unknown {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return (key) => {
    if (input[key] !== undefined && input[key] !== null) return input[key];
    const [head, tail] = key.split('.');
    const nested = tail !== undefined ? input[head] : undefined;
    const value = nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[tail] : undefined;
    return value ?? undefined;
  };
}
