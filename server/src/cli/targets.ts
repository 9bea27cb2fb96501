import * as path from 'path';
import picomatch from 'picomatch';
import { listFiles } from '../node/files';
import { pathKind } from '../node/settingsFile';
import { ConfigurationError } from './io';

/** What the command line asked to check, resolved against the working folder. */
interface Pattern {
  text: string;
  kind: 'file' | 'folder' | 'glob';
  /** Absolute path of the file or folder; for a glob, the folder its static part names. */
  base: string;
  /** For a glob: matches absolute paths. */
  match?: (absolute: string) => boolean;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

async function classify(text: string, cwd: string): Promise<Pattern> {
  const absolute = path.resolve(cwd, text);
  const kind = await pathKind(absolute);
  if (kind) return { text, kind, base: absolute };
  const scan = picomatch.scan(toPosix(text));
  if (!scan.isGlob) throw new ConfigurationError(`No such file or folder: ${text}`);
  const glob = toPosix(path.resolve(cwd, text));
  const matcher = picomatch(glob, { dot: false });
  return { text, kind: 'glob', base: path.resolve(cwd, scan.base || '.'), match: (abs) => matcher(toPosix(abs)) };
}

const inside = (folder: string, file: string) => {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export interface Walked {
  /** Absolute paths of the files to check, sorted. */
  targets: string[];
  /** Files named on the command line that are neither resources nor reports: one warning each, not checked. */
  skipped: string[];
}

/** The warning for a named file that is not checked (stderr; the exit status does not change). */
export function skippedWarning(file: string): string {
  return `${file}: not a resource file: it does not match resourceAuthoring.resourceGlobs (relative to --root); skipped.`;
}

/**
 * The root's files come from the workspace's one walk (the same that finds data files and reports);
 * folders and globs outside the root get a walk of their own. Explicitly named files are checked when they are
 * resources or reports and skipped otherwise (as ESLint skips a named file its configuration does
 * not cover), so `resource-lint $(git diff --name-only)` checks only what it should; folders
 * contribute their resource files; globs, every file they match.
 */
export async function resolveTargets(opts: {
  patterns: readonly string[];
  root: string;
  cwd: string;
  isResource: (relative: string) => boolean;
  /** Whether a file (absolute path) is a report: named with --report, or matching the settings' globs. */
  isReportFile: (absolute: string) => boolean;
  /** The root's files the predicate takes (root-relative), from the workspace's listing. */
  rootFiles: (accept: (relative: string) => boolean) => Promise<string[]>;
}): Promise<Walked> {
  const { root } = opts;
  const patterns = await Promise.all(opts.patterns.map((p) => classify(p, opts.cwd)));
  const targets = new Set<string>();
  const skipped: string[] = [];
  const wanted = (relative: string): boolean => {
    // No paths: every file the editor checks, resources and reports alike.
    if (patterns.length === 0) return opts.isResource(relative) || opts.isReportFile(path.join(root, relative));
    const absolute = path.join(root, relative);
    return patterns.some((p) =>
      p.kind === 'folder' ? inside(p.base, absolute) && opts.isResource(relative) : p.kind === 'glob' ? p.match!(absolute) : false,
    );
  };
  for (const rel of await opts.rootFiles(wanted)) targets.add(path.join(root, rel));
  for (const p of patterns) {
    if (p.kind === 'file') {
      // The resource globs are relative to the root: a file outside it is no resource of this workspace.
      if ((inside(root, p.base) && opts.isResource(toPosix(path.relative(root, p.base)))) || opts.isReportFile(p.base)) targets.add(p.base);
      else skipped.push(p.text);
    } else if (!inside(root, p.base)) {
      // Outside the root: resource globs apply to paths relative to the folder named.
      const found = await listFiles(p.base, (rel) => (p.kind === 'glob' ? p.match!(path.join(p.base, rel)) : opts.isResource(rel)));
      for (const rel of found) targets.add(path.join(p.base, rel));
    }
  }
  for (const p of patterns) {
    if (p.kind !== 'file' && ![...targets].some((t) => inside(p.base, t) && (p.kind === 'folder' || p.match!(t)))) {
      throw new ConfigurationError(
        p.kind === 'glob' ? `No files match the pattern ${p.text}` : `No resource files in ${p.text} (resourceAuthoring.resourceGlobs)`,
      );
    }
  }
  return { targets: [...targets].sort(), skipped };
}
