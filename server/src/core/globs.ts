import picomatch from 'picomatch';

export type PathMatcher = (relativePath: string) => boolean;

const cache = new Map<string, PathMatcher>();

/**
 * A matcher for workspace-relative paths (forward slashes). Compiled once per list of globs:
 * the same settings are asked about thousands of files.
 */
export function globMatcher(globs: readonly string[]): PathMatcher {
  const key = globs.join('\0');
  let m = cache.get(key);
  if (!m) {
    const match = picomatch(globs as string[], { dot: true });
    m = (p: string) => match(p.replace(/\\/g, '/').replace(/^\.\//, ''));
    cache.set(key, m);
  }
  return m;
}
