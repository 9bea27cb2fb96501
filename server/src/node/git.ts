import { execFile } from 'child_process';
import * as path from 'path';

/** Git could not answer: not installed, not a repository, or a ref it does not know. */
export class GitError extends Error {}

/** Runs git with arguments (never through a shell), in `cwd`; resolves with stdout. */
function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new GitError('git is not installed (or not on PATH).'));
      reject(new GitError((stderr || error.message).trim().split('\n')[0]));
    });
  });
}

/** The work tree of the git repository containing `dir`; undefined when there is none (or no git). */
export async function repositoryRoot(dir: string): Promise<string | undefined> {
  try {
    const top = (await git(['rev-parse', '--show-toplevel'], dir)).trim();
    return top ? path.resolve(top) : undefined;
  } catch {
    return undefined;
  }
}

const names = (out: string) => out.split('\0').filter((n) => n !== '');

/**
 * Absolute paths of the files changed since `ref`, as a pull request shows them: the commits on HEAD
 * since it forked from `ref` (`ref...HEAD`, the merge base's diff, so commits that landed on `ref`
 * meanwhile are not counted), plus what is staged, modified or untracked (not ignored) in the work tree.
 * Deleted files are listed too; callers keep those that still exist.
 */
export async function changedSince(dir: string, ref: string): Promise<string[]> {
  const top = await repositoryRoot(dir);
  if (!top) throw new GitError(`${dir} is not inside a git work tree (or git is not installed).`);
  // A ref starting with "-" would be read as an option.
  if (ref.startsWith('-')) throw new GitError(`'${ref}' is not a git ref.`);
  try {
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top);
  } catch {
    throw new GitError(`unknown git ref '${ref}'.`);
  }
  const [committed, worktree, untracked] = await Promise.all([
    git(['diff', '--name-only', '-z', '--no-renames', `${ref}...HEAD`, '--'], top),
    git(['diff', '--name-only', '-z', '--no-renames', 'HEAD', '--'], top),
    git(['ls-files', '--others', '--exclude-standard', '-z'], top),
  ]);
  const all = new Set([...names(committed), ...names(worktree), ...names(untracked)]);
  return [...all].map((rel) => path.join(top, rel)).sort();
}
