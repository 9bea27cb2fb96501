/**
 * Which language server serves which file in a multi-root workspace. One server runs per outermost
 * workspace folder (each with its own settings, vocabularies, reports and workspace-wide checks); a
 * folder nested inside another is served by the outer one, so no file is checked twice. Pure (folders
 * as URI strings) so the rule is tested without VS Code.
 */

/** The key of the server for files outside every folder (untitled files, or a window with no folder). */
export const DEFAULT_SERVER = '';

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : uri + '/';
}

/** `child` is `parent` or lies inside it. */
export function contains(parent: string, child: string): boolean {
  return child === parent || child.startsWith(withSlash(parent));
}

/** The folders that get a server of their own: those not inside another folder. */
export function outermostFolders(folders: readonly string[]): string[] {
  return folders.filter((f) => !folders.some((other) => other !== f && contains(other, f)));
}

/** The server key for a file: its outermost folder, or the default server outside every folder. */
export function serverFor(uri: string, folders: readonly string[]): string {
  return outermostFolders(folders).find((f) => contains(f, uri)) ?? DEFAULT_SERVER;
}
