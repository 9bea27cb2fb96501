import * as assert from 'assert';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { MemoryWorkspace, type Project } from '../../../server/src/core';
import { applyTextEdits } from '../../../server/src/core/edits';
import { FOLDER, startServerProject, uriOf } from './helpers';

const TAGS = 'src/_data/resourceTags.json';
const FOCUSES = 'src/_data/resourceFocuses.json';
const CATEGORIES = 'src/_data/resourceCategories.json';

const tags = (entries: [string, string][]) =>
  `{\n  "resourceTags": [\n${entries.map(([v, l]) => `    { "value": "${v}", "label": "${l}" }`).join(',\n')}\n  ]\n}\n`;
const TAG_FILE = tags([
  ['machineLearning', 'AI and Machine Learning'],
  ['bias', 'Bias'],
  ['ethics', 'Ethics'],
  ['fairness', 'Fairness'],
  ['unusedOne', 'Unused'],
]);
const FOCUS_FILE =
  '{\n  "resourceFocuses": [\n    { "value": "Bias" },\n    { "value": "Employment" },\n    { "value": "Data Set" }\n  ]\n}\n';
const CATEGORY_FILE =
  '{\n\t"resourceCategories": [\n\t\t{ "categoryId": "work", "categoryLabel": "Work", "focuses": ["Employment", "Bias"] },\n\t\t{ "categoryId": "data", "categoryLabel": "Data", "focuses": ["Data Set", "Nowhere"] }\n\t]\n}\n';

const fm = (...lines: string[]) =>
  [
    '---',
    'title: "A resource"',
    'source: CRFM',
    'readability: [Expert]',
    'type: Blog',
    'link: https://example.org/x',
    ...lines,
    '---',
    'Body.',
    '',
  ].join('\n');

const FILES: Record<string, string> = {
  [TAGS]: TAG_FILE,
  [FOCUSES]: FOCUS_FILE,
  [CATEGORIES]: CATEGORY_FILE,
  'resources/flow.md': fm('focus: Bias', 'learnTags: ["machineLearning", "ethics"]'),
  'resources/plain.md': fm("focus: 'Employment'", 'learnTags: [bias, machineLearning]'),
  'resources/block.md': fm('focus: "Bias"', 'learnTags:', '  - machineLearning', '  - fairness # kept'),
  'resources/crlf.md': fm('focus: Bias', 'learnTags:', '  - machineLearning').replace(/\n/g, '\r\n'),
  'resources/bom.md': `\ufeff${fm('focus: Data Set', "learnTags: ['machineLearning']")}`,
};

async function start(files = FILES): Promise<{ project: Project; workspace: MemoryWorkspace }> {
  const workspace = new MemoryWorkspace({ folder: FOLDER, files });
  const { project } = await startServerProject(workspace);
  return { project, workspace };
}

/** The texts after a workspace edit, by root-relative path (only the files it changes). */
async function applied(workspace: MemoryWorkspace, edit: WorkspaceEdit | undefined): Promise<Record<string, string>> {
  assert.ok(edit?.documentChanges, 'an edit');
  const out: Record<string, string> = {};
  for (const change of edit.documentChanges as TextDocumentEdit[]) {
    const rel = change.textDocument.uri.slice(uriOf('').length + 1);
    const text = (await workspace.readText(change.textDocument.uri))!;
    out[rel] = applyTextEdits(text, change.edits as TextEdit[]);
  }
  return out;
}

describe('project: the vocabularies as code', () => {
  it('counts every term use across the library, unused ones too', async () => {
    const { project } = await start();
    const rows = project.termUsage().filter((r) => r.vocabulary === 'learnTags');
    assert.deepStrictEqual(
      rows.map((r) => `${r.value}:${r.resources}`),
      ['machineLearning:5', 'bias:1', 'ethics:1', 'fairness:1', 'unusedOne:0'],
    );
  });

  it('renames a tag in the data file and every resource, keeping quoting, list style, CRLF and BOM', async () => {
    const { project, workspace } = await start();
    const { plan, edit } = await project.termEdit({
      kind: 'rename',
      vocabulary: 'learnTags',
      value: 'machineLearning',
      to: 'deepLearning',
    });
    assert.strictEqual(plan.error, undefined);
    assert.strictEqual(plan.resources, 5);
    const after = await applied(workspace, edit);
    assert.strictEqual(after[TAGS], TAG_FILE.replace('"machineLearning"', '"deepLearning"'));
    assert.strictEqual(after['resources/flow.md'], FILES['resources/flow.md'].replace('"machineLearning"', '"deepLearning"'));
    assert.strictEqual(after['resources/plain.md'], FILES['resources/plain.md'].replace('machineLearning]', 'deepLearning]'));
    assert.strictEqual(after['resources/block.md'], FILES['resources/block.md'].replace('- machineLearning', '- deepLearning'));
    assert.strictEqual(after['resources/crlf.md'], FILES['resources/crlf.md'].replace('- machineLearning', '- deepLearning'));
    // The workspace reads text without the BOM; the host keeps it when writing.
    assert.strictEqual(after['resources/bom.md'], FILES['resources/bom.md'].slice(1).replace("'machineLearning'", "'deepLearning'"));
  });

  it('merges onto an existing tag: no repeat left in a list that had both, one entry left in the data file', async () => {
    const { project, workspace } = await start();
    const { plan, edit } = await project.termEdit({ kind: 'rename', vocabulary: 'learnTags', value: 'bias', to: 'machineLearning' });
    assert.ok(plan.merge);
    const after = await applied(workspace, edit);
    assert.strictEqual(after['resources/plain.md'], FILES['resources/plain.md'].replace('[bias, machineLearning]', '[machineLearning]'));
    assert.strictEqual(after[TAGS], TAG_FILE.replace(',\n    { "value": "bias", "label": "Bias" }', ''));
    const merged = await project.termEdit({ kind: 'rename', vocabulary: 'learnTags', value: 'fairness', to: 'machineLearning' });
    const block = await applied(workspace, merged.edit);
    assert.strictEqual(block['resources/block.md'], FILES['resources/block.md'].replace('  - fairness # kept\n', ''));
  });

  it('retires a tag: the entry and every list item go; an emptied block list becomes []', async () => {
    const { project, workspace } = await start();
    const { edit } = await project.termEdit({ kind: 'retire', vocabulary: 'learnTags', value: 'machineLearning' });
    const after = await applied(workspace, edit);
    assert.strictEqual(after['resources/flow.md'], FILES['resources/flow.md'].replace('["machineLearning", "ethics"]', '["ethics"]'));
    assert.strictEqual(
      after['resources/crlf.md'],
      FILES['resources/crlf.md'].replace('learnTags:\r\n  - machineLearning', 'learnTags: []'),
    );
    assert.strictEqual(after['resources/bom.md'], FILES['resources/bom.md'].slice(1).replace("['machineLearning']", '[]'));
    assert.strictEqual(after[TAGS], TAG_FILE.replace('    { "value": "machineLearning", "label": "AI and Machine Learning" },\n', ''));
  });

  it('a focus in use cannot be retired without a replacement; with one, resources and categories follow', async () => {
    const { project, workspace } = await start();
    const refused = await project.termEdit({ kind: 'retire', vocabulary: 'focus', value: 'Bias' });
    assert.match(refused.plan.error ?? '', /is the focus of 3 resources, which cannot be left without one/);
    assert.strictEqual(refused.edit, undefined);
    const { edit } = await project.termEdit({ kind: 'retire', vocabulary: 'focus', value: 'Bias', replaceWith: 'Employment' });
    const after = await applied(workspace, edit);
    assert.strictEqual(after['resources/block.md'], FILES['resources/block.md'].replace('focus: "Bias"', 'focus: "Employment"'));
    assert.strictEqual(after['resources/flow.md'], FILES['resources/flow.md'].replace('focus: Bias', 'focus: Employment'));
    assert.strictEqual(after[CATEGORIES], CATEGORY_FILE.replace('["Employment", "Bias"]', '["Employment"]'));
    assert.strictEqual(after[FOCUSES], FOCUS_FILE.replace('    { "value": "Bias" },\n', ''));
  });

  it('retires a repeated value: every occurrence goes, adjacent ones too, at the start, middle and end of each list', async () => {
    const categories = (lists: string[]) =>
      `{\n  "resourceCategories": [\n${lists.map((l, i) => `    { "categoryId": "c${i}", "focuses": ${l} }`).join(',\n')}\n  ]\n}\n`;
    const lists = [
      '["Gone", "Gone", "Bias"]',
      '["Bias", "Gone", "Gone", "Employment"]',
      '["Bias", "Gone", "Gone"]',
      '["Gone", "Bias", "Gone", "Gone"]',
      '[ "Gone" , "Gone" ]',
    ];
    const files: Record<string, string> = {
      ...FILES,
      [FOCUSES]:
        '{\n  "resourceFocuses": [\n    { "value": "Gone" },\n    { "value": "Gone" },\n    { "value": "Bias" },\n    { "value": "Employment" }\n  ]\n}\n',
      [CATEGORIES]: categories(lists),
      'resources/start.md': fm('focus: Bias', 'learnTags: [bias, bias, ethics]'),
      'resources/middle.md': fm('focus: Bias', 'learnTags: ["ethics", "bias", "bias", "fairness"]'),
      'resources/end.md': fm('focus: Bias', 'learnTags: [ethics, bias, bias]'),
      'resources/apart.md': fm('focus: Bias', 'learnTags: [bias, ethics, bias, bias]'),
      'resources/all.md': fm('focus: Bias', 'learnTags: [bias, bias]'),
      'resources/blockStart.md': fm('focus: Bias', 'learnTags:', '  - bias', '  - bias', '  - ethics'),
      'resources/blockEnd.md': fm('focus: Bias', 'learnTags:', '  - ethics', '  - bias # one', '  - bias'),
      'resources/blockAll.md': fm('focus: Bias', 'learnTags:', '  - bias', '  - bias').replace(/\n/g, '\r\n'),
    };
    const { project, workspace } = await start(files);
    // One edit per run of removed items: no two of a file's edits overlap or even touch.
    const separate = (edit: WorkspaceEdit | undefined) => {
      for (const change of edit?.documentChanges as TextDocumentEdit[]) {
        const at = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
        const ranges = change.edits.map((e) => e.range).sort((a, b) => at(a.start) - at(b.start));
        for (let i = 1; i < ranges.length; i++) assert.ok(at(ranges[i - 1].end) < at(ranges[i].start), change.textDocument.uri);
      }
    };
    const focus = await project.termEdit({ kind: 'retire', vocabulary: 'focus', value: 'Gone' });
    assert.strictEqual(focus.plan.error, undefined);
    separate(focus.edit);
    const after = await applied(workspace, focus.edit);
    assert.strictEqual(after[CATEGORIES], categories(['["Bias"]', '["Bias", "Employment"]', '["Bias"]', '["Bias"]', '[  ]']));
    assert.deepStrictEqual(
      (JSON.parse(after[CATEGORIES]) as { resourceCategories: { focuses: string[] }[] }).resourceCategories.map((c) => c.focuses),
      [['Bias'], ['Bias', 'Employment'], ['Bias'], ['Bias'], []],
    );
    assert.strictEqual(after[FOCUSES], '{\n  "resourceFocuses": [\n    { "value": "Bias" },\n    { "value": "Employment" }\n  ]\n}\n');

    const tag = await project.termEdit({ kind: 'retire', vocabulary: 'learnTags', value: 'bias' });
    separate(tag.edit);
    const resources = await applied(workspace, tag.edit);
    const expect = (rel: string, from: string, to: string) => assert.strictEqual(resources[rel], files[rel].replace(from, to), rel);
    expect('resources/start.md', '[bias, bias, ethics]', '[ethics]');
    expect('resources/middle.md', '["ethics", "bias", "bias", "fairness"]', '["ethics", "fairness"]');
    expect('resources/end.md', '[ethics, bias, bias]', '[ethics]');
    expect('resources/apart.md', '[bias, ethics, bias, bias]', '[ethics]');
    expect('resources/all.md', '[bias, bias]', '[]');
    expect('resources/blockStart.md', '  - bias\n  - bias\n', '');
    expect('resources/blockEnd.md', '\n  - bias # one\n  - bias', '');
    expect('resources/blockAll.md', 'learnTags:\r\n  - bias\r\n  - bias', 'learnTags: []');
  });

  it('renaming a label changes only the data file', async () => {
    const { project, workspace } = await start();
    const { plan, edit } = await project.termEdit({ kind: 'label', vocabulary: 'learnTags', value: 'bias', label: 'Bias and Fairness' });
    assert.strictEqual(plan.resources, 0);
    const after = await applied(workspace, edit);
    assert.deepStrictEqual(Object.keys(after), [TAGS]);
    assert.strictEqual(after[TAGS], TAG_FILE.replace('"label": "Bias"', '"label": "Bias and Fairness"'));
  });

  it('definition, references, hover, code lens and prepareRename, from a resource and from the data file', async () => {
    const { project, workspace } = await start();
    const doc = workspace.openDocumentWith('resources/flow.md', FILES['resources/flow.md']);
    const line = FILES['resources/flow.md'].split('\n').findIndex((l) => l.startsWith('learnTags'));
    const at = { line, character: 'learnTags: ["mach'.length };
    const definition = project.definition(doc.uri, at);
    assert.deepStrictEqual(definition, { uri: uriOf(TAGS), range: { start: { line: 2, character: 15 }, end: { line: 2, character: 32 } } });
    const refs = (await project.references(doc.uri, at, true)) ?? [];
    assert.strictEqual(refs.length, 6, JSON.stringify(refs));
    assert.strictEqual(refs[0].uri, uriOf(TAGS));
    const fromData = (await project.references(uriOf(TAGS), { line: 2, character: 20 }, false)) ?? [];
    assert.deepStrictEqual(
      fromData.map((r) => r.uri).sort(),
      ['bom', 'block', 'crlf', 'flow', 'plain'].map((n) => uriOf(`resources/${n}.md`)).sort(),
    );
    const hover = await project.hover(uriOf(TAGS), { line: 2, character: 20 });
    assert.match(JSON.stringify(hover), /AI and Machine Learning.*Used by 5 resources/);
    assert.match(JSON.stringify(await project.hover(doc.uri, at)), /Used by 5 resources/);
    const lenses = project.codeLenses(uriOf(TAGS)) ?? [];
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.title),
      ['used by 5 resources', 'used by 1 resource', 'used by 1 resource', 'used by 1 resource', 'unused'],
    );
    assert.deepStrictEqual(project.prepareRename(doc.uri, at), {
      range: { start: { line, character: 13 }, end: { line, character: 28 } },
      placeholder: 'machineLearning',
    });
    assert.strictEqual(project.prepareRename(doc.uri, { line: 1, character: 3 }), null, 'the title is not a term');
    const focusInCategories = project.definition(uriOf(CATEGORIES), { line: 2, character: 80 });
    assert.strictEqual(focusInCategories?.uri, uriOf(FOCUSES));
  });

  it('diagnostics in the data files: unused term, repeated value, shared label, a category naming no focus', async () => {
    const files = {
      ...FILES,
      [TAGS]: tags([
        ['machineLearning', 'AI'],
        ['bias', 'Bias'],
        ['bias', 'Bias again'],
        ['ethics', 'AI'],
        ['unusedOne', 'Unused'],
      ]),
    };
    const { project } = await start(files);
    const tagCodes = project.diagnostics(uriOf(TAGS))?.diagnostics.map((d) => `${d.code}:${d.range.start.line}`);
    // The second 'bias', 'ethics' labelled as 'machineLearning' is, and the tag no resource uses.
    assert.deepStrictEqual(tagCodes, ['duplicate-value:4', 'duplicate-label:5', 'unused-term:6']);
    const all = project.diagnostics(uriOf(TAGS))!.diagnostics;
    assert.deepStrictEqual(
      all.map((d) => d.severity),
      [2, 2, 4],
    );
    const categories = project.diagnostics(uriOf(CATEGORIES))?.diagnostics ?? [];
    assert.deepStrictEqual(
      categories.map((d) => [d.code, d.message]),
      [['invalid-value', "The category 'data' names the focus 'Nowhere', which src/_data/resourceFocuses.json does not have."]],
    );
    const retire = await project.termActions(uriOf(TAGS), all.find((d) => d.code === 'unused-term')!.range);
    assert.strictEqual(retire[0]?.title, "Retire learn tag 'unusedOne'");
    const resolved = await project.resolveCodeAction(retire[0]);
    assert.strictEqual((resolved.edit?.documentChanges as TextDocumentEdit[]).length, 1, 'only the data file: no resource uses it');
    // A focus in use: the action asks the client for the replacement (its command), then the client requests the edit.
    const focusLine = FOCUS_FILE.split('\n').findIndex((l) => l.includes('"Bias"'));
    const [focus] = await project.termActions(uriOf(FOCUSES), {
      start: { line: focusLine, character: 18 },
      end: { line: focusLine, character: 18 },
    });
    assert.strictEqual(focus.title, "Retire focus 'Bias' (used by 3 resources), replacing it with…");
    assert.strictEqual(focus.command?.command, 'resourceAuthoring.retireTerm');
    assert.deepStrictEqual(
      (focus.command?.arguments?.[0] as { candidates: { value: string }[] }).candidates.map((c) => c.value),
      ['Employment', 'Data Set'],
    );
  });
});
