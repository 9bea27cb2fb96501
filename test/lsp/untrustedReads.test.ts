import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { DiskWorkspace } from '../../server/src/node/diskWorkspace';

/** The server's disk host in Restricted Mode: nothing outside the folder is read, not even through a link inside it. */
describe('the disk workspace in an untrusted folder', () => {
  let base: string;
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-untrusted-'));
    fs.mkdirSync(path.join(base, 'site/resources'), { recursive: true });
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
    fs.writeFileSync(path.join(base, 'site/resources/own.md'), 'inside');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(base, 'site/resources/link.md'));
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  const uri = (rel: string) => URI.file(path.join(base, rel)).toString();
  const disk = (trusted: boolean) => new DiskWorkspace({ root: path.join(base, 'site'), settings: async () => ({}), trusted });

  it('follows no symbolic link out of the folder and reads no path outside it; its own files are read', async () => {
    const untrusted = disk(false);
    assert.strictEqual(await untrusted.readText(uri('site/resources/link.md')), undefined);
    assert.match(untrusted.unreadableReason(uri('site/resources/link.md')) ?? '', /outside the workspace folder/);
    assert.strictEqual(await untrusted.readText(uri('secret.txt')), undefined);
    assert.strictEqual(await untrusted.readText(uri('site/resources/own.md')), 'inside');
  });

  it('a trusted folder reads the link (the author put it there)', async () => {
    assert.strictEqual(await disk(true).readText(uri('site/resources/link.md')), 'outside');
  });
});
