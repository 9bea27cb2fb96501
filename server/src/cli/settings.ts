import { promises as fs } from 'fs';
import * as path from 'path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineMap } from '../core/positions';
import { DEFAULT_SETTINGS, settingsFromSettingsJson, settingsJsonProblems, type Settings } from '../core/settings';
import { ConfigurationError } from './io';

/**
 * The `resourceAuthoring.*` settings of `<root>/.vscode/settings.json`, so CI and the editor agree.
 * VS Code allows comments and trailing commas there; a file that is not even that is a
 * configuration error, not a reason to fall back silently to defaults; so is a setting the editor
 * would ignore (an unknown severity or code): CI must not pass on what the author did not ask for.
 */
export async function readWorkspaceSettings(root: string): Promise<Settings> {
  const file = path.join(root, '.vscode', 'settings.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_SETTINGS;
    throw new ConfigurationError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = new LineMap(text).position(first.offset).line + 1;
    throw new ConfigurationError(`${file} is not valid JSON (${printParseErrorCode(first.error)} on line ${line}).`);
  }
  if (json !== undefined && (json === null || typeof json !== 'object' || Array.isArray(json))) {
    throw new ConfigurationError(`${file} should hold a JSON object of settings.`);
  }
  const problems = settingsJsonProblems(json);
  if (problems.length > 0) throw new ConfigurationError(problems.map((p) => `${file}: ${p.message}`).join('\n'));
  return settingsFromSettingsJson(json);
}
