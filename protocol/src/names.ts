/**
 * Names that the extension, the language server, the command-line linter and the core must spell
 * alike: the settings section, the default globs and the data-file names. Plain constants with no
 * imports, so even the pure core may import them. `package.json` repeats the defaults for the
 * settings editor; test/client/protocol.test.ts keeps the two equal.
 */

/** The settings section: every setting is `resourceAuthoring.<key>`. */
export const SETTINGS_SECTION = 'resourceAuthoring';

/** The full id of a setting (`resourceAuthoring.resourceGlobs`), as VS Code and settings.json name it. */
export function settingId(key: string): string {
  return `${SETTINGS_SECTION}.${key}`;
}

/** `resourceAuthoring.resourceGlobs` by default: the Markdown files that are resources. */
export const DEFAULT_RESOURCE_GLOBS: readonly string[] = ['**/resources/**/*.md'];

/** `resourceAuthoring.reports` by default: the report files whose numbered sections references point into. */
export const DEFAULT_REPORT_GLOBS: readonly string[] = ['**/reports/**/*.md', '**/reports/**/*.txt'];

/** The vocabulary data files, by the field that uses them, as the reference site names them. */
export const VOCABULARY_FILE_NAMES = {
  learnTags: 'resourceTags.json',
  focus: 'resourceFocuses.json',
  type: 'resourceTypes.json',
} as const;

/** The data file that groups focuses into categories (for the hover and the card). */
export const CATEGORIES_FILE_NAME = 'resourceCategories.json';

/** Every data file a workspace may override, for discovery and file watching. */
export const DATA_FILE_NAMES: readonly string[] = [...Object.values(VOCABULARY_FILE_NAMES), CATEGORIES_FILE_NAME];

/** The checked-in configuration file at a folder's root (JSONC), read by the editor and the CLI alike. */
export const CONFIG_FILE_NAME = '.resource-lint.json';

/** Where the configuration is looked for at the folder's root, in order: the file, else package.json's `resourceAuthoring` key. */
export const CONFIG_FILE_NAMES: readonly string[] = [CONFIG_FILE_NAME, 'package.json'];
