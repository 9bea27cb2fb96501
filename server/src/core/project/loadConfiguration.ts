import { createConfiguration, type Configuration } from '../configuration';
import type { Workspace } from '../host';
import { baseName, relativeTo, resolvePath, uriOf } from '../paths';
import type { Settings } from '../settings';
import {
  bundledVocabularies,
  CATEGORIES_FILE,
  parseCategories,
  parseVocabulary,
  VOCABULARY_FILES,
  VOCABULARY_NAMES,
  type Vocabularies,
  type VocabularyName,
} from '../vocabulary';

import { DATA_FILE_NAMES } from '../../../../protocol/src/names';

/** The data-file names the workspace may override, for discovery and file watching (named once, in the protocol module). */
export { DATA_FILE_NAMES };

const DATA_NAMES = new Set(DATA_FILE_NAMES);

/** True for a root-relative path whose file name is one of the data files. */
export function isDataFile(relativePath: string): boolean {
  return DATA_NAMES.has(baseName(relativePath));
}

/**
 * Picks the workspace's own copy of a data file among those discovered: the one under a `_data`
 * folder (where the reference site keeps them) first, then the shallowest.
 */
export function pickDataFile(candidates: readonly string[], fileName: string): string | undefined {
  const named = candidates.filter((c) => baseName(c) === fileName);
  named.sort(
    (a, b) =>
      Number(!a.includes('_data/')) - Number(!b.includes('_data/')) || a.split('/').length - b.split('/').length || a.localeCompare(b),
  );
  return named[0];
}

/** Where one data file came from, for the server's log. */
export interface DataSource {
  /** `workspace`: found in the folder; `setting`: named by a setting; `bundled`: the shipped default. */
  origin: 'workspace' | 'setting' | 'bundled';
  /** The file used (root-relative), or for `bundled` the workspace's file that was not used, if any. */
  file?: string;
  /** Why the bundled file is used, as a phrase (`no resourceFocuses.json in the folder`); none for the schema's default. */
  reason?: string;
}

/** Which files the configuration was read from, and why the bundled ones were used where they were. */
export interface ConfigurationSources {
  vocabularies: Record<VocabularyName, DataSource>;
  schema: DataSource;
}

/** Why a workspace file is not read in Restricted Mode, as the log and the warnings say it. */
export const UNTRUSTED_REASON = 'the workspace is not trusted (Restricted Mode)';

export interface LoadedConfiguration {
  configuration: Configuration;
  /** Undefined without a folder: everything is bundled. */
  sources: ConfigurationSources | undefined;
  /** URIs of the files this configuration was read from (to know what to re-read and watch). */
  files: string[];
  /** In Restricted Mode, one sentence per workspace file or setting that was not used for that reason. */
  untrustedNotes: string[];
}

export interface LoadOptions {
  workspace: Workspace;
  settings: Settings;
  /** Root-relative paths of the data files found in the folder. */
  discovered: readonly string[];
  /** The host stops on any problem (the CLI exits 2): messages then say only what is wrong. */
  stopsOnProblems?: boolean;
}

/** Reads vocabularies and schema as the settings and the folder say, falling back to the bundled ones. */
export async function loadConfiguration(opts: LoadOptions): Promise<LoadedConfiguration> {
  const { workspace, settings } = opts;
  const root = workspace.folder;
  if (!root) return { configuration: createConfiguration({ settings }), sources: undefined, files: [], untrustedNotes: [] };
  const trusted = workspace.trusted;
  const problems: string[] = [];
  const files: string[] = [];
  const meanwhile = (fallback: string) => (opts.stopsOnProblems ? '' : fallback);
  const shownPath = (uri: string) => relativeTo(root, uri) ?? uri;
  const why = (uri: string) => workspace.unreadableReason?.(uri) ?? 'not found';
  const bundled = bundledVocabularies();
  const vocabularies: Vocabularies = { ...bundled };
  const locate = (setting: string, fileName: string): string | undefined => {
    if (setting) return resolvePath(root, setting);
    const found = pickDataFile(opts.discovered, fileName);
    return found ? uriOf(root, found) : undefined;
  };
  const vocabularySources = {} as Record<VocabularyName, DataSource>;
  const untrustedNotes: string[] = [];
  await Promise.all(
    VOCABULARY_NAMES.map(async (name: VocabularyName) => {
      const fileName = VOCABULARY_FILES[name].file;
      const file = locate(settings.vocabularies[name], fileName);
      const origin = settings.vocabularies[name] ? 'setting' : 'workspace';
      if (!file) {
        vocabularySources[name] = { origin: 'bundled', reason: `no ${fileName} in the folder` };
        return;
      }
      const shown = shownPath(file);
      if (!trusted) {
        // Diagnostics and hovers name the vocabulary's source: say why it is not the workspace's own file.
        vocabularies[name] = { ...bundled[name], source: `${bundled[name].source}, used because ${UNTRUSTED_REASON}` };
        vocabularySources[name] = { origin: 'bundled', file: shown, reason: UNTRUSTED_REASON };
        untrustedNotes.push(`Using the bundled ${fileName}, not ${shown}, because ${UNTRUSTED_REASON}.`);
        return;
      }
      files.push(file);
      const text = await workspace.readText(file);
      if (text === undefined) {
        const named = settings.vocabularies[name] ? `, named by resourceAuthoring.vocabularies.${name}` : '';
        vocabularySources[name] = { origin: 'bundled', file: shown, reason: `cannot read ${shown}: ${why(file)}` };
        problems.push(`Cannot read ${shown} (${why(file)})${named}${meanwhile(`; using the bundled ${fileName} meanwhile`)}.`);
        return;
      }
      const parsed = parseVocabulary(name, text, shown, file);
      if (parsed.ok) {
        vocabularies[name] = parsed.value;
        vocabularySources[name] = { origin, file: shown };
      } else {
        vocabularySources[name] = { origin: 'bundled', file: shown, reason: `${shown} is not a valid vocabulary` };
        problems.push(`${parsed.error}${meanwhile(` Using the bundled ${fileName} meanwhile.`)}`);
      }
    }),
  );
  const categoriesFile = trusted ? locate('', CATEGORIES_FILE) : undefined;
  if (categoriesFile) {
    files.push(categoriesFile);
    const text = await workspace.readText(categoriesFile);
    if (text === undefined) {
      problems.push(`Cannot read ${shownPath(categoriesFile)} (${why(categoriesFile)}).`);
    } else {
      const parsed = parseCategories(text, shownPath(categoriesFile));
      if (parsed.ok) {
        vocabularies.categories = parsed.value;
        vocabularies.categoriesFile = { uri: categoriesFile, text };
      } else problems.push(parsed.error);
    }
  }
  let schema: unknown;
  let schemaFailed = false;
  if (settings.schema && !trusted) {
    untrustedNotes.push(`Using the bundled schema, not ${settings.schema} (resourceAuthoring.schema), because ${UNTRUSTED_REASON}.`);
  } else if (settings.schema) {
    const file = resolvePath(root, settings.schema);
    files.push(file);
    const text = await workspace.readText(file);
    try {
      if (text === undefined) throw new Error(`cannot read the file: ${why(file)}`);
      schema = JSON.parse(text);
    } catch (e) {
      schemaFailed = true;
      problems.push(`Cannot use the schema ${settings.schema} (${(e as Error).message})${meanwhile('; using the bundled schema')}.`);
    }
  }
  const configuration = createConfiguration({
    settings,
    folder: root,
    vocabularies,
    schema,
    problems,
    stopsOnProblems: opts.stopsOnProblems,
  });
  if (schema !== undefined && configuration.problems.length > problems.length) schemaFailed = true;
  const schemaSource: DataSource = !settings.schema
    ? { origin: 'bundled' }
    : !trusted
      ? { origin: 'bundled', file: settings.schema, reason: UNTRUSTED_REASON }
      : schemaFailed
        ? { origin: 'bundled', file: settings.schema, reason: `cannot use ${settings.schema}` }
        : { origin: 'setting', file: shownPath(resolvePath(root, settings.schema)) };
  // Sorted: the vocabularies were read concurrently, the log shows them in a stable order.
  return {
    configuration,
    sources: { vocabularies: vocabularySources, schema: schemaSource },
    files,
    untrustedNotes: untrustedNotes.sort(),
  };
}
