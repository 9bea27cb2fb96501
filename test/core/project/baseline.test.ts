import * as assert from 'assert';
import { BASELINED_PREFIX, MemoryWorkspace } from '../../../server/src/core';
import { editorSection, FOLDER, resource, seenIn, startServerProject, until, uriOf } from './helpers';

const BASELINE = 'config/baseline.json';
const LEGACY = resource('https://example.org/legacy', 'Body.', 'jurisdiction: EU');
const files = (extra: Record<string, string> = {}) => ({ 'resources/legacy.md': LEGACY, ...extra });

/** A baseline recorded from the files as they are now. */
async function recordedFrom(content: Record<string, string>): Promise<string> {
  const { project } = await startServerProject(new MemoryWorkspace({ folder: FOLDER, files: content, settings: editorSection({}) }), {
    baseline: null,
  });
  const text = project.recordBaseline(Object.keys(content).map(uriOf));
  project.dispose();
  return text;
}

/** Each diagnostic of the legacy file as `severity [(baselined) ]code`. */
const shown = (project: Parameters<typeof seenIn>[0]) =>
  seenIn(project, 'resources/legacy.md')?.map(
    (s) => `${s.severity} ${s.message.startsWith(BASELINED_PREFIX) ? BASELINED_PREFIX : ''}${s.code}`,
  );

describe('project: the baseline in the editor', () => {
  it('follows the baseline file: recorded later, it turns the finding into a hint; deleted, back to a warning', async () => {
    const workspace = new MemoryWorkspace({
      folder: FOLDER,
      files: files(),
      settings: editorSection({ 'resourceAuthoring.baseline': BASELINE }),
    });
    const { project, logger } = await startServerProject(workspace);
    assert.deepStrictEqual(shown(project), ['warning unknown-field']);
    assert.ok(
      logger.lines.some(
        (l) => l.startsWith(`warn: Cannot read the baseline ${BASELINE} (ENOENT)`) && l.endsWith('Every finding is shown meanwhile.'),
      ),
      logger.lines.join('\n'),
    );
    assert.ok(project.loadedFiles.includes(uriOf(BASELINE)), 'the baseline is watched with the configuration files');
    workspace.writeFile(BASELINE, await recordedFrom(files()));
    await until(
      project,
      () => seenIn(project, 'resources/legacy.md')?.[0]?.severity === 'hint',
      'the hint',
      () => shown(project),
    );
    assert.deepStrictEqual(shown(project), ['hint (baselined) unknown-field']);
    workspace.deleteFile(BASELINE);
    await until(
      project,
      () => seenIn(project, 'resources/legacy.md')?.[0]?.severity === 'warning',
      'the warning',
      () => shown(project),
    );
    project.dispose();
  });

  it('"hide" leaves baselined findings out; a new mistake typed in an open document shows', async () => {
    const workspace = new MemoryWorkspace({
      folder: FOLDER,
      files: files({ [BASELINE]: await recordedFrom(files()) }),
      settings: editorSection({ 'resourceAuthoring.baseline': BASELINE, 'resourceAuthoring.baselineFindings': 'hide' }),
    });
    workspace.openDocumentWith('resources/legacy.md');
    const { project } = await startServerProject(workspace);
    assert.deepStrictEqual(shown(project), []);
    workspace.editDocument('resources/legacy.md', `${LEGACY.replace('---\n', '---\nregion: EU\n')}`);
    await until(
      project,
      () => (seenIn(project, 'resources/legacy.md')?.length ?? 0) > 0,
      'the new finding',
      () => shown(project),
    );
    assert.deepStrictEqual(shown(project), ['warning unknown-field']);
    project.dispose();
  });

  it('is not read in Restricted Mode, and the log says so', async () => {
    const workspace = new MemoryWorkspace({
      folder: FOLDER,
      files: files({ [BASELINE]: await recordedFrom(files()) }),
      settings: editorSection({ 'resourceAuthoring.baseline': BASELINE }),
      trusted: false,
    });
    const { project, logger } = await startServerProject(workspace);
    assert.deepStrictEqual(shown(project), ['warning unknown-field']);
    assert.ok(
      logger.lines.includes(
        `warn: Not using the baseline ${BASELINE} (resourceAuthoring.baseline), because the workspace is not trusted (Restricted Mode).`,
      ),
      logger.lines.join('\n'),
    );
    assert.ok(!workspace.counts.read.includes(uriOf(BASELINE)), 'the baseline is not read');
    project.dispose();
  });

  it('counts the baselined findings gone: fixed in a file, and with every file, those of a deleted one', async () => {
    const then = files({ 'resources/gone.md': resource('https://example.org/gone', 'Body.', 'region: EU') });
    const workspace = new MemoryWorkspace({
      folder: FOLDER,
      files: { 'resources/legacy.md': resource('https://example.org/legacy'), [BASELINE]: await recordedFrom(then) },
      settings: editorSection({ 'resourceAuthoring.baseline': BASELINE }),
    });
    const { project } = await startServerProject(workspace);
    const checked = [uriOf('resources/legacy.md')];
    assert.strictEqual(project.baselineFixed(checked, false), 1);
    assert.strictEqual(project.baselineFixed(checked, true), 2);
    project.dispose();
  });
});
