import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { sectionOfSettingsJson, settingsProblems } from './settings';

/**
 * The `resourceAuthoring` section of a `.vscode/settings.json` text, for hosts that read the file
 * themselves (the CLI: the editor reads it for the server). VS Code allows comments and trailing
 * commas; a file that is not even that, or one holding a setting the editor would ignore, is a
 * problem here: CI must not pass on what the author did not ask for.
 */
export function parseSettingsJson(text: string, fileName: string): { section: Record<string, unknown>; problems: string[] } {
  // VS Code reads a file starting with a byte order mark, and an empty (or blank) file as no settings.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return { section: {}, problems: [] };
  const errors: ParseError[] = [];
  const json: unknown = parse(source, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    const line = source.slice(0, first.offset).split(/\r\n|\n|\r/).length;
    return { section: {}, problems: [`${fileName} is not valid JSON (${printParseErrorCode(first.error)} on line ${line}).`] };
  }
  if (json !== undefined && (json === null || typeof json !== 'object' || Array.isArray(json))) {
    return { section: {}, problems: [`${fileName} should hold a JSON object of settings.`] };
  }
  const section = sectionOfSettingsJson(json);
  return { section, problems: settingsProblems(section).map((p) => `${fileName}: ${p.message}`) };
}
