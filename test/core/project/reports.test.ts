import * as assert from 'assert';
import { MemoryWorkspace, type Project } from '../../../server/src/core';
import { codesIn, editorSection, FOLDER, REPORT, resource, startServerProject, until, uriOf } from './helpers';

const OTHER = '# 7 Methods\n## 7.1 Data\nText.\n';

describe('project: reports', () => {
  let project: Project | undefined;
  afterEach(() => project?.dispose());

  it('re-checks cached analyses when a report changes, and re-indexes only changed reports', async () => {
    const ws = new MemoryWorkspace({
      folder: FOLDER,
      files: { 'resources/a.md': resource('https://example.org/a', '§4.9') },
      settings: editorSection({}),
    });
    // Open: its analysis is cached by version, and the version never changes below.
    ws.openDocumentWith('resources/a.md');
    const p = (await startServerProject(ws)).project;
    project = p;
    const codes = () => codesIn(p, 'resources/a.md');
    const becomes = (expected: string[], what: string) => until(p, () => JSON.stringify(codes()) === JSON.stringify(expected), what, codes);
    const index = (rel: string) => p.reports.reports.find((r) => r.uri === uriOf(rel));
    assert.deepStrictEqual(codes(), ['no-report']);

    const created = becomes(['unknown-section'], 'the new report resolves §4.9 (and lacks it)');
    ws.writeFile('reports/report.md', REPORT);
    await created;
    const first = index('reports/report.md');
    assert.ok(first);

    // Another report, then the first one's file written with the same text: the set is read again each time.
    ws.writeFile('reports/other.md', OTHER);
    await p.settled();
    const other = index('reports/other.md');
    assert.ok(other, 'the second report is indexed');
    assert.strictEqual(index('reports/report.md'), first, 'unchanged report keeps its index');
    ws.writeFile('reports/report.md', REPORT);
    await p.settled();
    assert.strictEqual(index('reports/report.md'), first, 'unchanged report keeps its index');

    ws.openDocumentWith('reports/report.md');
    const fixed = becomes([], 'the report edited to have §4.9');
    ws.editDocument('reports/report.md', `${REPORT}## 4.9 AI safety\n`);
    await fixed;
    assert.notStrictEqual(index('reports/report.md'), first, 'the changed report is indexed again');
    assert.strictEqual(index('reports/other.md'), other, 'the other report keeps its index');
    assert.strictEqual(p.diagnostics(uriOf('resources/a.md'))?.version, 1, 'the same version of the resource, checked again');
  });
});
