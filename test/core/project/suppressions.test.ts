import * as assert from 'assert';
import { MemoryWorkspace, type Project } from '../../../server/src/core';
import { applyTextEdits } from '../../../server/src/core/edits';
import { codesIn, editorSection, FOLDER, resource, startServerProject, until, uriOf } from './helpers';

/** A resource whose `link` line carries a directive for duplicate-resource. */
const silenced = (link: string) =>
  [
    '---',
    'title: "S"',
    'focus: Bias',
    'source: CRFM',
    'readability: [Expert]',
    'type: Blog',
    `link: ${link} # resource-lint-disable-line duplicate-resource`,
    '---',
    'Body.',
    '',
  ].join('\n');

describe('project: suppression comments and the workspace-level duplicate-resource', () => {
  let project: Project | undefined;
  afterEach(() => project?.dispose());

  it('a directive on the link line is unused until another file shares the link, then silences the duplicate', async () => {
    const ws = new MemoryWorkspace({
      folder: FOLDER,
      files: { 'resources/s.md': silenced('https://example.org/s'), 'resources/other.md': resource('https://example.org/other') },
      settings: editorSection({}),
    });
    ws.openDocumentWith('resources/other.md');
    ({ project } = await startServerProject(ws));
    assert.deepStrictEqual(codesIn(project, 'resources/s.md'), ['unused-suppression']);
    const duplicated = until(
      project,
      () => codesIn(project!, 'resources/other.md')?.includes('duplicate-resource') === true,
      'the partner warned',
    );
    ws.editDocument('resources/other.md', resource('https://example.org/s'));
    await duplicated;
    assert.deepStrictEqual(codesIn(project, 'resources/s.md'), [], 'the directive is used: no duplicate, no unused report');
    assert.deepStrictEqual(
      codesIn(project, 'resources/other.md'),
      ['duplicate-resource'],
      'the partner without a directive is still warned',
    );
  });

  it('the unused duplicate-resource directive has the quick fix that removes it', async () => {
    const ws = new MemoryWorkspace({
      folder: FOLDER,
      files: { 'resources/s.md': silenced('https://example.org/s') },
      settings: editorSection({}),
    });
    ws.openDocumentWith('resources/s.md');
    ({ project } = await startServerProject(ws));
    const uri = uriOf('resources/s.md');
    const diagnostics = project.diagnostics(uri)!.diagnostics;
    assert.deepStrictEqual(
      diagnostics.map((d) => d.code),
      ['unused-suppression'],
    );
    const actions = project.codeActions(uri, diagnostics[0].range, diagnostics);
    const remove = actions.find((a) => a.title === 'Remove the unused suppression comment');
    assert.ok(remove, actions.map((a) => a.title).join(', '));
    const edited = applyTextEdits(silenced('https://example.org/s'), remove.edit!.changes![uri]);
    assert.ok(edited.includes('\nlink: https://example.org/s\n'), edited);
  });
});
