// Installs into a shared cache safely when several runs start at once (a CI run and a local run, two
// terminals): one process holds a lock file while it installs, the others wait for it and then use
// its result; every install is built in a temporary folder beside its target and renamed into place,
// so a half-done install is never where a reader looks, and nothing ever deletes a finished one.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** What a lock file says about the process that holds it. */
export interface LockHolder {
  pid: number;
  host: string;
  /** The process's start time from /proc (Linux), so a reused pid is not taken for the holder. */
  started?: string;
  /** Distinguishes two acquisitions by the same process. */
  token: string;
}

export interface LockOptions {
  /** How often a waiting process looks at the lock again. */
  pollMs?: number;
  /** Give up waiting for a live holder after this long (an install takes minutes, not hours). */
  timeoutMs?: number;
  /** Called once, when this process starts waiting for another one. */
  onWait?: (holder: LockHolder, lockFile: string) => void;
}

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot); undefined off Linux or when gone. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}

/** Whether the holder can be proved gone; a holder on another host never can. */
export function holderIsGone(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  if (!processAlive(holder.pid)) return true;
  const started = processStartTime(holder.pid);
  return holder.started !== undefined && started !== undefined && started !== holder.started;
}

function readHolder(file: string): LockHolder | 'missing' | 'garbled' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.token === 'string') return h as LockHolder;
  } catch {
    // falls through: not a lock this code wrote
  }
  return 'garbled';
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/**
 * Takes the lock or returns who holds it. The lock file appears with its whole content at once
 * (written to a private file, then hard-linked to the lock's name, which fails if it exists), so a
 * reader never sees an empty lock and takes it for a dead one.
 */
function tryAcquire(lockFile: string, me: LockHolder): true | LockHolder | 'missing' | 'garbled' {
  const mine = `${lockFile}.${me.pid}.${me.token}`;
  fs.writeFileSync(mine, JSON.stringify(me) + '\n');
  try {
    fs.linkSync(mine, lockFile);
    return true;
  } catch (e) {
    if (errno(e) !== 'EEXIST') throw e;
    return readHolder(lockFile);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/**
 * Removes a lock whose holder is gone. It is renamed aside first and checked: if another waiter broke
 * it and a new holder took it in between, the new holder's lock is put back. Should a third process
 * have taken the lock in that instant too, two installers run at once; that costs time, not data,
 * since each builds in its own temporary folder and a rename onto a finished install fails.
 */
function breakStale(lockFile: string, stale: LockHolder | 'garbled', me: LockHolder): void {
  const aside = `${lockFile}.stale.${me.pid}.${me.token}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (e) {
    if (errno(e) === 'ENOENT') return; // someone else removed it already
    throw e;
  }
  const moved = readHolder(aside);
  const same = stale === 'garbled' ? moved === 'garbled' : typeof moved === 'object' && moved.token === stale.token;
  if (!same) {
    try {
      fs.linkSync(aside, lockFile);
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw e;
    }
  }
  fs.rmSync(aside, { force: true });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `body` while holding `lockFile`, waiting first for a live holder and breaking a dead one's lock. */
export async function withLock<T>(lockFile: string, body: () => Promise<T> | T, o: LockOptions = {}): Promise<T> {
  const pollMs = o.pollMs ?? 1000;
  const timeoutMs = o.timeoutMs ?? 60 * 60 * 1000;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    started: processStartTime(process.pid),
    token: crypto.randomBytes(8).toString('hex'),
  };
  const waitStarted = Date.now();
  let told = false;
  for (;;) {
    const got = tryAcquire(lockFile, me);
    if (got === true) break;
    if (got === 'missing') continue; // released between our link and our read
    if (got === 'garbled' || holderIsGone(got)) {
      breakStale(lockFile, got, me);
      continue;
    }
    if (!told) {
      told = true;
      o.onWait?.(got, lockFile);
    }
    if (Date.now() - waitStarted > timeoutMs) {
      throw new Error(
        `gave up after ${Math.round(timeoutMs / 1000)} s waiting for process ${got.pid} on ${got.host} (lock ${lockFile}; delete it if that process is gone)`,
      );
    }
    await sleep(pollMs);
  }
  try {
    return await body();
  } finally {
    const held = readHolder(lockFile);
    if (typeof held === 'object' && held.token === me.token) fs.rmSync(lockFile, { force: true });
  }
}

/** The file that records that an install folder is complete (also what older caches have). */
export const MARKER = '.installed';

export function isInstalled(dir: string): boolean {
  return fs.existsSync(path.join(dir, MARKER));
}

/**
 * Makes `target` a complete install: unless it already is one, `install` fills a fresh temporary
 * folder beside it, which is then renamed to `target`. Call it while holding the cache's lock. A
 * folder at `target` without the marker (left by an older installer that worked in place) is moved
 * aside before the rename; temporary folders of installers that died are removed.
 */
export async function installInto(
  target: string,
  install: (dir: string) => Promise<void> | void,
  marker = 'installed\n',
): Promise<'present' | 'installed'> {
  if (isInstalled(target)) return 'present';
  const parent = path.dirname(target);
  const name = path.basename(target);
  fs.mkdirSync(parent, { recursive: true });
  for (const entry of fs.readdirSync(parent)) {
    const m = /^\.(?:tmp|old)-(.+)-(\d+)-[0-9a-f]+$/.exec(entry);
    if (m && m[1] === name && !processAlive(Number(m[2]))) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  const suffix = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const tmp = path.join(parent, `.tmp-${name}-${suffix}`);
  fs.mkdirSync(tmp);
  try {
    await install(tmp);
    fs.writeFileSync(path.join(tmp, MARKER), marker);
    if (fs.existsSync(target) && !isInstalled(target)) {
      const old = path.join(parent, `.old-${name}-${suffix}`);
      fs.renameSync(target, old);
      fs.rmSync(old, { recursive: true, force: true });
    }
    try {
      fs.renameSync(tmp, target);
    } catch (e) {
      // Another installer finished first (possible only if the lock was broken under it): use its copy.
      if (!['ENOTEMPTY', 'EEXIST'].includes(errno(e) ?? '') || !isInstalled(target)) throw e;
      fs.rmSync(tmp, { recursive: true, force: true });
      return 'present';
    }
    return 'installed';
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
