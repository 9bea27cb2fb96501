import { compileSchema, bundledResourceSchema, type CompiledSchema } from './schema';
import type { DiagnosticCode, SeveritySetting } from './codes';
import { globMatcher, type PathMatcher } from './globs';
import { compileOverrides, type FileSettingsLookup } from './overrides';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { bundledVocabularies, type Vocabularies } from './vocabulary';

/**
 * Everything a check depends on besides the text, compiled once per change of settings,
 * vocabularies or schema. `id` changes with every new configuration so caches keyed by it
 * never serve a result computed under the old one.
 */
export interface Configuration {
  id: number;
  settings: Settings;
  vocabularies: Vocabularies;
  schema: CompiledSchema;
  isResource: PathMatcher;
  isReport: PathMatcher;
  /** The settings in force for a file (by URI): `resourceAuthoring.overrides` matching its path over the folder's. */
  forFile: FileSettingsLookup;
  /** Problems with the configuration itself (unreadable vocabulary, invalid schema), one sentence each. */
  problems: string[];
}

let nextId = 1;

export interface ConfigurationInput {
  settings?: Settings;
  /** The folder the overrides' globs are relative to; without one no override applies. */
  folder?: string;
  vocabularies?: Vocabularies;
  /** A replacement schema (parsed JSON); the bundled one when absent. */
  schema?: unknown;
  /** Problems the host found while loading the inputs, reported alongside. */
  problems?: string[];
  /** The host stops on any problem (the CLI): messages do not say that the bundled schema is used instead. */
  stopsOnProblems?: boolean;
}

export function createConfiguration(input: ConfigurationInput = {}): Configuration {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const vocabularies = input.vocabularies ?? bundledVocabularies();
  const problems = [...(input.problems ?? [])];
  let compiled = input.schema !== undefined ? compileSchema(input.schema, vocabularies) : undefined;
  if (compiled && !compiled.ok) {
    const meanwhile = input.stopsOnProblems ? '' : '; using the bundled schema';
    problems.push(
      `The schema in ${settings.schema || 'resourceAuthoring.schema'} is not a valid JSON Schema (${compiled.error})${meanwhile}.`,
    );
    compiled = undefined;
  }
  if (!compiled) {
    compiled = compileSchema(bundledResourceSchema(), vocabularies);
    if (!compiled.ok) throw new Error(`bundled schema does not compile: ${compiled.error}`);
  }
  return {
    id: nextId++,
    settings,
    vocabularies,
    schema: compiled.value,
    isResource: globMatcher(settings.resourceGlobs),
    isReport: globMatcher(settings.reports),
    forFile: compileOverrides(input.folder, settings.severity, settings.overrides),
    problems,
  };
}

/** The severity of `code` in the file `uri`, overrides included (`off`: not shown). */
export function severityOf(code: DiagnosticCode, config: Configuration, uri: string): SeveritySetting {
  return config.forFile(uri).severity(code);
}
