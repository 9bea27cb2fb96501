import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { DuplicateLinkIndex, linkOf } from '../../server/src/core/checks/duplicates';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../server/src/core/codes';
import { buildReportIndex } from '../../server/src/core/report/indexer';
import { RULE_DESCRIPTIONS, RULES_BASE_URL, ruleUrl } from '../../server/src/core/rules';
import { analyzeText, toDiagnostics } from '../../server/src/core/service';
import { config } from './helpers';
import { normaliseSettings } from '../../server/src/core/settings';
import { MemoryWorkspace } from '../../server/src/core';
import { FOLDER, startServerProject, uriOf } from './project/helpers';

const REPO = path.resolve(__dirname, '../..');
const RULES = path.join(REPO, 'docs/rules');
const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

interface Page {
  title: string;
  description: string;
  /** The fenced blocks of the Example section: info string and text. */
  blocks: { info: string; text: string }[];
  sections: string[];
}

function readPage(code: string): Page {
  const text = readFileSync(path.join(RULES, `${code}.md`), 'utf8');
  const paragraphs = text.split(/\n\n/);
  const example = text.slice(text.indexOf('\n## Example'), text.indexOf('\n## Fix'));
  const blocks = [...example.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1].trim(), text: m[2] }));
  return {
    title: paragraphs[0],
    description: paragraphs[1].replace(/\s*\n\s*/g, ' ').trim(),
    blocks,
    sections: [...text.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/^## (.+)$/gm)].map((m) => m[1]),
  };
}

/** The codes the core reports for a page's example: the resource, with the report or the other resource it comes with. */
function codesOfExample(page: Page): DiagnosticCode[] {
  const [resource, ...rest] = page.blocks;
  const report = rest.find((b) => b.info === 'markdown report');
  const other = rest.find((b) => b.info === 'markdown other');
  const uri = 'file:///site/resources/example.md';
  const reports = report ? { generation: 1, reports: [buildReportIndex(report.text, 'file:///site/reports/report.md')] } : undefined;
  // A page may set settings for its example, as a `.resource-lint.json` beside it.
  const file = rest.find((b) => b.info === 'json .resource-lint.json');
  const cfg = file ? config({ settings: normaliseSettings(JSON.parse(file.text)) }) : config();
  const analysis = analyzeText(resource.text, cfg, uri, 0, { reports });
  const codes = analysis.findings.map((f) => f.code);
  if (other) {
    // duplicate-resource is the workspace-level check: both files go into the host's link index.
    const index = new DuplicateLinkIndex();
    const mine = linkOf(analysis);
    const theirs = linkOf(analyzeText(other.text, config(), 'file:///site/resources/other.md'));
    index.set(uri, mine?.key, mine?.range);
    index.set('file:///site/resources/other.md', theirs?.key, theirs?.range);
    if (index.report(uri)) codes.push('duplicate-resource');
  }
  return codes;
}

/**
 * The codes a data file's example (a block `json <path>`) gets in the editor, with the resource beside
 * it: the project on an in-memory workspace, as the server runs it.
 */
async function dataFileCodesOfExample(page: Page): Promise<string[]> {
  const data = page.blocks.filter((b) => b.info.startsWith('json '));
  if (data.length === 0) return [];
  const files: Record<string, string> = { 'resources/example.md': page.blocks[0].text };
  for (const b of data) files[b.info.slice('json '.length)] = b.text;
  const workspace = new MemoryWorkspace({ folder: FOLDER, files });
  const { project } = await startServerProject(workspace);
  const codes = data.flatMap((b) => project.diagnostics(uriOf(b.info.slice('json '.length)))?.diagnostics.map((d) => String(d.code)) ?? []);
  project.dispose();
  return codes;
}

describe('rule pages (docs/rules)', () => {
  it('one page per code the core knows, and no page for a code it does not', () => {
    const pages = readdirSync(RULES)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.replace(/\.md$/, ''));
    assert.deepStrictEqual(pages.sort(), [...CODES].sort());
  });

  it("every code in the README's tables has a page", () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const inTables = [...readme.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|information|hint) \|/gm)].map((m) => m[1]);
    assert.ok(inTables.length >= 14, inTables.join(', '));
    for (const code of inTables) assert.ok(existsSync(path.join(RULES, `${code}.md`)), code);
  });

  for (const code of CODES) {
    it(`${code}: what it means, an example that produces it, the fix`, async () => {
      const page = readPage(code);
      assert.strictEqual(page.title, `# \`${code}\``);
      assert.strictEqual(page.description, RULE_DESCRIPTIONS[code], 'the first paragraph is the SARIF fullDescription');
      assert.deepStrictEqual(page.sections, ['Example', 'Fix']);
      assert.ok(page.blocks.length >= 1 && page.blocks[0].info === 'markdown');
      const codes = [...codesOfExample(page), ...(await dataFileCodesOfExample(page))];
      assert.ok(codes.includes(code), `the example gives ${JSON.stringify(codes)}`);
    });
  }

  it('the link of each diagnostic is the page in the repository package.json names', () => {
    const url = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url;
    assert.strictEqual(RULES_BASE_URL, `${url.replace(/\.git$/, '')}/blob/main/docs/rules/`);
    assert.strictEqual(ruleUrl('invalid-value'), `${RULES_BASE_URL}invalid-value.md`);
    const cfg = config();
    const [d] = toDiagnostics(analyzeText('# no frontmatter\n', cfg), cfg);
    assert.deepStrictEqual([d.code, d.codeDescription], ['frontmatter-missing', { href: `${RULES_BASE_URL}frontmatter-missing.md` }]);
  });
});
