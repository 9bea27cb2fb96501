import { URI, Utils } from 'vscode-uri';

/**
 * Workspace paths on URIs, without Node's `path`: the same code runs in the server, the CLI and a
 * browser. Root-relative paths use `/` whatever the platform.
 */

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/** The URI a setting's path names: absolute as written, else relative to the folder. */
export function resolvePath(folder: string, path: string): string {
  if (ABSOLUTE.test(path)) return URI.file(path).toString();
  return Utils.joinPath(URI.parse(folder), path.replace(/\\/g, '/')).toString();
}

/** Characters a URI's path writes as they are, in segments that joining leaves alone. */
const PLAIN_PATH = /^(?!\.\.?(?:\/|$))[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+)*$/;
let canonical: { folder: string; is: boolean } | undefined;

/** The URI of a root-relative path. */
export function uriOf(folder: string, relativePath: string): string {
  // Called per file of the library: a plain path under a folder written as the encoder writes it is appended.
  if (canonical?.folder !== folder) canonical = { folder, is: URI.parse(folder).toString() === folder };
  if (canonical.is && PLAIN_PATH.test(relativePath)) return `${folder.endsWith('/') ? folder : `${folder}/`}${relativePath}`;
  return Utils.joinPath(URI.parse(folder), relativePath).toString();
}

/**
 * The path of `uri` relative to `folder` (`/`-separated), with `..` segments when it lies outside;
 * undefined when the two are on different schemes or authorities.
 */
export function relativeTo(folder: string, uri: string): string | undefined {
  const base = URI.parse(folder);
  const target = URI.parse(uri);
  if (base.scheme !== target.scheme || base.authority !== target.authority) return undefined;
  const from = base.path.split('/').filter(Boolean);
  const to = target.path.split('/').filter(Boolean);
  let same = 0;
  while (same < from.length && same < to.length && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => '..'), ...to.slice(same)].join('/');
}

/** A remainder that decoding or segment rules could change: escapes, a query or fragment, empty or dot segments. */
const NOT_PLAIN = /[%?#]|\/\/|(?:^|\/)\.\.?(?:\/|$)|\/$/;

/** The root-relative path of a file inside the folder; undefined outside it. */
export function insideFolder(folder: string, uri: string): string | undefined {
  // Both URIs come from the same encoder: a plain remainder after the folder is the path already.
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  if (uri.startsWith(prefix)) {
    const rest = uri.slice(prefix.length);
    if (rest !== '' && !NOT_PLAIN.test(rest)) return rest;
  }
  const rel = relativeTo(folder, uri);
  return rel === undefined || rel === '' || rel === '..' || rel.startsWith('../') ? undefined : rel;
}

/** The last segment of a path or URI. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
