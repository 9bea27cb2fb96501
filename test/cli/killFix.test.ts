import * as assert from 'assert';
import { killFix } from '../fuzz/killFix';

describe('resource-lint --fix killed at random moments (built dist/cli.js)', function () {
  this.timeout(180000);
  it('every file is its original bytes or its complete fix; the next complete run removes the temporary files', async () => {
    const run = await killFix({ seed: 17, files: 300, kills: 100 });
    assert.strictEqual(run.kills, 100);
    // The kills must reach the writing, or the test proves nothing about it.
    assert.ok(run.midRun >= 5, `only ${run.midRun} kills landed while files were being written`);
  });
});
