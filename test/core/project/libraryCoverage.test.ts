import * as assert from 'assert';
import { createProject, MemoryWorkspace, type Project } from '../../../server/src/core';
import { nodeScheduler } from '../../../server/src/node/scheduler';
import { editorSection, FOLDER, resource, startServerProject, turn } from './helpers';

/** Forty resources: more than two batches of the workspace check, so it can be caught half-way. */
const LIBRARY: Record<string, string> = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => [`resources/r${String(i).padStart(2, '0')}.md`, resource(`https://example.org/${i}`)]),
);

/** A workspace whose closed files are read only when the test lets them, as over a slow network (github.dev). */
class GatedWorkspace extends MemoryWorkspace {
  private gate: Promise<void>;
  release!: () => void;
  constructor(files: Record<string, string>) {
    super({ folder: FOLDER, files, settings: editorSection({}) });
    this.gate = new Promise((resolve) => (this.release = resolve));
  }
  override async readText(uri: string): Promise<string | undefined> {
    if (uri.includes('/resources/r2') || uri.includes('/resources/r3')) await this.gate;
    return super.readText(uri);
  }
}

describe('project: the duplicate-link check says when it has not seen the whole library', () => {
  let project: Project | undefined;
  afterEach(() => project?.dispose());

  it('while the workspace check reads the library: checked so far, of how many; nothing once done', async () => {
    const ws = new GatedWorkspace(LIBRARY);
    const uri = ws.uri('resources/r00.md');
    ws.openDocumentWith('resources/r00.md');
    project = createProject({ workspace: ws, scheduler: nodeScheduler });
    const started = project.start();
    await project.settled();
    for (let i = 0; i < 20 && project.fileStatus(uri).library?.checked !== 17; i++) await turn();
    // The open file and the first batch of closed ones are checked; the rest wait for their reads.
    assert.deepStrictEqual(project.fileStatus(uri).library, { checked: 17, total: 40 });
    ws.release();
    await started;
    for (let i = 0; i < 50 && project.fileStatus(uri).library; i++) await turn();
    assert.strictEqual(project.fileStatus(uri).library, undefined);
  });

  it('with resourceAuthoring.workspaceDiagnostics off: only the open resources are compared', async () => {
    const ws = new MemoryWorkspace({
      folder: FOLDER,
      files: LIBRARY,
      settings: editorSection({ 'resourceAuthoring.workspaceDiagnostics': false }),
    });
    ws.openDocumentWith('resources/r00.md');
    ws.openDocumentWith('resources/r01.md');
    ({ project } = await startServerProject(ws));
    assert.deepStrictEqual(project.fileStatus(ws.uri('resources/r00.md')).library, { checked: 2, total: null });
  });
});
