import * as assert from 'assert';
import { fuzzServer } from '../fuzz/fuzzServer';

describe('language server over stdio: seeded fuzz', function () {
  this.timeout(120000);
  it('mutated documents, incremental edits and every request kind: no crash, every answer well-formed', async () => {
    const totals = await fuzzServer({ seed: Number(process.env.RESOURCE_AUTHORING_FUZZ_SEED ?? 17), documents: 1500 });
    assert.strictEqual(totals.documents, 1500);
    assert.ok(totals.fixAlls > 100, `only ${totals.fixAlls} fix-alls ran`);
  });
});
