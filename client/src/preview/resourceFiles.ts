import * as vscode from 'vscode';
import { globMatcher } from '../../../server/src/core/globs';

const DEFAULT_GLOBS = ['**/resources/**/*.md'];

/**
 * True for a Markdown document inside a workspace folder whose relative path matches
 * `resourceAuthoring.resourceGlobs`: the same matcher the server uses, so both agree.
 */
export function isResourceDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'markdown' || doc.uri.scheme !== 'file') return false;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) return false;
  const configured = vscode.workspace.getConfiguration('resourceAuthoring', doc.uri).get<unknown>('resourceGlobs');
  const globs = Array.isArray(configured) ? configured.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  const relative = vscode.workspace.asRelativePath(doc.uri, false);
  return globMatcher(globs.length ? globs : DEFAULT_GLOBS)(relative);
}
