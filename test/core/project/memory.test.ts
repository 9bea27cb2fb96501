import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { createProject, MemoryWorkspace } from '../../../server/src/core';
import { resource } from './helpers';

// The collector, to measure what is still referenced rather than what is not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterCollecting(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

describe('project: memory after repeated identical work', function () {
  this.timeout(60000);

  it('rounds of open, edit, request and close leave the heap where the second round left it', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`resources/r${i}.md`] = resource(`https://example.org/r${i}`, 'Body.', 'learnTags: [nope]');
    const ws = new MemoryWorkspace({ files });
    const project = createProject({ workspace: ws });
    await project.start();
    await project.checkAll();
    const heaps: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 40; i++) {
        const rel = `resources/r${i}.md`;
        const doc = ws.openDocumentWith(rel);
        for (let e = 0; e < 3; e++) {
          ws.editDocument(rel, resource(`https://example.org/r${i}`, `Body ${e}.`, `learnTags: [nope${e}]`, `extra${e}: 1`));
          await project.settled();
          const uri = doc.uri;
          project.completion(uri, { line: 7, character: 12 });
          await project.hover(uri, { line: 1, character: 2 });
          const found = project.diagnostics(uri)?.diagnostics ?? [];
          project.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, found);
          project.documentSymbols(uri);
        }
        ws.closeDocument(rel);
      }
      await project.settled();
      await new Promise((r) => setTimeout(r, 50));
      heaps.push(heapAfterCollecting());
    }
    const mb = heaps.map((h) => Math.round(h / 1e5) / 10);
    // The first round warms the caches (schema, vocabularies, compiled globs); from the second the heap must stay put.
    const growth = heaps[heaps.length - 1] - heaps[1];
    assert.ok(growth < heaps[1] * 0.05, `heap (MB) after each round: ${mb.join(', ')}`);
    project.dispose();
  });
});
