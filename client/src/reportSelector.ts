import type { DocumentFilter } from 'vscode-languageclient';
import { DOCUMENT_SCHEMES } from './statusView';

/**
 * The documents a server takes: Markdown files (resources, Markdown reports) and every file that
 * `resourceAuthoring.reports` names whatever its language, because VS Code opens the plain-text
 * report (`.txt`, what a PDF extracts to) as Plain Text and a Markdown-only selector would leave it
 * without hover, definition, outline, completion and fixes. Pure (folders as URI strings and names)
 * so the rule is tested without VS Code.
 */
export function documentFilters(folder: { uri: string; name: string } | undefined, reportGlobs: readonly string[]): DocumentFilter[] {
  const globs = reportGlobs.filter((g) => typeof g === 'string' && g.trim() !== '');
  // A window without folders has no reports (their globs are relative to a folder): Markdown only, on
  // disk, untitled, and on the file systems of virtual workspaces.
  if (!folder) return DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language: 'markdown' }));
  // The folder's own scheme: `file` on the desktop, `vscode-vfs` on github.dev, `vscode-remote` in a
  // remote window's web worker, `vscode-test-web`, … A protocol RelativePattern: no escaping of the
  // folder's path into a glob.
  const scheme = schemeOf(folder.uri);
  const within = (pattern: string) => ({ baseUri: { uri: folder.uri, name: folder.name }, pattern });
  return [{ scheme, language: 'markdown', pattern: within('**/*') }, ...globs.map((g) => ({ scheme, pattern: within(g) }))];
}

function schemeOf(uri: string): string {
  const colon = uri.indexOf(':');
  return colon > 0 ? uri.slice(0, colon) : 'file';
}

/** The report globs as a stable key: a server is restarted when its folder's key changes. */
export function reportGlobsKey(reportGlobs: readonly string[]): string {
  return JSON.stringify(reportGlobs);
}
