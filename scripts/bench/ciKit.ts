import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Corpus } from './corpus';
import { runNode, stats, type Stats } from './measure';
import { CLI } from './ours';

/** The two CI budgets: `--cache` on an unchanged library, `--changed-since` with 10 changed files. */
export interface CiKitResult {
  size: number;
  /** Node start-up plus a walk of the library's folder (a cold process doing only that). */
  walkFloor: Stats;
  cached: Stats;
  changedSince: Stats;
  changedFiles: number;
}

const WALK = `
const fs = require('fs'), path = require('path');
let n = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    if (e.isDirectory()) walk(path.join(dir, e.name)); else n++;
  }
})(process.argv[1]);
process.stdout.write(String(n));
`;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd, stdio: 'ignore' });
}

/**
 * On a copy of the corpus made a git repository (kept under `work`): a cold walk as the floor, the CLI
 * with `--cache` once warmed (nothing changed since), and with `--changed-since HEAD` after 10 files
 * were edited (untracked by no commit: the work-tree changes count).
 */
export async function measureCiKit(corpus: Corpus, work: string, runs: number): Promise<CiKitResult> {
  const root = path.join(work, `ci-${corpus.manifest.size}`);
  if (!(await exists(path.join(root, '.git')))) {
    await fs.rm(root, { recursive: true, force: true });
    await fs.cp(corpus.root, root, { recursive: true });
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'corpus');
  }
  git(root, 'checkout', '-q', '--', '.');
  const changed = corpus.manifest.files.filter((_, i) => i % Math.floor(corpus.manifest.files.length / 10) === 0).slice(0, 10);
  const walkScript = path.join(work, 'walk.js');
  await fs.writeFile(walkScript, WALK);
  const cacheFile = path.join(work, `ci-${corpus.manifest.size}.cache`);
  await fs.rm(cacheFile, { force: true });
  const lint = (...args: string[]) => runNode(CLI, ['--root', root, '--format', 'json', ...args], { cwd: root, timeoutMs: 10 * 60_000 });
  const warm = await lint('--cache', '--cache-location', cacheFile);
  if (warm.code !== 0 && warm.code !== 1) throw new Error(`resource-lint --cache failed: ${warm.stderr.slice(0, 400)}`);
  const walk: number[] = [];
  const cached: number[] = [];
  const since: number[] = [];
  for (let r = 0; r <= runs; r++) {
    const w = await runNode(walkScript, [root]);
    const c = await lint('--cache', '--cache-location', cacheFile);
    if (r > 0) walk.push(w.wallMs);
    if (r > 0) cached.push(c.wallMs);
  }
  for (const rel of changed) await fs.appendFile(path.join(root, rel), '\nEdited.\n');
  for (let r = 0; r <= runs; r++) {
    const s = await lint('--changed-since', 'HEAD');
    if (s.code !== 0 && s.code !== 1) throw new Error(`resource-lint --changed-since failed: ${s.stderr.slice(0, 400)}`);
    if (r > 0) since.push(s.wallMs);
  }
  git(root, 'checkout', '-q', '--', '.');
  return {
    size: corpus.manifest.size,
    walkFloor: stats(walk),
    cached: stats(cached),
    changedSince: stats(since),
    changedFiles: changed.length,
  };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
