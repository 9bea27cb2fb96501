import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `dist/cli.js` as a process, as CI would (stdout and stderr are pipes, not a TTY). */
export function lint(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary workspace holding `files` (path → text, or bytes for exact-byte fixtures). */
export function workspace(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export const VALID_FIELDS = ['title: "A resource"', 'focus: Bias', 'source: CRFM', 'readability: [Expert]', 'type: PDF Article'];

/** A resource text: the valid fields, its link, then extra lines. */
export function resource(link: string, ...extra: string[]): string {
  return ['---', ...VALID_FIELDS, `link: ${link}`, ...extra, '---', 'Body.', ''].join('\n');
}
