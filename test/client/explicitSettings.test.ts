import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { contributedKeys, explicitSettings } from '../../client/src/explicitSettings';

describe('client: the settings handed to the server are the ones the author set', () => {
  it('leaves out the defaults; the folder setting wins over the workspace one, which wins over the user one', () => {
    const inspected: Record<string, { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }> = {
      reports: {},
      severity: { globalValue: { required: 'hint' }, workspaceValue: { required: 'warning' } },
      schema: { globalValue: 'user.json', workspaceValue: 'ws.json', workspaceFolderValue: 'folder.json' },
      'vocabularies.focus': { globalValue: 'focus.json' },
    };
    assert.deepStrictEqual(
      explicitSettings(['reports', 'severity', 'schema', 'vocabularies.focus', 'overrides'], (key) => inspected[key]),
      { severity: { required: 'warning' }, schema: 'folder.json', 'vocabularies.focus': 'focus.json' },
    );
  });

  it("the keys are package.json's contributed settings of the section", () => {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    const keys = contributedKeys(manifest, 'resourceAuthoring');
    assert.ok(keys.includes('overrides') && keys.includes('vocabularies.focus'), keys.join());
    assert.ok(keys.every((k) => !k.startsWith('resourceAuthoring.')));
  });
});
