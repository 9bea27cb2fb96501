import { promises as fs } from 'fs';
import * as path from 'path';
import { createConfiguration, type Configuration } from '../core/configuration';
import type { Settings } from '../core/settings';
import {
  bundledVocabularies, CATEGORIES_FILE, parseCategories, parseVocabulary, VOCABULARY_FILES, VOCABULARY_NAMES,
  type Vocabularies, type VocabularyName,
} from '../core/vocabulary';
import { toRelative } from './files';

/** The data-file names the workspace may override, for discovery and file watching. */
export const DATA_FILE_NAMES: readonly string[] = [...VOCABULARY_NAMES.map((n) => VOCABULARY_FILES[n].file), CATEGORIES_FILE];

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

export interface LoadedConfiguration {
  configuration: Configuration;
  /** Absolute paths of the files this configuration was read from (to know what to re-read). */
  files: string[];
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
  await Promise.all(VOCABULARY_NAMES.map(async (name: VocabularyName) => {
    const file = trusted ? locate(settings.vocabularies[name], VOCABULARY_FILES[name].file) : undefined;
    if (!file) return;
    files.push(file);
    const shown = toRelative(root, file);
    let text: string;
    try {
      text = await readText(file);
    } catch (e) {
      const named = settings.vocabularies[name] ? `, named by resourceAuthoring.vocabularies.${name}` : '';
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      problems.push(`Cannot read ${shown} (${reason})${named}${meanwhile(`; using the bundled ${VOCABULARY_FILES[name].file} meanwhile`)}.`);
      return;
    }
    const parsed = parseVocabulary(name, text, shown, file);
    if (parsed.ok) vocabularies[name] = parsed.value;
    else problems.push(`${parsed.error}${meanwhile(` Using the bundled ${VOCABULARY_FILES[name].file} meanwhile.`)}`);
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
  if (settings.schema && trusted) {
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
  return { configuration, files, schemaFailed };
}
