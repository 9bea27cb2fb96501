// The card preview's one script (loaded with the page's nonce). It swaps in card HTML the extension
// rendered, keeps the scroll position, and turns clicks into messages that the extension checks
// before acting. It never evaluates anything from the document.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const root = document.getElementById('card');
  if (!root) return;
  // The page's nonce: the only way a stylesheet of the site's (inlined by the extension) may apply.
  const nonce = (document.currentScript && document.currentScript.nonce) || '';
  let siteStyle;

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

  /** Elements nothing in a card needs that could run, load, frame, submit or navigate. */
  const DROPPED =
    'script, noscript, iframe, frame, frameset, object, embed, applet, portal, meta, link, base, form, input, textarea, ' +
    'select, style, template, area, map, audio, video, source, track, picture, animate, set, animateMotion, ' +
    'animateTransform, foreignObject, discard, handler, listener';
  const URL_ATTRIBUTES = ['src', 'srcset', 'poster', 'background', 'data', 'action', 'formaction', 'ping', 'lowsrc', 'dynsrc'];

  /**
   * The card's HTML parsed in an inert document (nothing in it loads or runs) and cleaned there:
   * the site's own template writes raw HTML, so whatever it or a value in it carries is cut back to
   * markup and web links before it joins the page. The CSP stays the second line.
   */
  function sanitize(html) {
    const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, 'text/html');
    const fromTemplate = doc.querySelector('.from-template') !== null;
    for (const el of doc.body.querySelectorAll(DROPPED)) el.remove();
    for (const el of doc.body.querySelectorAll('button')) {
      if (!el.matches('button.problem, button.view-button')) el.remove();
    }
    for (const el of doc.body.querySelectorAll('*')) {
      for (const attribute of [...el.attributes]) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim();
        if (name.startsWith('on') || name === 'style' || name === 'formaction' || name === 'http-equiv') {
          el.removeAttribute(attribute.name);
        } else if (name === 'href' || name === 'xlink:href') {
          // A fragment (an icon's <use href="#source">, our section links) or a web link; nothing else.
          if (!(value.startsWith('#') || /^https?:\/\//i.test(value))) el.removeAttribute(attribute.name);
          else if (el.localName !== 'a' && !value.startsWith('#')) el.removeAttribute(attribute.name);
        } else if (URL_ATTRIBUTES.includes(name)) {
          // The built-in card shows https images from Markdown; the site's template loads nothing.
          if (fromTemplate || !/^https:\/\//i.test(value) || name !== 'src' || el.localName !== 'img') el.removeAttribute(attribute.name);
        }
      }
    }
    // The site's stylesheets ride in the card as an attribute of the last `.site-styles` (ours: the
    // template's output comes before it); any earlier one is the template's and is ignored.
    const carriers = [...doc.body.querySelectorAll('.site-styles')];
    const css = fromTemplate && carriers.length > 0 ? carriers[carriers.length - 1].getAttribute('data-css') || '' : '';
    for (const el of carriers) el.remove();
    return { nodes: [...doc.body.childNodes], css };
  }

  function applySiteCss(css) {
    if (!siteStyle) {
      if (!css) return;
      siteStyle = document.createElement('style');
      siteStyle.setAttribute('nonce', nonce);
      siteStyle.id = 'site-styles';
      document.head.appendChild(siteStyle);
    }
    if (siteStyle.textContent !== css) siteStyle.textContent = css;
  }

  /** The author's choices outlive each re-render: the view, and the problem strip opened or closed by hand. */
  function applyChoices() {
    const preview = root.querySelector('.card-preview');
    if (!preview) return;
    const view = state.view === 'site' ? 'site' : 'all';
    preview.setAttribute('data-view', view);
    for (const button of preview.querySelectorAll('button.view-button')) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-view') === view));
    }
    const strip = preview.querySelector('details.status');
    if (strip && typeof state.stripOpen === 'boolean') strip.open = state.stripOpen;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    // Another file's card starts at its top; the same file's card keeps its place as it is edited,
    // and after the webview was rebuilt (hidden, reloaded) it goes back to where the author was.
    const resource = typeof message.resource === 'string' ? message.resource : state.resource;
    const y = resource !== state.resource ? 0 : restoreScroll ? state.scrollY : window.scrollY;
    restoreScroll = false;
    const clean = sanitize(message.html);
    applySiteCss(clean.css);
    root.replaceChildren(...clean.nodes);
    state = Object.assign({}, state, { resource, locked: message.locked === true, scrollY: y });
    applyChoices();
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
    const summary = event.target instanceof Element ? event.target.closest('details.status > summary') : null;
    if (summary) {
      // The click toggles the strip after this handler: remember where it goes.
      state = Object.assign({}, state, { stripOpen: !summary.parentElement.open });
      vscode.setState(state);
      return;
    }
    const target = event.target instanceof Element ? event.target.closest('a, button') : null;
    if (!target) return;
    if (target.matches('button.view-button')) {
      state = Object.assign({}, state, { view: target.getAttribute('data-view') === 'site' ? 'site' : 'all' });
      vscode.setState(state);
      applyChoices();
      return;
    }
    if (target.matches('button.problem')) {
      vscode.postMessage({ type: 'reveal', problem: Number(target.getAttribute('data-problem')) });
      return;
    }
    if (target.matches('a.section-ref')) {
      event.preventDefault();
      vscode.postMessage({ type: 'openSection', section: target.getAttribute('data-section') || '' });
      return;
    }
    if (target.matches('a')) {
      // Links open in the external browser through the extension, and only http(s) ones; the
      // webview itself never navigates.
      event.preventDefault();
      const href = target.getAttribute('href') || '';
      if (/^https?:\/\//i.test(href)) vscode.postMessage({ type: 'openLink', href });
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
