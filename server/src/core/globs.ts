import picomatch from 'picomatch';

export type PathMatcher = (relativePath: string) => boolean;

/** Compiled matchers kept; settings rarely change, and each change must not keep the old ones forever. */
const CACHE_SIZE = 64;
const cache = new Map<string, PathMatcher>();

/** Wildcards in one path segment beyond which matching a long name backtracks polynomially (`*a*a*a*a*b`). */
const MAX_STARS_PER_SEGMENT = 3;
/** `**` segments beyond which a deep path backtracks through every way of splitting it. */
const MAX_GLOBSTARS = 6;

/**
 * Why a glob from the settings is refused, if it is: picomatch compiles globs to backtracking regular
 * expressions, and these shapes take exponential or high-polynomial time on a long path.
 */
export function unsafeGlobReason(glob: string): string | undefined {
  if (/[*+]\(/.test(glob)) return 'a repeated extglob (*(…) or +(…)) can take exponential time to match';
  const segments = glob.split('/');
  if (segments.some((s) => s !== '**' && (s.match(/\*+/g)?.length ?? 0) > MAX_STARS_PER_SEGMENT)) {
    return `more than ${MAX_STARS_PER_SEGMENT} wildcards in one path segment can take very long to match`;
  }
  if (segments.filter((s) => s === '**').length > MAX_GLOBSTARS)
    return `more than ${MAX_GLOBSTARS} ** segments can take very long to match`;
  return undefined;
}

/**
 * A matcher for workspace-relative paths (forward slashes). Compiled once per list of globs:
 * the same settings are asked about thousands of files. A refused glob (see unsafeGlobReason; the
 * settings' problems name it) matches nothing.
 */
export function globMatcher(globs: readonly string[]): PathMatcher {
  const key = globs.join('\0');
  let m = cache.get(key);
  if (!m) {
    const safe = globs.filter((g) => unsafeGlobReason(g) === undefined);
    const match = safe.length > 0 ? picomatch(safe, { dot: true }) : () => false;
    m = (p: string) => match(p.replace(/\\/g, '/').replace(/^\.\//, ''));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, m);
  }
  return m;
}
