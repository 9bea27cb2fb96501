import { promises as fs } from 'fs';
import * as path from 'path';
import { createConfiguration, type Configuration } from '../core/configuration';
import type { Settings } from '../core/settings';
import {
  bundledVocabularies, CATEGORIES_FILE, parseCategories, parseVocabulary, VOCABULARY_FILES, VOCABULARY_NAMES,
  type Vocabularies, type VocabularyName,
} from '../core/vocabulary';
import { toRelative } from './files';

/** The data-file names the workspace may override, for discovery and file watching (named once, in the protocol module). */
export { DATA_FILE_NAMES } from '../../../protocol/src/names';

/**
 * Picks the workspace's own copy of a data file among those discovered: the one under a `_data`
 * folder (where the reference site keeps them) first, then the shallowest.
 */
export function pickDataFile(candidates: readonly string[], fileName: string): string | undefined {
  const named = candidates.filter((c) => c.split('/').pop() === fileName);
  named.sort((a, b) => Number(!a.includes('_data/')) - Number(!b.includes('_data/')) || a.split('/').length - b.split('/').length || a.localeCompare(b));
  return named[0];
}

export interface LoadOptions {
  root: string;
  settings: Settings;
  /** Root-relative paths of data files found in the workspace (any of DATA_FILE_NAMES). */
  discovered: readonly string[];
  /** False in an untrusted workspace: then only bundled vocabularies and schema are used. */
  trusted?: boolean;
  /**
   * True when the host stops on any problem (the CLI exits 2): the messages then say only what is
   * wrong, not which bundled file is used meanwhile, which would be untrue there.
   */
  stopsOnProblems?: boolean;
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
  sources: ConfigurationSources;
  /** Absolute paths of the files this configuration was read from (to know what to re-read). */
  files: string[];
  /** In Restricted Mode, one sentence per workspace file or setting that was not used for that reason. */
  untrustedNotes: string[];
  /** True when a replacement schema was set but could not be read or compiled. */
  schemaFailed: boolean;
}

async function readText(file: string): Promise<string> {
  return fs.readFile(file, 'utf8');
}

/** Reads vocabularies and schema as the settings and workspace say, falling back to the bundled ones. */
export async function loadConfiguration(opts: LoadOptions): Promise<LoadedConfiguration> {
  const { root, settings } = opts;
  const trusted = opts.trusted !== false;
  const problems: string[] = [];
  const files: string[] = [];
  const meanwhile = (fallback: string) => (opts.stopsOnProblems ? '' : fallback);
  const bundled = bundledVocabularies();
  const vocabularies: Vocabularies = { ...bundled };
  const locate = (setting: string, fileName: string): string | undefined => {
    if (setting) return path.resolve(root, setting);
    const found = pickDataFile(opts.discovered, fileName);
    return found ? path.join(root, found) : undefined;
  };
  const vocabularySources = {} as Record<VocabularyName, DataSource>;
  const untrustedNotes: string[] = [];
  await Promise.all(VOCABULARY_NAMES.map(async (name: VocabularyName) => {
    const fileName = VOCABULARY_FILES[name].file;
    const file = locate(settings.vocabularies[name], fileName);
    const origin = settings.vocabularies[name] ? 'setting' : 'workspace';
    if (!file) {
      vocabularySources[name] = { origin: 'bundled', reason: `no ${fileName} in the folder` };
      return;
    }
    const shown = toRelative(root, file);
    if (!trusted) {
      // Diagnostics and hovers name the vocabulary's source: say why it is not the workspace's own file.
      vocabularies[name] = { ...bundled[name], source: `${bundled[name].source}, used because ${UNTRUSTED_REASON}` };
      vocabularySources[name] = { origin: 'bundled', file: shown, reason: UNTRUSTED_REASON };
      untrustedNotes.push(`Using the bundled ${fileName}, not ${shown}, because ${UNTRUSTED_REASON}.`);
      return;
    }
    files.push(file);
    let text: string;
    try {
      text = await readText(file);
    } catch (e) {
      const named = settings.vocabularies[name] ? `, named by resourceAuthoring.vocabularies.${name}` : '';
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      vocabularySources[name] = { origin: 'bundled', file: shown, reason: `cannot read ${shown}: ${reason}` };
      problems.push(`Cannot read ${shown} (${reason})${named}${meanwhile(`; using the bundled ${fileName} meanwhile`)}.`);
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
  }));
  const categoriesFile = trusted ? locate('', CATEGORIES_FILE) : undefined;
  if (categoriesFile) {
    files.push(categoriesFile);
    try {
      const parsed = parseCategories(await readText(categoriesFile), toRelative(root, categoriesFile));
      if (parsed.ok) vocabularies.categories = parsed.value;
      else problems.push(parsed.error);
    } catch (e) {
      problems.push(`Cannot read ${toRelative(root, categoriesFile)} (${(e as Error).message}).`);
    }
  }
  let schema: unknown;
  let schemaFailed = false;
  if (settings.schema && !trusted) {
    untrustedNotes.push(`Using the bundled schema, not ${settings.schema} (resourceAuthoring.schema), because ${UNTRUSTED_REASON}.`);
  } else if (settings.schema) {
    const file = path.resolve(root, settings.schema);
    files.push(file);
    try {
      schema = JSON.parse(await readText(file));
    } catch (e) {
      schemaFailed = true;
      problems.push(`Cannot use the schema ${settings.schema} (${(e as Error).message})${meanwhile('; using the bundled schema')}.`);
    }
  }
  const configuration = createConfiguration({ settings, vocabularies, schema, problems, stopsOnProblems: opts.stopsOnProblems });
  if (schema !== undefined && configuration.problems.length > problems.length) schemaFailed = true;
  const schemaSource: DataSource = !settings.schema
    ? { origin: 'bundled' }
    : !trusted
      ? { origin: 'bundled', file: settings.schema, reason: UNTRUSTED_REASON }
      : schemaFailed
        ? { origin: 'bundled', file: settings.schema, reason: `cannot use ${settings.schema}` }
        : { origin: 'setting', file: toRelative(root, path.resolve(root, settings.schema)) };
  const sources = { vocabularies: vocabularySources, schema: schemaSource };
  // Sorted: the vocabularies were read concurrently, the log shows them in a stable order.
  return { configuration, sources, files, untrustedNotes: untrustedNotes.sort(), schemaFailed };
}
