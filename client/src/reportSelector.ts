import type { DocumentFilter } from 'vscode-languageclient';

/**
 * The documents a server takes: Markdown files (resources, Markdown reports) and every file that
 * `resourceAuthoring.reports` names whatever its language, because VS Code opens the plain-text
 * report (`.txt`, what a PDF extracts to) as Plain Text and a Markdown-only selector would leave it
 * without hover, definition, outline, completion and fixes. Pure (folders as URI strings and names)
 * so the rule is tested without VS Code.
 */
export function documentFilters(folder: { uri: string; name: string } | undefined, reportGlobs: readonly string[]): DocumentFilter[] {
  const globs = reportGlobs.filter((g) => typeof g === 'string' && g.trim() !== '');
  // A window without folders has no reports (their globs are relative to a folder): Markdown only.
  if (!folder)
    return [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ];
  // A protocol RelativePattern: no escaping of the folder's path into a glob.
  const within = (pattern: string) => ({ baseUri: { uri: folder.uri, name: folder.name }, pattern });
  return [{ scheme: 'file', language: 'markdown', pattern: within('**/*') }, ...globs.map((g) => ({ scheme: 'file', pattern: within(g) }))];
}

/** The report globs as a stable key: a server is restarted when its folder's key changes. */
export function reportGlobsKey(reportGlobs: readonly string[]): string {
  return JSON.stringify(reportGlobs);
}
