import * as assert from 'assert';
import { DEFAULT_SERVER, contains, outermostFolders, serverFor } from '../../client/src/folders';

describe('client: which server serves a file (multi-root)', () => {
  const a = 'file:///work/site';
  const nested = 'file:///work/site/docs';
  const b = 'file:///work/other';
  const prefix = 'file:///work/site-archive';

  it('a folder contains itself and its descendants, not a sibling sharing its prefix', () => {
    assert.ok(contains(a, a));
    assert.ok(contains(a, `${a}/resources/x.md`));
    assert.ok(contains(`${a}/`, `${a}/x.md`));
    assert.ok(!contains(a, `${prefix}/x.md`));
    assert.ok(!contains(a, b));
  });

  it('a folder nested in another gets no server of its own', () => {
    assert.deepStrictEqual(outermostFolders([a, nested, b, prefix]), [a, b, prefix]);
    assert.deepStrictEqual(outermostFolders([nested, a]), [a]);
    assert.deepStrictEqual(outermostFolders([]), []);
  });

  it("a file goes to its outermost folder's server, else to the default server", () => {
    const folders = [nested, a, b, prefix];
    assert.strictEqual(serverFor(`${nested}/r.md`, folders), a);
    assert.strictEqual(serverFor(`${b}/resources/r.md`, folders), b);
    assert.strictEqual(serverFor(`${prefix}/r.md`, folders), prefix);
    assert.strictEqual(serverFor('file:///elsewhere/r.md', folders), DEFAULT_SERVER);
    assert.strictEqual(serverFor('untitled:Untitled-1', folders), DEFAULT_SERVER);
    assert.strictEqual(serverFor(`${a}/r.md`, []), DEFAULT_SERVER);
  });
});
