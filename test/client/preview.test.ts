import * as assert from 'assert';
import { isWebLink, parsePreviewState, parseWebviewMessage } from '../../client/src/preview/messages';
import { contentSecurityPolicy, placeholder, previewPage } from '../../client/src/preview/page';

describe('card preview: messages from the webview', () => {
  it('accepts the four messages the preview script sends', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'reveal', problem: 2 }), { type: 'reveal', problem: 2 });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'openLink', href: 'https://example.org/a?b#c' }), {
      type: 'openLink',
      href: 'https://example.org/a?b#c',
    });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'openSection', section: '4.3.1' }), { type: 'openSection', section: '4.3.1' });
  });

  it('drops only the fields it knows, never passing extra ones through', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready', command: 'workbench.action.terminal.new' }), { type: 'ready' });
  });

  it('rejects links that are not absolute http(s) URLs', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'command:workbench.action.quit',
      'file:///etc/passwd',
      'vscode://x',
      'data:text/html,<b>',
      '//example.org',
      'https://',
      'http:/x',
      ' https://example.org',
      `https://example.org/${'a'.repeat(5000)}`,
    ]) {
      assert.strictEqual(parseWebviewMessage({ type: 'openLink', href }), undefined, href);
    }
    assert.strictEqual(isWebLink('HTTP://EXAMPLE.ORG'), true);
  });

  it('rejects malformed messages instead of guessing', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'ready',
      42,
      [],
      ['ready'],
      {},
      { type: 'READY' },
      { type: 'eval', code: '1' },
      { type: 'reveal' },
      { type: 'reveal', problem: -1 },
      { type: 'reveal', problem: 1.5 },
      { type: 'reveal', problem: '1' },
      { type: 'reveal', problem: Number.MAX_VALUE },
      { type: 'openLink' },
      { type: 'openLink', href: 7 },
      { type: 'openSection', section: '' },
      { type: 'openSection', section: '4.x' },
      { type: 'openSection', section: '../../etc' },
      { type: 'openSection', section: 4.3 },
    ];
    for (const raw of bad) assert.strictEqual(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
  });
});

describe('card preview: state restored after a reload', () => {
  it('restores a file or untitled document and the lock', () => {
    assert.deepStrictEqual(parsePreviewState({ resource: 'file:///w/resources/a.md', locked: true, scrollY: 40 }), {
      resource: 'file:///w/resources/a.md',
      locked: true,
    });
    assert.deepStrictEqual(parsePreviewState({ resource: 'untitled:Untitled-1', locked: 'yes' }), {
      resource: 'untitled:Untitled-1',
      locked: false,
    });
  });

  it('refuses anything else', () => {
    for (const raw of [
      undefined,
      null,
      {},
      { resource: 42 },
      { resource: 'https://example.org/a.md' },
      { resource: 'vscode-remote://x/a.md' },
      { resource: 'command:x' },
    ]) {
      assert.strictEqual(parsePreviewState(raw), undefined, JSON.stringify(raw));
    }
  });
});

describe('card preview: the webview page', () => {
  const page = previewPage({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
    body: '<article class="card">x</article>',
    state: { resource: 'file:///w/resources/"a".md', locked: false },
  });

  it('allows nothing by default, styles from the extension and only the script with the nonce', () => {
    const csp = contentSecurityPolicy('https://src', 'n1');
    const directives = csp.split('; ');
    assert.strictEqual(directives[0], "default-src 'none'");
    // Our stylesheet, and the site's inlined through the script that carries the nonce.
    assert.ok(directives.includes("style-src https://src 'nonce-n1'"));
    assert.ok(directives.includes("script-src 'nonce-n1'"));
    assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp), csp);
  });

  it('carries the CSP as the first thing in head, and one script that has the nonce', () => {
    assert.match(page, /<head>\n<meta charset="UTF-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
    assert.strictEqual(page.match(/<script\b/g)?.length, 1);
    assert.match(
      page,
      /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/preview\.js"><\/script>/,
    );
  });

  it('escapes the state it embeds for the serializer', () => {
    assert.match(
      page,
      /data-state="\{&quot;resource&quot;:&quot;file:\/\/\/w\/resources\/\\&quot;a\\&quot;\.md&quot;,&quot;locked&quot;:false\}"/,
    );
  });

  it('escapes a placeholder message', () => {
    assert.strictEqual(placeholder('<b>x</b> & y'), '<div class="card-preview"><p class="notice">&lt;b&gt;x&lt;/b&gt; &amp; y</p></div>');
  });
});
