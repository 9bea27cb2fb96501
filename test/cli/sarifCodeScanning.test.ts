import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';
import { sarifValidator } from './sarifSchema';
import { formatSarif, MAX_SARIF_RESULTS } from '../../server/src/cli/format/sarif';

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}

function sarif(args: string[], cwd: string) {
  const r = lint(['--format', 'sarif', ...args], cwd);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const log = JSON.parse(r.stdout);
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors));
  return log.runs[0];
}

describe('resource-lint --format sarif: what GitHub code scanning needs (built dist/cli.js)', function () {
  this.timeout(60000);
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('partialFingerprints survive lines added above the finding, and tell identical findings apart', () => {
    const root = workspace({ 'resources/a.md': resource('https://example.org/a', 'learnTags: [bais, bais]', 'legacy: 1') });
    roots.push(root);
    const before = sarif([], root).results as SarifResult[];
    const file = path.join(root, 'resources/a.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('---\n', '---\n# a comment\nkeywords: [x]\n'));
    const after = sarif([], root).results as SarifResult[];
    assert.strictEqual(before.length, 4); // two unknown tags, the duplicate, the legacy key
    assert.deepStrictEqual(
      after.map((r) => r.locations[0].physicalLocation.region.startLine),
      before.map((r) => r.locations[0].physicalLocation.region.startLine + 2),
    );
    const prints = (rs: SarifResult[]) => rs.map((r) => r.partialFingerprints['resourceLintFinding/v1']);
    assert.deepStrictEqual(prints(after), prints(before));
    assert.strictEqual(new Set(prints(before)).size, 4);
  });

  it('rules carry help text and markdown; the run an automation id per checked folder and a successful invocation', () => {
    const root = workspace({ 'resources/a.md': resource('https://example.org/a', 'legacy: 1') });
    roots.push(root);
    const run = sarif([], root);
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.help.text.endsWith(rule.helpUri), rule.id);
      assert.ok(rule.help.markdown.includes(`(${rule.helpUri})`), rule.id);
    }
    assert.strictEqual(run.automationDetails.id, 'resource-lint/./');
    assert.deepStrictEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('with --root a subfolder of a git work tree, URIs are relative to the work tree, which %SRCROOT% names', () => {
    const repo = workspace({ 'site/resources/a.md': resource('https://example.org/a', 'legacy: 1') });
    roots.push(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const run = sarif(['--root', 'site'], repo);
    const real = fs.realpathSync(repo);
    assert.strictEqual(decodeURIComponent(new URL(run.originalUriBaseIds['%SRCROOT%'].uri).pathname).replace(/\/$/, ''), real);
    const loc = (run.results as SarifResult[])[0].locations[0].physicalLocation.artifactLocation;
    assert.deepStrictEqual(loc, { uri: 'site/resources/a.md', uriBaseId: '%SRCROOT%' });
    assert.strictEqual(run.automationDetails.id, 'resource-lint/site/');
  });

  it('keeps within 25,000 results per run, and says in the invocation how many it left out', () => {
    // In process: a library with that many findings takes minutes to check, the cut is the formatter's.
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } };
    const diagnostics = Array.from({ length: 25_010 }, () => ({
      code: 'unknown-field' as const,
      severity: 'warning' as const,
      message: 'm',
      range,
      fixable: false,
    }));
    const text = formatSarif([{ file: 'resources/a.md', path: '/r/resources/a.md', diagnostics }], {
      root: '/r',
      repositoryRoot: '/r',
      version: '1.0.0',
      hash: (s) => String(s.length),
    });
    const run = JSON.parse(text).runs[0];
    assert.strictEqual(run.results.length, MAX_SARIF_RESULTS);
    const [note] = run.invocations[0].toolExecutionNotifications;
    assert.strictEqual(note.level, 'warning');
    assert.match(note.message.text, /^10 of 25,010 results left out/);
  });
});
