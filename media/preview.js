// The card preview's one script (loaded with the page's nonce). It swaps in card HTML the extension
// rendered, keeps the scroll position, and turns clicks into messages that the extension checks
// before acting. It never evaluates anything from the document.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const root = document.getElementById('card');
  if (!root) return;

  /**
   * What this webview saved before it was rebuilt (hidden, or the window reloaded) is newer than the
   * page's own state, which only says which file the panel was opened on.
   */
  let state = Object.assign({ scrollY: 0 }, parse(root.dataset.state), vscode.getState() || {});
  vscode.setState(state);
  let restoreScroll = state.scrollY > 0;

  function parse(json) {
    try {
      const value = JSON.parse(json || '{}');
      return value && typeof value === 'object' ? value : {};
    } catch {
      return {};
    }
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    // Another file's card starts at its top; the same file's card keeps its place as it is edited,
    // and after the webview was rebuilt (hidden, reloaded) it goes back to where the author was.
    const resource = typeof message.resource === 'string' ? message.resource : state.resource;
    const y = resource !== state.resource ? 0 : restoreScroll ? state.scrollY : window.scrollY;
    restoreScroll = false;
    // The HTML comes from the extension's renderer, which escapes every value; the CSP forbids
    // inline script and event handlers anyway.
    root.innerHTML = message.html;
    state = Object.assign({}, state, { resource, locked: message.locked === true, scrollY: y });
    window.scrollTo(0, y);
    vscode.setState(state);
  });

  let scrollPending = false;
  window.addEventListener(
    'scroll',
    () => {
      if (scrollPending) return;
      scrollPending = true;
      requestAnimationFrame(() => {
        scrollPending = false;
        state = Object.assign({}, state, { scrollY: Math.round(window.scrollY) });
        vscode.setState(state);
      });
    },
    { passive: true },
  );

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('a, button') : null;
    if (!target) return;
    if (target.matches('button.problem')) {
      vscode.postMessage({ type: 'reveal', problem: Number(target.getAttribute('data-problem')) });
      return;
    }
    if (target.matches('a.section-ref')) {
      event.preventDefault();
      vscode.postMessage({ type: 'openSection', section: target.getAttribute('data-section') || '' });
      return;
    }
    if (target.matches('a[href]')) {
      // Links open in the external browser through the extension, and only http(s) ones.
      event.preventDefault();
      const href = target.getAttribute('href') || '';
      if (/^https?:\/\//i.test(href)) vscode.postMessage({ type: 'openLink', href });
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
