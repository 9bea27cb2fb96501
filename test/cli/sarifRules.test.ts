import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';

const REPO = path.resolve(__dirname, '../..');
const repository = (
  JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { repository: { url: string } }
).repository.url.replace(/\.git$/, '');

/** The first paragraph of a rule page: what the code means (the text after the title). */
function pageDescription(code: string): string {
  const page = fs.readFileSync(path.join(REPO, 'docs/rules', `${code}.md`), 'utf8');
  return page
    .split(/\r?\n\r?\n/)[1]
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim();
}

describe('resource-lint --format sarif: rules', function () {
  this.timeout(20000);
  let root: string;
  before(() => {
    root = workspace({ 'resources/a.md': resource('https://example.org/a', 'learnTags: [bais]') });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("every rule carries its rule page as helpUri and the page's description as fullDescription", () => {
    const r = lint(['--format', 'sarif'], root);
    assert.strictEqual(r.status, 1, r.stderr);
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; helpUri?: string; fullDescription?: { text: string } }[];
    assert.ok(rules.length >= 14);
    for (const rule of rules) {
      assert.strictEqual(rule.helpUri, `${repository}/blob/main/docs/rules/${rule.id}.md`);
      assert.strictEqual(rule.fullDescription?.text, pageDescription(rule.id), rule.id);
    }
  });

  it('the result message says what the fix knows', () => {
    const r = lint(['--format', 'sarif'], root);
    const [result] = JSON.parse(r.stdout).runs[0].results as { ruleId: string; message: { text: string } }[];
    assert.strictEqual(result.ruleId, 'invalid-value');
    assert.match(result.message.text, /Did you mean 'bias'\?$/);
  });
});
