import * as assert from 'assert';
import { asksStatus, statusView } from '../../client/src/statusView';

describe('client: the status bar item', () => {
  it('on a resource: its problems, and a click opens the card preview', () => {
    assert.deepStrictEqual(statusView({ role: 'resource', problems: 3, sections: null }), {
      text: '$(warning) Resources: 3 problems',
      tooltip: 'Resource file: 3 problems. Click to open the card preview.',
      action: 'preview',
    });
    assert.strictEqual(statusView({ role: 'resource', problems: 1, sections: null })?.text, '$(warning) Resources: 1 problem');
    assert.strictEqual(statusView({ role: 'resource', problems: 0, sections: null })?.text, '$(check) Resources: no problems');
  });

  it('on a report: its sections (and problems, when there are any), and a click shows the log', () => {
    assert.deepStrictEqual(statusView({ role: 'report', problems: 0, sections: 128 }), {
      text: '$(book) report: 128 §',
      tooltip: 'Report with 128 numbered sections, no problems. Click to show the Resource Authoring log.',
      action: 'output',
    });
    assert.strictEqual(statusView({ role: 'report', problems: 2, sections: 1 })?.text, '$(book) report: 1 §, 2 problems');
  });

  it('hidden on other files, and when the server gave no answer', () => {
    assert.strictEqual(statusView({ role: null, problems: 0, sections: null }), undefined);
    assert.strictEqual(statusView(undefined), undefined);
    assert.strictEqual(statusView(null), undefined);
  });

  it('asks about files whatever their language (a .txt report opens as Plain Text), not about other schemes', () => {
    assert.strictEqual(asksStatus({ uri: { scheme: 'file' } }), true);
    assert.strictEqual(asksStatus({ uri: { scheme: 'untitled' } }), true);
    // github.dev's and the test web host's virtual file systems, and a remote folder as the web worker sees it.
    for (const scheme of ['vscode-vfs', 'vscode-test-web', 'vscode-remote']) assert.strictEqual(asksStatus({ uri: { scheme } }), true);
    assert.strictEqual(asksStatus({ uri: { scheme: 'output' } }), false);
    assert.strictEqual(asksStatus({ uri: { scheme: 'git' } }), false);
  });

  it('says when the duplicate-link check has not seen the whole library yet (github.dev reads it over the network)', () => {
    const partial = statusView({ role: 'resource', problems: 0, sections: null, library: { checked: 120, total: 557 } });
    assert.match(partial!.tooltip, /Duplicate links checked against 120 of 557 resources so far\./);
    const openOnly = statusView({ role: 'resource', problems: 0, sections: null, library: { checked: 2, total: null } });
    assert.match(openOnly!.tooltip, /compared among the 2 open resources only/);
    assert.doesNotMatch(statusView({ role: 'resource', problems: 0, sections: null })!.tooltip, /Duplicate/);
  });
});
