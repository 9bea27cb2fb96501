import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { resource, workspace } from './helpers';

const REPO = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function library(): string {
  return workspace({
    'package.json': JSON.stringify({ name: 'site', version: '1.0.0', private: true }),
    'resources/a.md': resource('https://example.org/a', 'legacy: 1'),
    'resources/b.md': resource('https://example.org/b', 'learnTags: [bais]'),
  });
}

describe('resource-lint as a package in another project (npm pack, installed offline)', function () {
  this.timeout(120000);
  const temps: string[] = [];
  after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

  it('npm pack ships the bundled CLI with no runtime dependencies; npx resource-lint runs it in the site', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.dependencies, undefined, 'the CLI is bundled: nothing to install at run time');
    // The bin runs where it is linked without npm's chmod (an npx cache made from an earlier build).
    assert.ok((fs.statSync(path.join(REPO, 'dist/cli.js')).mode & 0o111) !== 0, 'dist/cli.js is not executable');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-pack-'));
    temps.push(out);
    // --ignore-scripts: the test runs on the build `npm test` made, not a new one.
    const packed = JSON.parse(
      execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: REPO, encoding: 'utf8' }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed[0].files.map((f) => f.path);
    assert.ok(files.includes('dist/cli.js'));
    assert.ok(files.includes('docs/rules/unknown-field.md'));
    assert.ok(!files.some((f) => f.startsWith('server/') || f.startsWith('test/') || f === 'dist/server.js'), files.join(', '));
    const site = library();
    temps.push(site);
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', path.join(out, packed[0].filename)], {
      cwd: site,
      stdio: 'pipe',
    });
    const json = spawnSync(NPX, ['--no-install', 'resource-lint', '--format', 'json'], { cwd: site, encoding: 'utf8' });
    assert.strictEqual(json.status, 1, json.stderr);
    const doc = JSON.parse(json.stdout);
    assert.deepStrictEqual(doc.summary, { files: 2, errors: 1, warnings: 1, fixed: 0 });
    const version = spawnSync(NPX, ['--no-install', 'resource-lint', '--version'], { cwd: site, encoding: 'utf8' });
    assert.strictEqual(version.stdout.trim(), manifest.version);
  });
});

/** The `${{ … }}` expressions of action.yml the steps use, with the values a workflow would give them. */
function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    assert.ok(name in values, `action.yml uses \${{ ${name} }}, which the test does not know`);
    return values[name];
  });
}

interface Step {
  uses?: string;
  run?: string;
  shell?: string;
  id?: string;
  if?: string;
  env?: Record<string, string>;
}

/** Runs the Action's `run:` steps as the bash commands they are, in order; `uses:` steps are skipped. */
function runAction(inputs: Record<string, string>, cwd: string): { status: number; outputs: Record<string, string>; stdout: string } {
  const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: Step[] };
  };
  assert.strictEqual(action.runs.using, 'composite');
  const values: Record<string, string> = { 'github.action_path': REPO };
  for (const [name, spec] of Object.entries(action.inputs)) values[`inputs.${name}`] = inputs[name] ?? spec.default ?? '';
  const outputs: Record<string, string> = {};
  let stdout = '';
  for (const step of action.runs.steps) {
    if (step.uses) continue;
    assert.strictEqual(step.shell, 'bash');
    const outputFile = path.join(cwd, '.github-output');
    fs.writeFileSync(outputFile, '');
    const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_OUTPUT: outputFile };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(String(v), values);
    const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', substitute(step.run!, values)], { cwd, env, encoding: 'utf8' });
    stdout += r.stdout;
    for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
      const m = /^([\w-]+)=(.*)$/.exec(line);
      if (m && step.id) values[`steps.${step.id}.outputs.${m[1]}`] = outputs[m[1]] = m[2];
    }
    if (r.status !== 0) return { status: r.status ?? -1, outputs, stdout };
  }
  return { status: 0, outputs, stdout };
}

describe('action.yml: the Action’s steps, run as the shell commands they are', function () {
  this.timeout(120000);
  const temps: string[] = [];
  after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

  it('format sarif (the default) writes the SARIF file for the upload step, then fails on errors', () => {
    const site = library();
    temps.push(site);
    const r = runAction({}, site);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.outputs.status, '1');
    const log = JSON.parse(fs.readFileSync(path.join(site, 'resource-lint.sarif'), 'utf8'));
    assert.strictEqual(log.runs[0].results.length, 2);
  });

  it('format github prints annotations; max-warnings and root are passed; a clean run passes', () => {
    const site = library();
    temps.push(site);
    const r = runAction({ format: 'github', root: 'resources/..' }, site);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /^::error file=resources\/b\.md,line=8,/m);
    fs.writeFileSync(path.join(site, 'resources/b.md'), resource('https://example.org/b'));
    assert.strictEqual(runAction({ format: 'github' }, site).status, 0);
    const strict = runAction({ format: 'github', 'max-warnings': '0' }, site);
    assert.strictEqual(strict.status, 1);
    assert.strictEqual(strict.outputs.status, '1');
  });

  it('changed-since is passed to --changed-since', () => {
    const site = library();
    temps.push(site);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: site });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.'], { cwd: site });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'base'], { cwd: site });
    fs.writeFileSync(path.join(site, 'resources/c.md'), resource('https://example.org/c', 'other: 1'));
    const r = runAction({ format: 'github', 'changed-since': 'main' }, site);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /^::warning file=resources\/c\.md,/m);
    assert.doesNotMatch(r.stdout, /resources\/b\.md/);
  });
});
