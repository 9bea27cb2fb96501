import * as assert from 'assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createProject, MemoryWorkspace, type Project } from '../../../server/src/core';
import {
  cliFindings,
  codesIn,
  editorSection,
  FOLDER,
  nextDiagnostics,
  RecordingLogger,
  REPORT,
  resource,
  seenIn,
  type Seen,
  startServerProject,
  turn,
  until,
  uriOf,
} from './helpers';
import { nodeScheduler } from '../../../server/src/node/scheduler';

const tags = (...values: string[]) => JSON.stringify({ resourceTags: values.map((value) => ({ value, label: value })) });

/** A small library: a report, resources citing it, two data files, a file that is not a resource. */
const LIBRARY: Record<string, string> = {
  'reports/report.md': REPORT,
  'resources/cites.md': resource('https://example.org/cites', 'See §4.3: adaptation and §4.9.'),
  'resources/tagged.md': resource('https://example.org/tagged', 'Body.', 'learnTags: [robots]'),
  'resources/one.md': resource('https://example.org/one'),
  'resources/two.md': resource('https://example.org/two'),
  'src/_data/resourceTags.json': tags('robots'),
  'src/_data/resourceTypes.json': JSON.stringify({ resourceTypes: [{ value: 'Blog' }] }),
  'docs/readme.md': '# Not a resource\n',
};

const workspaceOf = (files: Record<string, string> = LIBRARY, settings: Record<string, unknown> = {}) =>
  new MemoryWorkspace({ folder: FOLDER, files, settings: editorSection(settings) });

const hoverText = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value : '');

describe('project on the in-memory workspace: what start-up, typing and hovering cost', () => {
  let project: Project | undefined;
  afterEach(() => project?.dispose());

  it('at start-up the tree is walked once, and each resource file read once', async () => {
    const ws = workspaceOf();
    ({ project } = await startServerProject(ws));
    assert.deepStrictEqual(codesIn(project, 'resources/cites.md'), ['unknown-section'], 'the scan checked the files');
    assert.deepStrictEqual(codesIn(project, 'resources/tagged.md'), [], 'the data file found in the walk is used');
    assert.strictEqual(ws.counts.walks, 1);
    const resources = Object.keys(LIBRARY)
      .filter((rel) => rel.startsWith('resources/'))
      .map(uriOf);
    assert.deepStrictEqual(ws.counts.read.filter((uri) => resources.includes(uri)).sort(), resources.sort());
    assert.ok(!ws.counts.read.includes(uriOf('docs/readme.md')), 'a file that is neither a resource, a report nor a data file is not read');
  });

  it('the settings notification after initialized, with the settings start-up read, neither restarts the scan nor walks again', async () => {
    const ws = workspaceOf();
    const logger = new RecordingLogger();
    project = createProject({ workspace: ws, logger, scheduler: nodeScheduler });
    const started = project.start();
    // What VS Code sends once the server registers for configuration changes: the same settings.
    ws.setSettings(editorSection({}));
    await started;
    await logger.scanned(1);
    await turn();
    await project.settled();
    await turn();
    assert.strictEqual(logger.scans, 1, 'one scan');
    assert.strictEqual(ws.counts.walks, 1, 'one walk');
    const resources = Object.keys(LIBRARY)
      .filter((rel) => rel.startsWith('resources/'))
      .map(uriOf);
    assert.deepStrictEqual(ws.counts.read.filter((uri) => resources.includes(uri)).sort(), resources.sort(), 'each file read once');
    assert.deepStrictEqual(codesIn(project, 'resources/cites.md'), ['unknown-section']);
    // A real change still reloads and checks again.
    const dropped = until(project, () => codesIn(project!, 'resources/cites.md')?.length === 0, 'unknown-section off');
    ws.setSettings(editorSection({ 'resourceAuthoring.severity': { 'unknown-section': 'off' } }));
    await dropped;
    await logger.scanned(2);
  });

  it('the CLI walks the tree once too: loading, finding what to check and checking it', async () => {
    const { found, workspace } = await cliFindings({ files: LIBRARY });
    assert.deepStrictEqual(
      found.get('resources/cites.md')?.map((s) => s.code),
      ['unknown-section'],
    );
    assert.deepStrictEqual(
      [...found.keys()],
      ['reports/report.md', 'resources/cites.md', 'resources/one.md', 'resources/tagged.md', 'resources/two.md'],
    );
    assert.strictEqual(workspace.counts.walks, 1);
  });

  it('a keystroke reads nothing from disk, even when it makes the document a duplicate of a closed file', async () => {
    const ws = workspaceOf();
    ws.openDocumentWith('resources/one.md');
    ({ project } = await startServerProject(ws));
    const reads = ws.counts.reads;
    const uri = uriOf('resources/one.md');
    const typed = nextDiagnostics(project, uri);
    ws.editDocument('resources/one.md', resource('https://example.org/one', 'Body.', 'learnTags: [nope]'));
    await typed;
    assert.deepStrictEqual(codesIn(project, 'resources/one.md'), ['invalid-value'], 'the keystroke was checked');
    const duplicated = until(
      project,
      () => codesIn(project!, 'resources/two.md')?.includes('duplicate-resource') === true,
      'the partner warned',
    );
    ws.editDocument('resources/one.md', resource('https://example.org/two'));
    await duplicated;
    assert.deepStrictEqual(codesIn(project, 'resources/one.md'), ['duplicate-resource']);
    assert.strictEqual(ws.counts.reads, reads, `read: ${ws.counts.read.slice(reads).join(', ')}`);
  });

  it('a keystroke in an open report re-checks the files citing it without reading them again', async () => {
    const ws = workspaceOf();
    ws.openDocumentWith('reports/report.md');
    ({ project } = await startServerProject(ws));
    const reads = ws.counts.reads;
    const rechecked = until(
      project,
      () => codesIn(project!, 'resources/cites.md')?.length === 0,
      'cites.md re-checked',
      () => codesIn(project!, 'resources/cites.md'),
    );
    ws.editDocument('reports/report.md', `${REPORT}## 4.9 AI safety\nText.\n`);
    await rechecked;
    assert.strictEqual(ws.counts.reads, reads, `read: ${ws.counts.read.slice(reads).join(', ')}`);
  });

  it('a § hover after the scan reads nothing, and has the citation count', async () => {
    const ws = workspaceOf();
    const text = resource('https://example.org/hover', 'See §4.3 and §4.3: adaptation.');
    ws.writeFile('resources/hover.md', text);
    ws.openDocumentWith('resources/hover.md');
    // Waits for the count however long it takes, so the answer does not depend on the machine's load.
    ({ project } = await startServerProject(ws, { hoverCountWaitMs: 60_000 }));
    const reads = ws.counts.reads;
    const offset = text.indexOf('§4.3') + 1;
    const line = text.slice(0, offset).split('\n').length - 1;
    const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
    const hover = hoverText(await project.hover(uriOf('resources/hover.md'), { line, character }));
    assert.match(hover, /4\.3 Adaptation/);
    // hover.md twice, cites.md once, the report's own "see §4.3: adaptation" once.
    assert.match(hover, /Cited 4 times in 3 files/);
    assert.strictEqual(ws.counts.reads, reads, `read: ${ws.counts.read.slice(reads).join(', ')}`);
    assert.strictEqual(ws.counts.walks, 1);
  });

  it('a § hover after a keystroke counts the new text without a pass over the folder', async () => {
    const ws = workspaceOf();
    const text = resource('https://example.org/hover', 'See §4.3.');
    ws.writeFile('resources/hover.md', text);
    ws.openDocumentWith('resources/hover.md');
    ({ project } = await startServerProject(ws, { hoverCountWaitMs: 60_000 }));
    const offset = text.indexOf('§4.3') + 1;
    const line = text.slice(0, offset).split('\n').length - 1;
    const at = { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
    assert.match(hoverText(await project.hover(uriOf('resources/hover.md'), at)), /Cited 3 times in 3 files/);
    const { reads, finds } = ws.counts;
    ws.editDocument('resources/hover.md', text.replace('See §4.3.', 'See §4.3. And §4.3 again.'));
    assert.match(hoverText(await project.hover(uriOf('resources/hover.md'), at)), /Cited 4 times in 3 files/);
    // The closed files' texts were gathered once: the edit changed only the open document laid over them.
    assert.strictEqual(ws.counts.finds, finds, 'the folder was listed again for the hover');
    assert.strictEqual(ws.counts.reads, reads);
  });
});

describe('project on the in-memory workspace: following the workspace', () => {
  let project: Project;
  let ws: MemoryWorkspace;
  afterEach(() => project?.dispose());

  const start = async (files: Record<string, string> = LIBRARY, settings: Record<string, unknown> = {}) => {
    ws = workspaceOf(files, settings);
    ({ project } = await startServerProject(ws));
  };
  const codes = (rel: string) => codesIn(project, rel);
  /** Waits for a file's diagnostics to become `expected` (codes, or a test of them); called before the change, which must be needed. */
  const when = (rel: string, expected: string[] | undefined | ((seen: Seen[] | undefined) => boolean), what: string) => {
    const accept =
      typeof expected === 'function' ? () => expected(seenIn(project, rel)) : () => JSON.stringify(codes(rel)) === JSON.stringify(expected);
    assert.ok(!accept(), `${rel} is already ${what}`);
    return until(project, accept, `${rel}: ${what}`, () => seenIn(project, rel));
  };

  describe('duplicates', () => {
    it('appear and go as a link is edited in an open document', async () => {
      await start();
      ws.openDocumentWith('resources/one.md');
      const both = Promise.all([
        when('resources/one.md', ['duplicate-resource'], 'duplicate'),
        when('resources/two.md', ['duplicate-resource'], 'duplicate'),
      ]);
      ws.editDocument('resources/one.md', resource('https://EXAMPLE.org/two/'));
      await both;
      const [warning] = seenIn(project, 'resources/two.md')!;
      assert.deepStrictEqual(
        warning.related?.map((r) => r.file),
        ['resources/one.md'],
      );
      const gone = Promise.all([when('resources/one.md', [], 'clean'), when('resources/two.md', [], 'clean')]);
      ws.editDocument('resources/one.md', resource('https://example.org/one'));
      await gone;
    });

    it('go when a partner is deleted, and follow a partner that is renamed', async () => {
      await start({ ...LIBRARY, 'resources/copy.md': resource('https://example.org/one') });
      assert.deepStrictEqual(codes('resources/one.md'), ['duplicate-resource']);
      const renamed = until(
        project,
        () => seenIn(project, 'resources/one.md')?.[0]?.related?.[0]?.file === 'resources/moved/copy.md',
        'the related file renamed',
      );
      ws.renameFile('resources/copy.md', 'resources/moved/copy.md');
      await renamed;
      assert.strictEqual(codes('resources/copy.md'), undefined, 'the old path is forgotten');
      assert.deepStrictEqual(codes('resources/moved/copy.md'), ['duplicate-resource']);
      const gone = when('resources/one.md', [], 'no partner left');
      ws.deleteFile('resources/moved/copy.md');
      await gone;
      assert.strictEqual(codes('resources/moved/copy.md'), undefined);
    });
  });

  describe('reports', () => {
    it('a report changed on disk re-checks the files citing it', async () => {
      await start();
      assert.deepStrictEqual(codes('resources/cites.md'), ['unknown-section']);
      const fixed = when('resources/cites.md', [], 'clean once §4.9 exists');
      ws.writeFile('reports/report.md', `${REPORT}## 4.9 AI safety\nText.\n`);
      await fixed;
      const broken = when('resources/cites.md', ['unknown-section'], '§4.9 gone again');
      ws.writeFile('reports/report.md', REPORT);
      await broken;
    });

    it('a report edited in the editor re-checks the files citing it; closed, its text on disk counts again', async () => {
      await start();
      ws.openDocumentWith('reports/report.md');
      const fixed = when('resources/cites.md', [], 'clean once §4.9 is typed');
      ws.editDocument('reports/report.md', `${REPORT}## 4.9 AI safety\nText.\n`);
      await fixed;
      const reverted = when('resources/cites.md', ['unknown-section'], 'back to the report on disk');
      ws.closeDocument('reports/report.md');
      await reverted;
    });

    it('a report created and deleted: no-report, then unknown-section, then no-report', async () => {
      const { 'reports/report.md': report, ...rest } = LIBRARY;
      await start(rest);
      assert.deepStrictEqual(codes('resources/cites.md'), ['no-report']);
      const created = when('resources/cites.md', ['unknown-section'], 'the new report used');
      ws.writeFile('reports/report.md', report);
      await created;
      assert.deepStrictEqual(codes('reports/report.md'), [], 'the report itself is checked');
      const deleted = when('resources/cites.md', ['no-report'], 'no report again');
      ws.deleteFile('reports/report.md');
      await deleted;
      assert.strictEqual(codes('reports/report.md'), undefined);
    });
  });

  describe('vocabularies', () => {
    it('a data file changed, deleted and created again re-checks the resources', async () => {
      await start();
      assert.deepStrictEqual(codes('resources/tagged.md'), []);
      const changed = when('resources/tagged.md', ['invalid-value'], 'robots no longer a tag');
      ws.writeFile('src/_data/resourceTags.json', tags('drones'));
      await changed;
      const deleted = when(
        'resources/tagged.md',
        (seen) => seen?.length === 1 && /the bundled resourceTags\.json/.test(seen[0].message),
        'checked against the bundled tags (no robots either)',
      );
      ws.deleteFile('src/_data/resourceTags.json');
      await deleted;
      const created = when('resources/tagged.md', [], 'robots a tag again');
      ws.writeFile('src/_data/resourceTags.json', tags('robots'));
      await created;
    });

    it('a data file named by a setting is followed too', async () => {
      await start({ ...LIBRARY, 'config/tags.json': tags('drones') }, { 'resourceAuthoring.vocabularies.learnTags': 'config/tags.json' });
      assert.deepStrictEqual(codes('resources/tagged.md'), ['invalid-value']);
      const changed = when('resources/tagged.md', [], 'robots added');
      ws.writeFile('config/tags.json', tags('drones', 'robots'));
      await changed;
    });
  });

  describe('settings', () => {
    it('new resourceGlobs: files under them are checked, files no longer under them are dropped', async () => {
      await start();
      assert.deepStrictEqual(codes('docs/readme.md'), undefined);
      const added = when('docs/readme.md', ['frontmatter-missing'], 'a resource now');
      const dropped = when('resources/cites.md', undefined, 'not a resource now');
      ws.setSettings(editorSection({ 'resourceAuthoring.resourceGlobs': ['docs/**/*.md'] }));
      await Promise.all([added, dropped]);
      assert.strictEqual(project.roleOf(uriOf('resources/one.md')), undefined);
    });

    it('a severity set to off drops the code; set to hint, it comes back as a hint', async () => {
      await start();
      const off = when('resources/cites.md', [], 'unknown-section off');
      ws.setSettings(editorSection({ 'resourceAuthoring.severity': { 'unknown-section': 'off' } }));
      await off;
      const raised = until(
        project,
        () => seenIn(project, 'resources/cites.md')?.[0]?.severity === 'hint',
        'unknown-section a hint',
        () => seenIn(project, 'resources/cites.md'),
      );
      ws.setSettings(editorSection({ 'resourceAuthoring.severity': { 'unknown-section': 'hint' } }));
      await raised;
    });

    it('reports named by a setting: the citing files are checked against them', async () => {
      await start({ ...LIBRARY, 'docs/other.md': '# 4 Other\n## 4.9 Ninth\nText.\n' });
      const moved = when(
        'resources/cites.md',
        (seen) => seen?.length === 1 && /^other\.md has no section §4\.3\b/.test(seen[0].message),
        'checked against docs/other.md, which lacks §4.3',
      );
      ws.setSettings(editorSection({ 'resourceAuthoring.reports': ['docs/other.md'] }));
      await moved;
      assert.strictEqual(codes('reports/report.md'), undefined, 'no longer a report');
    });
  });

  describe('files', () => {
    it('a resource created, changed, renamed out of the globs and deleted', async () => {
      await start();
      const created = when('resources/new.md', ['invalid-value'], 'created');
      ws.writeFile('resources/new.md', resource('https://example.org/new', 'Body.', 'learnTags: [nope]'));
      await created;
      const changed = when('resources/new.md', [], 'changed');
      ws.writeFile('resources/new.md', resource('https://example.org/new'));
      await changed;
      const renamed = when('resources/renamed.md', [], 'renamed');
      ws.renameFile('resources/new.md', 'resources/renamed.md');
      await renamed;
      assert.strictEqual(codes('resources/new.md'), undefined);
      const out = when('resources/renamed.md', undefined, 'moved out of the resource globs');
      ws.renameFile('resources/renamed.md', 'docs/renamed.md');
      await out;
      assert.strictEqual(codes('docs/renamed.md'), undefined);
      const deleted = when('resources/one.md', undefined, 'deleted');
      ws.deleteFile('resources/one.md');
      await deleted;
    });

    it('closing an open document shows the verdict of its text on disk again', async () => {
      await start();
      ws.openDocumentWith('resources/one.md');
      const typed = when('resources/one.md', ['frontmatter-missing'], 'the broken text checked');
      ws.editDocument('resources/one.md', 'no frontmatter\n');
      await typed;
      const closed = when('resources/one.md', [], 'the text on disk again');
      ws.closeDocument('resources/one.md');
      await closed;
      assert.strictEqual(project.diagnostics(uriOf('resources/one.md'))?.version, undefined, 'a file on disk has no version');
    });
  });

  it('nothing is published for a change the project does not check', async () => {
    await start();
    const published: string[] = [];
    project.onDidChangeDiagnostics((uris) => published.push(...uris));
    ws.writeFile('docs/notes.md', '# notes\n');
    await project.settled();
    await turn();
    assert.deepStrictEqual(published, []);
  });
});
