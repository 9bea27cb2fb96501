// The editor installer's lock and rename (scripts/e2e/install-once.ts), with a fake install step:
// two first runs on one machine must share one install instead of deleting each other's.
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { installInto, isInstalled, processStartTime, withLock, type LockHolder } from '../../scripts/e2e/install-once';

const RACER = path.join(__dirname, 'install-racer.ts');

function runRacer(cache: string, go: string, runs: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', RACER, cache, go, runs], { cwd: path.join(__dirname, '..', '..') });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function lockBy(holder: Partial<LockHolder>): string {
  return JSON.stringify({ host: os.hostname(), token: 'feedface', ...holder }) + '\n';
}

describe('editor install: lock and rename (scripts/e2e/install-once.ts)', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'install-once-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const leftovers = (cache: string): string[] => fs.readdirSync(cache).filter((f) => f.startsWith('.'));

  it('two processes installing into one fresh cache at once: one installs, the other waits and uses it', async () => {
    const cache = path.join(tmp, 'cache');
    const go = path.join(tmp, 'go');
    const runs = path.join(tmp, 'runs');
    const racers = [runRacer(cache, go, runs), runRacer(cache, go, runs)];
    await new Promise((r) => setTimeout(r, 1500)); // both started (tsx loads) and polling for the signal
    fs.writeFileSync(go, '');
    const results = await Promise.all(racers);
    for (const r of results) assert.equal(r.code, 0, r.out);
    assert.equal(fs.readFileSync(runs, 'utf8').trim().split('\n').length, 1, 'the install step ran once');
    assert.equal(results.filter((r) => r.out.includes('waited for')).length, 1, results.map((r) => r.out).join('\n'));
    assert.ok(isInstalled(path.join(cache, 'tool-1.0.0')));
    assert.deepEqual(leftovers(cache), [], 'no lock or temporary folder left');
  });

  it('a lock left by a process that died is broken, not waited for', async () => {
    const lock = path.join(tmp, '.install.lock');
    fs.writeFileSync(lock, lockBy({ pid: deadPid() }));
    let waited = false;
    const value = await withLock(lock, () => 42, { pollMs: 10, timeoutMs: 2000, onWait: () => (waited = true) });
    assert.equal(value, 42);
    assert.equal(waited, false);
    assert.equal(fs.existsSync(lock), false);
  });

  it('a lock whose pid now belongs to another process (start time differs) is broken', async function () {
    const lock = path.join(tmp, '.install.lock');
    if (processStartTime(process.pid) === undefined) this.skip(); // no /proc here
    fs.writeFileSync(lock, lockBy({ pid: process.pid, started: 'not-this-process' }));
    assert.equal(await withLock(lock, () => 'ran', { pollMs: 10, timeoutMs: 2000 }), 'ran');
  });

  it('a live holder is waited for until it releases the lock', async () => {
    const lock = path.join(tmp, '.install.lock');
    fs.writeFileSync(lock, lockBy({ pid: process.pid, started: processStartTime(process.pid) }));
    let waitedFor: number | undefined;
    let ran = false;
    const done = withLock(lock, () => (ran = true), { pollMs: 10, onWait: (h) => (waitedFor = h.pid) });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(ran, false, 'did not run while the lock was held');
    assert.equal(waitedFor, process.pid);
    fs.rmSync(lock);
    await done;
    assert.equal(ran, true);
  });

  it('a garbled lock file is treated as stale', async () => {
    const lock = path.join(tmp, '.install.lock');
    fs.writeFileSync(lock, 'not json');
    assert.equal(await withLock(lock, () => 'ran', { pollMs: 10, timeoutMs: 2000 }), 'ran');
  });

  it('the lock is released when the body throws', async () => {
    const lock = path.join(tmp, '.install.lock');
    await assert.rejects(
      withLock(lock, () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(fs.existsSync(lock), false);
  });

  it('a failed install leaves nothing behind, and the next attempt installs', async () => {
    const target = path.join(tmp, 'tool-1.0.0');
    await assert.rejects(
      installInto(target, (dir) => {
        fs.writeFileSync(path.join(dir, 'half'), '');
        throw new Error('network down');
      }),
      /network down/,
    );
    assert.deepEqual(fs.readdirSync(tmp), []);
    assert.equal(await installInto(target, (dir) => fs.writeFileSync(path.join(dir, 'whole'), '')), 'installed');
    assert.deepEqual(fs.readdirSync(target).sort(), ['.installed', 'whole']);
  });

  it('a finished install is used as it is: the install step does not run and nothing is deleted', async () => {
    const target = path.join(tmp, 'tool-1.0.0');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, '.installed'), 'tool@1.0.0\n'); // as older installers left it too
    fs.writeFileSync(path.join(target, 'bin'), 'x');
    assert.equal(await installInto(target, () => assert.fail('installed again')), 'present');
    assert.equal(fs.readFileSync(path.join(target, 'bin'), 'utf8'), 'x');
  });

  it("an unfinished in-place install (no marker) and a dead installer's temporary folder are replaced", async () => {
    const target = path.join(tmp, 'tool-1.0.0');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'partial'), '');
    const orphan = path.join(tmp, `.tmp-tool-1.0.0-${deadPid()}-abcd1234`);
    fs.mkdirSync(orphan);
    assert.equal(await installInto(target, (dir) => fs.writeFileSync(path.join(dir, 'whole'), '')), 'installed');
    assert.deepEqual(fs.readdirSync(target).sort(), ['.installed', 'whole']);
    assert.deepEqual(fs.readdirSync(tmp), ['tool-1.0.0']);
  });
});
