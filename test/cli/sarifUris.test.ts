import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, resource, workspace } from './helpers';
import { sarifValidator } from './sarifSchema';

describe('resource-lint --format sarif: artifact URIs (built dist/cli.js)', function () {
  this.timeout(20000);
  let root: string | undefined;
  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('percent-encode #, ?, spaces and non-ASCII per RFC 3986, so each resolves to its file', () => {
    const names = ['resources/a b – c#1.md', 'resources/what?.md', 'resources/100%.md'];
    root = workspace(Object.fromEntries(names.map((n, i) => [n, resource(`https://example.org/${i}`, 'legacy: 1')])));
    const r = lint(['--format', 'sarif'], root);
    assert.strictEqual(r.status, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.ok(sarifValidator()(log));
    const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    const uris: string[] = log.runs[0].results.map(
      (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        x.locations[0].physicalLocation.artifactLocation.uri,
    );
    assert.deepStrictEqual([...uris].sort(), ['resources/100%25.md', 'resources/a%20b%20%E2%80%93%20c%231.md', 'resources/what%3F.md']);
    for (const uri of uris) {
      const url = new URL(uri, base);
      assert.strictEqual(url.hash, '', uri);
      assert.strictEqual(url.search, '', uri);
      assert.ok(names.includes(path.relative(root, decodeURIComponent(url.pathname)).split(path.sep).join('/')), uri);
    }
  });
});
