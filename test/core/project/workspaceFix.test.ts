import * as assert from 'assert';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { MemoryWorkspace, withoutBom, type Project, type WorkspaceFix } from '../../../server/src/core';
import { createLintProject } from '../../../server/src/cli/lint';
import { applyTextEdits } from '../../../server/src/core/edits';
import { editorSection, FOLDER, nextDiagnostics, startServerProject, uriOf } from './helpers';

const focuses = (...values: string[]) => JSON.stringify({ resourceFocuses: values.map((value) => ({ value })) }, null, 2);

const fm = (...lines: string[]) => ['---', ...lines, '---', ''].join('\n');

/** A library with fixable problems: a typo'd level, CRLF and BOM files, a clean file, a report. */
const LIBRARY: Record<string, string> = {
  'resources/level.md':
    fm('title: "Level"', 'focus: Bias', 'source: X', 'readability: ["E"]', 'type: Blog', 'link: https://e.org/1') + 'Body  \n',
  'resources/crlf.md':
    fm('title: "CRLF"', 'focus: Bias', 'source: X', 'readability: [B]', 'type: Blog', 'link: https://e.org/2').replace(/\n/g, '\r\n') +
    'Body with\ttabs\r\n',
  'resources/bom.md':
    '\ufeff' + fm('title: BOM', 'focus: Bias', 'source: X', 'readability: ["I"]', 'type: Blog', 'link: https://e.org/3') + 'B',
  'resources/clean.md': fm('title: Clean', 'focus: Bias', 'source: X', 'readability: [Expert]', 'type: Blog', 'link: https://e.org/4'),
  'resources/open.md': fm('title: Open', 'focus: Bias', 'source: X', 'readability: [Expert]', 'type: Blog', 'link: https://e.org/5'),
  'src/_data/resourceFocuses.json': focuses('Bias'),
};

function applyTo(text: string, change: TextDocumentEdit): string {
  return applyTextEdits(text, change.edits as TextEdit[]);
}

/** Each file's text after the workspace fix, from the text the project saw (the editor's for open files). */
function afterFix(ws: MemoryWorkspace, fix: WorkspaceFix): Map<string, string> {
  const out = new Map<string, string>();
  for (const change of fix.edit.documentChanges as TextDocumentEdit[]) {
    const uri = change.textDocument.uri;
    const before = ws.openDocument(uri)?.text ?? withoutBom(ws.fileText(uri)!);
    out.set(uri, applyTo(before, change));
  }
  return out;
}

/** The files as `resource-lint --fix` leaves them (BOM removed, as the editor shows them). */
async function cliFixed(files: Record<string, string>): Promise<Map<string, string>> {
  const ws = new MemoryWorkspace({ folder: FOLDER, files });
  const project = createLintProject(ws, { reports: [] });
  await project.load();
  const uris = (await ws.findFiles((rel) => project.configuration.isResource(rel))).map(uriOf);
  await project.checkFiles(uris, { fix: true });
  const out = new Map<string, string>();
  for (const uri of uris) {
    const text = ws.fileText(uri)!;
    if (text !== files[uri.slice(FOLDER.length + 1)]) out.set(uri, withoutBom(text));
  }
  return out;
}

describe('project.fixWorkspace: fix all over the folder, as a previewed workspace edit', () => {
  let project: Project | undefined;
  afterEach(() => project?.dispose());

  it('changes each file exactly as resource-lint --fix does, with minimal edits that keep CRLF, BOM and body', async () => {
    const ws = new MemoryWorkspace({ folder: FOLDER, files: LIBRARY, settings: editorSection({}) });
    ({ project } = await startServerProject(ws));
    const fix = (await project.fixWorkspace())!;
    const changed = afterFix(ws, fix);
    assert.deepStrictEqual(changed, await cliFixed(LIBRARY));
    assert.deepStrictEqual([...changed.keys()].sort(), ['resources/bom.md', 'resources/crlf.md', 'resources/level.md'].map(uriOf));
    assert.strictEqual(changed.get(uriOf('resources/crlf.md'))!.split('\r\n').length, LIBRARY['resources/crlf.md'].split('\r\n').length);
    assert.ok(changed.get(uriOf('resources/crlf.md'))!.endsWith('---\r\nBody with\ttabs\r\n'));
    assert.strictEqual(fix.files, 3);
    assert.strictEqual(fix.problems, 3);
    // Minimal: each edit replaces only the characters that change ("E" → "Expert" inserts "xpert").
    const level = (fix.edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === uriOf('resources/level.md'))!;
    assert.deepStrictEqual(level.edits, [
      { range: { start: { line: 4, character: 16 }, end: { line: 4, character: 16 } }, newText: 'xpert', annotationId: 'invalid-value' },
    ]);
    assert.strictEqual(level.textDocument.version, null);
  });

  it('annotates every edit by its problem code, for the author to confirm in the preview', async () => {
    const files = {
      ...LIBRARY,
      'resources/field.md': fm(
        'title: F',
        'focus: Bias',
        'source: X',
        'readability: [Expert]',
        'type: Blog',
        'link: https://e.org/6',
        'summry: "S"',
      ),
    };
    const ws = new MemoryWorkspace({ folder: FOLDER, files, settings: editorSection({}) });
    ({ project } = await startServerProject(ws));
    const fix = (await project.fixWorkspace())!;
    const ids = (fix.edit.documentChanges as TextDocumentEdit[]).flatMap((c) =>
      c.edits.map((e) => (e as { annotationId?: string }).annotationId),
    );
    assert.deepStrictEqual([...new Set(ids)].sort(), ['invalid-value', 'unknown-field']);
    assert.deepStrictEqual(fix.edit.changeAnnotations, {
      'invalid-value': { label: 'Fix invalid-value', description: '3 changes in 3 files', needsConfirmation: true },
      'unknown-field': { label: 'Fix unknown-field', description: '1 change in 1 file', needsConfirmation: true },
    });
  });

  it("fixes open documents from the editor's text, at their version", async () => {
    const ws = new MemoryWorkspace({ folder: FOLDER, files: LIBRARY, settings: editorSection({}) });
    ({ project } = await startServerProject(ws));
    const typed = LIBRARY['resources/open.md'].replace('[Expert]', '[Beginner, Int]');
    ws.openDocumentWith('resources/open.md', typed, 7);
    await nextDiagnostics(project, uriOf('resources/open.md'));
    const fix = (await project.fixWorkspace())!;
    const open = (fix.edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === uriOf('resources/open.md'))!;
    assert.strictEqual(open.textDocument.version, 7);
    assert.strictEqual(afterFix(ws, fix).get(uriOf('resources/open.md')), typed.replace('[Beginner, Int]', '[Beginner, Intermediate]'));
  });

  it('reads no file the check found clean, and says when there is nothing to fix', async () => {
    const files = { 'resources/clean.md': LIBRARY['resources/clean.md'], 'src/_data/resourceFocuses.json': focuses('Bias') };
    const ws = new MemoryWorkspace({ folder: FOLDER, files, settings: editorSection({}) });
    ({ project } = await startServerProject(ws));
    const reads = ws.counts.reads;
    assert.deepStrictEqual(await project.fixWorkspace(), { edit: { documentChanges: [], changeAnnotations: {} }, problems: 0, files: 0 });
    assert.strictEqual(ws.counts.reads, reads);
  });

  it('stops when cancelled', async () => {
    const ws = new MemoryWorkspace({ folder: FOLDER, files: LIBRARY, settings: editorSection({}) });
    ({ project } = await startServerProject(ws));
    assert.strictEqual(await project.fixWorkspace({ cancelled: () => true }), undefined);
  });
});

describe('project: "Add \'X\' to <data file>" says how many problems it clears, and comes first', () => {
  let project: Project | undefined;
  afterEach(() => project?.dispose());

  const geo = (n: number) =>
    fm('title: G', 'focus: Geopolitics', 'source: X', 'readability: [Expert]', 'type: Blog', `link: https://e.org/g${n}`);
  const files: Record<string, string> = {
    'resources/g1.md': geo(1),
    'resources/g2.md': geo(2),
    'resources/g3.md': geo(3),
    'resources/other.md': fm('title: O', 'focus: Geopolitic', 'source: X', 'readability: [Expert]', 'type: Blog', 'link: https://e.org/o'),
    'src/_data/resourceFocuses.json': focuses('Bias', 'Geopolitic'),
  };

  function actionsAt(p: Project, rel: string): CodeAction[] {
    const uri = uriOf(rel);
    const d = p.diagnostics(uri)!.diagnostics.find((x) => x.code === 'invalid-value')!;
    return p.codeActions(uri, d.range, [d], ['quickfix']);
  }

  it('counts the files using a missing term, and keeps the count as files change', async () => {
    const ws = new MemoryWorkspace({ folder: FOLDER, files, settings: editorSection({}) });
    ({ project } = await startServerProject(ws));
    ws.openDocumentWith('resources/g1.md');
    await nextDiagnostics(project, uriOf('resources/g1.md'));
    const titles = actionsAt(project, 'resources/g1.md').map((a) => a.title);
    assert.strictEqual(titles[0], "Add 'Geopolitics' to src/_data/resourceFocuses.json (clears 3 problems in 3 files)");
    assert.strictEqual(titles[1], "Change to 'Geopolitic'");
    const add = actionsAt(project, 'resources/g1.md')[0];
    assert.notStrictEqual(add.isPreferred, true);
    assert.deepStrictEqual(Object.keys(add.edit!.changes!), [uriOf('src/_data/resourceFocuses.json')]);

    // A file fixed on disk no longer counts; one more file using the term does.
    ws.writeFile('resources/g2.md', geo(2).replace('Geopolitics', 'Bias'));
    await nextDiagnostics(project, uriOf('resources/g2.md'));
    assert.strictEqual(
      actionsAt(project, 'resources/g1.md')[0].title,
      "Add 'Geopolitics' to src/_data/resourceFocuses.json (clears 2 problems in 2 files)",
    );
    // A deleted file is forgotten at once, as the event arrives.
    const forgotten = nextDiagnostics(project, uriOf('resources/g3.md'));
    ws.deleteFile('resources/g3.md');
    await forgotten;
    // Only this file's problem left: the vocabulary fix says so but the value fix comes first again.
    const alone = actionsAt(project, 'resources/g1.md').map((a) => a.title);
    assert.deepStrictEqual(alone.slice(0, 2), ["Change to 'Geopolitic'", "Add 'Geopolitics' to src/_data/resourceFocuses.json"]);
  });
});
