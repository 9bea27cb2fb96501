/**
 * The card preview in a real browser: the page the webview gets (real CSP, our stylesheet and
 * script), loaded in headless Chromium from Debian through playwright-core. Asserts the DOM, that
 * nothing injected through a hostile document runs, how the script talks to the extension, and
 * saves screenshots in light, dark and high-contrast themes to test-results/.
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it). Without it the suite
 * is skipped with a message, except in CI (CI=true), where it fails.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewPage } from '../../client/src/preview/page';
import { cardProblems } from '../../server/src/core/card/problems';
import { renderCard } from '../../server/src/core/card/render';
import type { SectionResolver } from '../../server/src/core/card/sections';
import { createConfiguration } from '../../server/src/core/configuration';
import { analyzeText } from '../../server/src/core/service';
import { DARK, HIGH_CONTRAST, LIGHT, type Theme } from './themes';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const FIXTURES = path.join(ROOT, 'test/core/fixtures');
const seed = fs.readFileSync(path.join(FIXTURES, 'seed-resource.md'), 'utf8');
const hostile = fs.readFileSync(path.join(FIXTURES, 'hostile-resource.md'), 'utf8');
const SEED_URI = 'file:///workspace/resources/seed.md';

const sections: SectionResolver = {
  resolve: (ref) => (ref.kind === 'section' && ref.number === '4.3' ? { number: '4.3', title: 'Adaptation' } : undefined),
};

function card(text: string): string {
  const config = createConfiguration();
  const analysis = analyzeText(text, config);
  return renderCard({ parsed: analysis.parsed, vocabularies: config.vocabularies, problems: cardProblems(analysis, config) }, { sections });
}

/**
 * Polls an expression until it is truthy. Playwright's waitForFunction re-evaluates its predicate
 * with the page's own eval, which our CSP (rightly) forbids; page.evaluate goes through the
 * DevTools protocol, which the CSP does not govern.
 */
async function until(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Stands in for VS Code around the page: its webview API, its theme variables, and a record of what happened. */
function host(theme: Theme, savedState: unknown): string {
  return `(() => {
    window.__posted = []; window.__violations = [];
    let saved = ${JSON.stringify(savedState ?? null)} || undefined;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => saved,
      setState: (s) => { saved = s; window.__state = s; },
    });
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    document.addEventListener('DOMContentLoaded', () => {
      const vars = ${JSON.stringify(theme.colors)};
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      document.body.classList.add(${JSON.stringify(theme.bodyClass)});
    });
  })();`;
}

describe('card preview in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let origin = '';
  const documents = new Map<string, string>();

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it (see .ci/run).`);
      console.log(`      skipped: no Chromium at ${CHROMIUM} (apt-get install chromium to run the browser tests)`);
      this.skip();
    }
    fs.mkdirSync(RESULTS, { recursive: true });
    server = http.createServer((req, res) => {
      const url = (req.url ?? '/').split('?')[0];
      const media = /^\/media\/(preview\.(?:css|js))$/.exec(url);
      if (media) {
        res.writeHead(200, { 'content-type': media[1].endsWith('.css') ? 'text/css' : 'text/javascript' });
        res.end(fs.readFileSync(path.join(ROOT, 'media', media[1])));
      } else if (documents.has(url)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(documents.get(url));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** Serves the webview page for a card, exactly as the extension builds it, and opens it. */
  async function open(name: string, body: string, theme: Theme, savedState?: unknown): Promise<{ page: Page; dialogs: string[] }> {
    documents.set(
      `/${name}.html`,
      previewPage({
        cspSource: origin,
        nonce: `nonce${Math.random().toString(36).slice(2)}`,
        styleUri: `${origin}/media/preview.css`,
        scriptUri: `${origin}/media/preview.js`,
        body,
        state: { resource: SEED_URI, locked: false },
      }),
    );
    const page = await browser!.newPage({ viewport: { width: 820, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript(host(theme, savedState));
    await page.goto(`${origin}/${name}.html`);
    await until(page, 'window.__posted.length > 0');
    return { page, dialogs };
  }

  async function screenshot(page: Page, file: string): Promise<void> {
    await page.screenshot({ path: path.join(RESULTS, file), fullPage: true });
  }

  describe('the seed resource', () => {
    for (const theme of [LIGHT, DARK, HIGH_CONTRAST]) {
      it(`shows its card with labelled tags (${theme.name} theme)`, async () => {
        const { page } = await open(`seed-${theme.name}`, card(seed), theme);
        assert.strictEqual(await page.locator('#card-title').textContent(), 'On the Opportunities and Risks of Foundation Models');
        assert.deepStrictEqual(await page.locator('.chips[aria-label="Learn tags"] .chip').allTextContents(), [
          'Data Collection/Data Set',
          'Design/Methods',
          'Ethics',
          'AI and Machine Learning',
          'Research Centre',
          'Trust',
        ]);
        assert.strictEqual(await page.locator('.details a.external').getAttribute('href'), 'https://arxiv.org/pdf/2108.07258.pdf');
        assert.strictEqual(await page.locator('#card-title a.external').getAttribute('href'), 'https://arxiv.org/pdf/2108.07258.pdf');
        assert.strictEqual((await page.locator('.status').textContent())?.trim(), '✓ No problems');
        // The theme's variables reach the card: background and chip colours come from them.
        const colors = await page.evaluate(
          `[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.chip')).backgroundColor]`,
        );
        const expected = {
          light: ['rgb(255, 255, 255)', 'rgb(228, 228, 228)'],
          dark: ['rgb(31, 31, 31)', 'rgb(97, 97, 97)'],
          'high-contrast': ['rgb(0, 0, 0)', 'rgb(0, 0, 0)'],
        }[theme.name];
        assert.deepStrictEqual(colors, expected);
        assert.deepStrictEqual(await page.evaluate('window.__violations'), []);
        await screenshot(page, `card-seed-${theme.name}.png`);
        await page.close();
      });
    }
  });

  describe('a hostile resource', () => {
    for (const theme of [LIGHT, DARK]) {
      it(`renders as inert text (${theme.name} theme)`, async () => {
        const { page, dialogs } = await open(`hostile-${theme.name}`, card(hostile), theme);
        assert.strictEqual(await page.locator('#card-title').textContent(), '<img src=x onerror=alert(1)>');
        assert.strictEqual(await page.locator('img, iframe, svg:not(.tile-icon), object, embed, style').count(), 0);
        assert.strictEqual(await page.locator('script').count(), 1, 'only our own script');
        const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        assert.deepStrictEqual(hrefs, ['#'], 'the only link is the section reference');
        assert.strictEqual(await page.locator('.detail', { hasText: 'Link' }).locator('.inert-link').textContent(), 'javascript:alert(1)');
        assert.match(
          (await page.locator('.card-summary').textContent()) ?? '',
          /Read <script>window.__pwned='summary';alert\(1\)<\/script>/,
        );

        // Poke everything a user could: open the (collapsed) problem strip, hover and click every link and button.
        await page.locator('details.status > summary').click();
        for (const el of await page.locator('a, button, .flagged').all()) {
          await el.hover();
          await el.click();
        }
        await page.waitForTimeout(200);
        assert.deepStrictEqual(dialogs, [], 'no alert() ran');
        assert.strictEqual(await page.evaluate('window.__pwned'), undefined, 'no injected code ran');
        assert.deepStrictEqual(await page.evaluate('window.__violations'), [], 'nothing even tried to break the CSP');
        const posted = (await page.evaluate('window.__posted')) as { type: string }[];
        assert.ok(
          posted.every((m) => m.type !== 'openLink'),
          'no link was offered to the extension',
        );
        await screenshot(page, `card-hostile-${theme.name}.png`);
        await page.close();
      });
    }

    it('the CSP itself blocks markup that would slip past escaping', async () => {
      const { page, dialogs } = await open('csp-control', card(seed), LIGHT);
      await page.evaluate(`document.getElementById('card').insertAdjacentHTML('beforeend',
        '<img src="https://invalid.invalid/x.png" onerror="window.__pwned=1"><a id="js" href="javascript:window.__pwned=2">x</a><iframe src="about:blank"></iframe>')`);
      await page.locator('#js').click();
      await page.waitForTimeout(300);
      assert.strictEqual(await page.evaluate('window.__pwned'), undefined);
      assert.deepStrictEqual(dialogs, []);
      const violations = (await page.evaluate('window.__violations')) as string[];
      assert.ok(
        violations.some((v) => v.startsWith('script-src')),
        `violations: ${violations.join(', ')}`,
      );
      await page.close();
    });
  });

  describe('the preview script', () => {
    it('says ready, keeps the file in its state, and sends only http(s) links to the extension', async () => {
      const { page } = await open('script-links', card(seed), LIGHT);
      const before = page.url();
      await page.locator('.details a.external').click();
      assert.strictEqual(page.url(), before, 'the webview does not navigate itself');
      assert.deepStrictEqual(await page.evaluate('window.__posted'), [
        { type: 'ready' },
        { type: 'openLink', href: 'https://arxiv.org/pdf/2108.07258.pdf' },
      ]);
      assert.deepStrictEqual(await page.evaluate('window.__state'), { scrollY: 0, resource: SEED_URI, locked: false });
      await page.close();
    });

    it('asks the extension to reveal a problem or open a section when one is clicked', async () => {
      const { page } = await open('script-problems', card(hostile), LIGHT);
      // More than two problems: the strip starts collapsed to its summary line.
      assert.ok(!(await page.locator('button.problem').nth(1).isVisible()));
      await page.locator('details.status > summary').click();
      await page.locator('button.problem').nth(1).click();
      await page.locator('a.section-ref').click();
      assert.deepStrictEqual((await page.evaluate('window.__posted')) as unknown[], [
        { type: 'ready' },
        { type: 'reveal', problem: 1 },
        { type: 'openSection', section: '4.3' },
      ]);
      await page.close();
    });

    it('swaps in an updated card and keeps the scroll position', async () => {
      const long = seed + '\n\nMore text.\n'.repeat(80);
      const { page } = await open('script-update', card(long), LIGHT);
      await page.evaluate('window.scrollTo(0, 400)');
      await until(page, 'window.__state && window.__state.scrollY === 400');
      const updated = card(long.replace('title: "On the Opportunities', 'title: "Typed: On the Opportunities'));
      await page.evaluate(
        `window.postMessage(${JSON.stringify({ type: 'update', html: updated, resource: SEED_URI, locked: true })}, '*')`,
      );
      await until(page, `document.getElementById('card-title').textContent.startsWith('Typed:')`);
      assert.strictEqual(await page.evaluate('window.scrollY'), 400);
      assert.deepStrictEqual(await page.evaluate('window.__state'), { scrollY: 400, resource: SEED_URI, locked: true });
      await page.close();
    });

    it('restores the saved scroll position when the webview comes back', async () => {
      const long = seed + '\n\nMore text.\n'.repeat(80);
      const { page } = await open('script-restore', card(long), LIGHT, { scrollY: 300, resource: SEED_URI, locked: false });
      await page.evaluate(
        `window.postMessage(${JSON.stringify({ type: 'update', html: card(long), resource: SEED_URI, locked: false })}, '*')`,
      );
      await until(page, 'window.scrollY === 300');
      await page.close();
    });

    it("shows another file's card from its top", async () => {
      const long = seed + '\n\nMore text.\n'.repeat(80);
      const { page } = await open('script-other-file', card(long), LIGHT);
      await page.evaluate('window.scrollTo(0, 400)');
      await until(page, 'window.__state && window.__state.scrollY === 400');
      const other = 'file:///workspace/resources/other.md';
      await page.evaluate(
        `window.postMessage(${JSON.stringify({ type: 'update', html: card(long), resource: other, locked: false })}, '*')`,
      );
      await until(page, `window.__state.resource === ${JSON.stringify(other)}`);
      assert.strictEqual(await page.evaluate('window.scrollY'), 0);
      await page.close();
    });

    it('ignores messages that are not card updates', async () => {
      const { page } = await open('script-ignore', card(seed), LIGHT);
      await page.evaluate(
        `window.postMessage({ type: 'update', html: 42 }, '*'); window.postMessage('<b>x</b>', '*'); window.postMessage(null, '*')`,
      );
      await page.waitForTimeout(100);
      assert.strictEqual(await page.locator('#card-title').textContent(), 'On the Opportunities and Risks of Foundation Models');
      await page.close();
    });
  });
});
