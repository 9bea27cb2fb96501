import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Random } from '../../scripts/bench/random';
import { CLI } from '../cli/helpers';

/** Fixable in several places: a focus in the wrong case, a repeated readability, a tag written as its label. */
function broken(i: number): string {
  return [
    '---',
    `title: "Resource ${i}"`,
    'focus: bias',
    'source: CRFM',
    'readability: [expert, Expert]',
    'type: PDF Artcle',
    `link: https://example.org/r${i}`,
    'learnTags: ["AI and Machine Learning"]',
    '---',
    `Body of ${i}, kept byte for byte: café ✓\r\n`,
  ].join('\n');
}

export interface KillOptions {
  seed: number;
  files: number;
  kills: number;
  log?: (message: string) => void;
}

/**
 * `resource-lint --fix` over a generated library, killed with SIGKILL at random moments, again and
 * again: after each kill every file is its original bytes or its complete fixed version; a final
 * complete run fixes what is left and removes every temporary file the kills left behind.
 */
export async function killFix(options: KillOptions): Promise<{ kills: number; tempsSeen: number; midRun: number }> {
  const random = new Random(options.seed);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-kill-'));
  const originals = new Map<string, string>();
  for (let i = 0; i < options.files; i++) {
    const rel = `resources/${String(i % 40)}/r${i}.md`;
    fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), broken(i));
    originals.set(rel, broken(i));
  }
  // The fixed version of each file, from a copy fixed by one complete run.
  const reference = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-kill-ref-'));
  fs.cpSync(root, reference, { recursive: true });
  const started = Date.now();
  spawnSync(process.execPath, [CLI, '--fix', '--format', 'json'], { cwd: reference, encoding: 'utf8' });
  // Kills land anywhere in a run: from start-up to the last write.
  const runMs = Date.now() - started;
  const fixedVersions = new Map([...originals.keys()].map((rel) => [rel, fs.readFileSync(path.join(reference, rel), 'utf8')]));
  fs.rmSync(reference, { recursive: true, force: true });
  assert.ok(
    [...fixedVersions].every(([rel, t]) => t !== originals.get(rel)),
    'the reference run fixed every file',
  );

  let tempsSeen = 0;
  /** Kills after which some files were fixed and others not: they hit the writing. */
  let midRun = 0;
  const temps = () => listAll(root).filter((rel) => /\.resource-lint-\d+\.[a-z0-9]+\.tmp$/.test(rel));
  try {
    for (let k = 0; k < options.kills; k++) {
      const child = spawn(process.execPath, [CLI, '--fix', '--format', 'json'], { cwd: root, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, random.int(0, runMs)));
      const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
      child.kill('SIGKILL');
      await exited;
      for (const [rel, original] of originals) {
        const now = fs.readFileSync(path.join(root, rel), 'utf8');
        assert.ok(
          now === original || now === fixedVersions.get(rel),
          `after kill ${k}, ${rel} is neither its original nor its fixed version:\n${now}`,
        );
      }
      tempsSeen += temps().length;
      const fixedNow = [...originals.keys()].filter(
        (rel) => fs.readFileSync(path.join(root, rel), 'utf8') === fixedVersions.get(rel),
      ).length;
      if (fixedNow > 0 && fixedNow < originals.size) midRun++;
      // Now and then a kill comes late enough that everything is fixed: start again from the originals.
      if ([...originals.keys()].every((rel) => fs.readFileSync(path.join(root, rel), 'utf8') === fixedVersions.get(rel))) {
        for (const [rel, original] of originals) fs.writeFileSync(path.join(root, rel), original);
      }
      if (options.log && k % 50 === 49) options.log(`${k + 1} kills, ${midRun} during the writing, ${tempsSeen} temporary files seen`);
    }
    const done = spawnSync(process.execPath, [CLI, '--fix', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    assert.ok(done.status === 0 || done.status === 1, done.stderr);
    for (const [rel] of originals) assert.strictEqual(fs.readFileSync(path.join(root, rel), 'utf8'), fixedVersions.get(rel), rel);
    assert.deepStrictEqual(temps(), [], 'temporary files left after a complete run');
    return { kills: options.kills, tempsSeen, midRun };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function listAll(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    return e.isDirectory() ? listAll(root, rel) : [rel];
  });
}
