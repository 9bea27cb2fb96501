import * as assert from 'assert';
import * as fs from 'fs';
import { codeOf, ourDiagnostics, openResource, waitFor, workspaceUri } from './helpers';

describe("5. the workspace's vocabulary files", () => {
  it('a tag added to src/_data/resourceTags.json on disk becomes valid without a reload', async () => {
    const resource = workspaceUri('resources', 'new-tag.md');
    await openResource('resources', 'new-tag.md');
    const before = await waitFor('"robotics" to be reported as unknown', () => {
      const ds = ourDiagnostics(resource).filter((d) => codeOf(d) === 'invalid-value');
      return ds.length ? ds : undefined;
    });
    assert.match(before[0].message, /'robotics' is not a learn tag/);

    // Written on disk behind the editor's back (the extension host is Node), as a git pull would.
    const tagsFile = workspaceUri('src', '_data', 'resourceTags.json').fsPath;
    const tags = JSON.parse(fs.readFileSync(tagsFile, 'utf8')) as { resourceTags: { value: string; label: string }[] };
    tags.resourceTags.push({ value: 'robotics', label: 'Robotics' });
    fs.writeFileSync(tagsFile, JSON.stringify(tags, null, 2) + '\n');

    await waitFor('the diagnostic to go away', () => (ourDiagnostics(resource).length === 0 ? true : undefined));
  });
});
