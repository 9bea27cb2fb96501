import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';

describe('resource-lint --format github: workflow-command annotations (built dist/cli.js)', function () {
  this.timeout(20000);
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('one annotation per finding, 1-based, warning for warnings, notice for information, then a summary', () => {
    const root = workspace({
      'resources/a.md': resource('https://example.org/a', 'learnTags: [bais]', 'legacy: 1'),
      'resources/b.md': resource('https://example.org/b') + 'See §4.3.\n',
    });
    roots.push(root);
    const r = lint(['--format', 'github'], root);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.strictEqual(
      r.stdout,
      [
        "::error file=resources/a.md,line=8,col=13,endLine=8,endColumn=17,title=invalid-value::'bais' is not a learn tag in the bundled resourceTags.json. Did you mean 'bias'?",
        "::warning file=resources/a.md,line=9,col=1,endLine=9,endColumn=7,title=unknown-field::'legacy' is not a resource field. Fields this file does not have yet: openSource, keywords, summary.",
        "::notice file=resources/b.md,line=10,col=5,endLine=10,endColumn=9,title=no-report::This file cites report sections, but no report was found: set resourceAuthoring.reports to the report's path (default: files under reports/).",
        'resource-lint: 3 problems (1 error, 1 warning, 1 notice) in 2 files checked.',
        '',
      ].join('\n'),
    );
  });

  it("escapes % in the message, and also ':' and ',' in the file name", () => {
    const root = workspace({ 'resources/a,b: 100%.md': resource('https://example.org/a', 'learnTags: ["50%: bais"]') });
    roots.push(root);
    const r = lint(['--format', 'github'], root);
    assert.strictEqual(r.status, 1, r.stderr);
    const [line, summary] = r.stdout.split('\n');
    assert.strictEqual(
      line,
      "::error file=resources/a%2Cb%3A 100%25.md,line=8,col=13,endLine=8,endColumn=24,title=invalid-value::'50%25: bais' is not a learn tag in the bundled resourceTags.json. Completion and the hover on 'learnTags' list the 35 learn tags.",
    );
    assert.strictEqual(summary, 'resource-lint: 1 problem (1 error, 0 warnings) in 1 file checked.');
  });

  it('names files from the root of the git work tree containing --root', () => {
    const repo = workspace({ 'site/resources/a.md': resource('https://example.org/a', 'legacy: 1') });
    roots.push(repo);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const r = lint(['--format', 'github', '--root', 'site'], repo);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^::warning file=site\/resources\/a\.md,line=8,col=1,/);
  });

  it('says so when all is well', () => {
    const root = workspace({ 'resources/a.md': resource('https://example.org/a') });
    roots.push(root);
    const r = lint(['--format', 'github'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, 'resource-lint: 1 file checked: no problems.\n');
    assert.ok(!fs.existsSync(path.join(root, '.resource-lint-cache')));
  });
});
