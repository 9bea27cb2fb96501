/**
 * The site's own tile in the card preview, in headless Chromium: the page the webview gets (real
 * CSP, our script's sanitizer), given a card the product rendered from a site template.
 *
 * - Pixel check: the product's rendering of the seed resource beside the same tile rendered straight
 *   from the template and stylesheets by Nunjucks' own Node package and markdown-it (none of the
 *   product's code), compared pixel by pixel in Chromium's canvas. Once with the small site written
 *   for the tests (test/core/fixtures/site), once with the reference site's files in ../shared/site
 *   (skipped without them).
 * - Hostile template output and values stay inert: nothing runs, loads, frames or navigates.
 *
 * Needs /usr/bin/chromium, as card.test.ts; saves the images to test-results/.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import MarkdownIt from 'markdown-it';
import type { AddressInfo } from 'net';
import * as nunjucks from 'nunjucks';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewPage } from '../../client/src/preview/page';
import { MemoryWorkspace } from '../../server/src/core';
import { cardProblems } from '../../server/src/core/card/problems';
import { renderCard } from '../../server/src/core/card/render';
import { renderSiteTile, type SiteTemplate } from '../../server/src/core/card/siteTile';
import { createConfiguration } from '../../server/src/core/configuration';
import { loadSiteTemplate } from '../../server/src/core/project/siteTemplate';
import { analyzeText } from '../../server/src/core/service';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { LIGHT, DARK } from './themes';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const FIXTURE_SITE = path.join(ROOT, 'test/core/fixtures/site');
const SHARED_SITE = path.resolve(ROOT, '../shared/site');
const seed = fs.readFileSync(path.join(ROOT, 'test/core/fixtures/seed-resource.md'), 'utf8');
const SEED_URI = 'file:///workspace/resources/seed.md';
const WIDTH = 640;

/** A site folder's files as a workspace, under `site/`. */
function workspaceOf(dir: string, extra: Record<string, string> = {}): MemoryWorkspace {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(?:njk|css|svg)$/.test(entry.name))
        files[`site/${path.relative(dir, full).split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return new MemoryWorkspace({ folder: 'mem:///ws', files: { ...files, ...extra } });
}

/** The card the product renders for a resource text with a site template. */
function productCard(text: string, template: SiteTemplate): string {
  const config = createConfiguration();
  const analysis = analyzeText(text, config);
  const tile = renderSiteTile(template, analysis.parsed.data as Record<string, unknown>);
  assert.ok(tile.ok, tile.ok ? '' : tile.error);
  return renderCard(
    { parsed: analysis.parsed, vocabularies: config.vocabularies, problems: cardProblems(analysis, config) },
    { siteTile: { html: tile.html, css: template.css } },
  );
}

/** The page the site itself would serve around one tile: its icon symbols (as its listing layout declares them), its stylesheet. */
const REFERENCE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="{{ stylesheet }}"><title>reference</title></head>
<body style="margin: 0; background: #fff">
<svg xmlns="http://www.w3.org/2000/svg" style="display: none;">
  <symbol id="source" viewBox="0 0 48 48">{% include 'svg/source.svg' %}</symbol>
  <symbol id="media-type" viewBox="0 0 16 16">{% include 'svg/media-type.svg' %}</symbol>
  <symbol id="readability" viewBox="0 0 18 18">{% include 'svg/readability.svg' %}</symbol>
  <symbol id="summary" viewBox="0 0 62 62">{% include 'svg/summary.svg' %}</symbol>
</svg>
<div id="tile" style="width: {{ width }}px; padding: 1px 16px; margin: {{ top }}px 0 0 {{ left }}px">{% include "components/tile-item-resource.njk" %}</div>
</body></html>`;

/** The reference rendering, by Nunjucks' Node package over the site's includes folder, with the site's markdownFilter. */
function referencePage(
  site: string,
  data: Record<string, unknown>,
  stylesheet: string,
  box: { width: number; top: number; left: number },
): string {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(site, '_includes')), { autoescape: true });
  const md = new MarkdownIt({ html: true, breaks: true, linkify: true });
  env.addFilter('markdownFilter', (value: string) => md.render(value));
  return env.renderString(REFERENCE_PAGE, {
    stylesheet,
    // The same place on the pixel grid as the product's tile: text lands on the same subpixels.
    width: box.width - 32,
    top: box.top % 1,
    left: box.left % 1,
    title: data.title,
    tileURL: data.link,
    source: data.source,
    mediaType: data.type,
    readabilityList: data.readability,
    summary: data.summary,
  });
}

async function until(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function host(colors: Record<string, string>): string {
  return `(() => {
    window.__posted = []; window.__violations = [];
    let saved;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => saved,
      setState: (s) => { saved = s; window.__state = s; },
    });
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    document.addEventListener('DOMContentLoaded', () => {
      for (const [k, v] of Object.entries(${JSON.stringify(colors)})) document.documentElement.style.setProperty(k, v);
    });
  })();`;
}

describe("the site's tile in the card preview, in headless Chromium", function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let origin = '';
  const documents = new Map<string, string>();
  /** Every URL a page asked for: only the test server's, and never a remote one, may appear. */
  const requested: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it (see .ci/run).`);
      console.log(`      skipped: no Chromium at ${CHROMIUM}`);
      this.skip();
    }
    fs.mkdirSync(RESULTS, { recursive: true });
    server = http.createServer((req, res) => {
      const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
      const media = /^\/media\/(preview\.(?:css|js))$/.exec(url);
      const site = /^\/(fixture|shared)\/(styles\/[\w/.-]+\.css)$/.exec(url);
      if (media) {
        res.writeHead(200, { 'content-type': media[1].endsWith('.css') ? 'text/css' : 'text/javascript' });
        res.end(fs.readFileSync(path.join(ROOT, 'media', media[1])));
      } else if (site && !site[2].includes('..')) {
        const file = path.join(site[1] === 'fixture' ? FIXTURE_SITE : SHARED_SITE, site[2]);
        if (fs.existsSync(file)) res.writeHead(200, { 'content-type': 'text/css' }).end(fs.readFileSync(file));
        else res.writeHead(404).end();
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

  async function newPage(): Promise<{ page: Page; dialogs: string[] }> {
    const page = await browser!.newPage({ viewport: { width: WIDTH + 160, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requested.push(r.url()));
    return { page, dialogs };
  }

  /** The webview page exactly as the extension builds it, then the card posted to it as the extension posts it. */
  async function openCard(name: string, html: string, colors = LIGHT.colors): Promise<{ page: Page; dialogs: string[] }> {
    documents.set(
      `/${name}.html`,
      previewPage({
        cspSource: origin,
        nonce: `nonce${Math.random().toString(36).slice(2)}`,
        styleUri: `${origin}/media/preview.css`,
        scriptUri: `${origin}/media/preview.js`,
        body: '<p>Rendering…</p>',
        state: { resource: SEED_URI, locked: false },
      }),
    );
    const opened = await newPage();
    await opened.page.addInitScript(host(colors));
    await opened.page.goto(`${origin}/${name}.html`);
    await until(opened.page, 'window.__posted.length > 0');
    await opened.page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', html, resource: SEED_URI, locked: false })}, '*')`);
    await until(opened.page, `document.querySelector('.card-preview') !== null`);
    return opened;
  }

  /** Fraction of pixels that differ by more than `threshold` in any channel, computed in Chromium's canvas. */
  async function pixelDifference(a: Buffer, b: Buffer, diffFile: string): Promise<{ differing: number; total: number; sizes: string }> {
    const { page } = await newPage();
    const result = (await page.evaluate(
      `(async () => {
        const load = (src) => new Promise((resolve, reject) => { const i = new Image(); i.onload = () => resolve(i); i.onerror = reject; i.src = src; });
        const [x, y] = await Promise.all([load(${JSON.stringify(`data:image/png;base64,${a.toString('base64')}`)}), load(${JSON.stringify(`data:image/png;base64,${b.toString('base64')}`)})]);
        const w = Math.max(x.width, y.width), h = Math.max(x.height, y.height);
        const data = (img) => { const c = document.createElement('canvas'); c.width = w; c.height = h; const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, w, h); g.drawImage(img, 0, 0); return g.getImageData(0, 0, w, h).data; };
        const p = data(x), q = data(y);
        const out = document.createElement('canvas'); out.width = w; out.height = h;
        const g = out.getContext('2d'); const diff = g.createImageData(w, h);
        let differing = 0;
        for (let i = 0; i < p.length; i += 4) {
          const d = Math.max(Math.abs(p[i] - q[i]), Math.abs(p[i + 1] - q[i + 1]), Math.abs(p[i + 2] - q[i + 2]));
          const bad = d > 48;
          if (bad) differing++;
          diff.data[i] = bad ? 255 : p[i] * 0.3 + 178; diff.data[i + 1] = bad ? 0 : p[i + 1] * 0.3 + 178; diff.data[i + 2] = bad ? 0 : p[i + 2] * 0.3 + 178; diff.data[i + 3] = 255;
        }
        g.putImageData(diff, 0, 0);
        return { differing, total: w * h, sizes: x.width + 'x' + x.height + ' / ' + y.width + 'x' + y.height, png: out.toDataURL('image/png') };
      })()`,
    )) as { differing: number; total: number; sizes: string; png: string };
    fs.writeFileSync(path.join(RESULTS, diffFile), Buffer.from(result.png.split(',')[1], 'base64'));
    await page.close();
    return result;
  }

  /** The product's tile and the reference tile, screenshotted element by element, side by side in one image, and compared. */
  async function compare(kind: 'fixture' | 'shared', siteDir: string): Promise<void> {
    const site = await loadSiteTemplate(workspaceOf(siteDir), DEFAULT_SETTINGS.card);
    assert.ok(site.template, site.note);
    const { page: product } = await openCard(`site-${kind}`, productCard(seed, site.template));
    await until(product, `document.getElementById('site-styles') !== null`);
    // The product's tile sets the width the reference gets: the same box around the same text.
    const box = (await product.evaluate(
      `(() => { const r = document.querySelector('.site-tile').getBoundingClientRect(); return { width: r.width, top: r.top + window.scrollY, left: r.left }; })()`,
    )) as { width: number; top: number; left: number };
    const shot = await product.locator('.site-tile .tile-item').screenshot({ path: path.join(RESULTS, `site-tile-${kind}-product.png`) });

    const data = analyzeText(seed, createConfiguration()).parsed.data as Record<string, unknown>;
    documents.set(`/reference-${kind}.html`, referencePage(siteDir, data, `${origin}/${kind}/styles/main.css`, box));
    const { page: reference } = await newPage();
    await reference.goto(`${origin}/reference-${kind}.html`);
    const expected = await reference
      .locator('#tile .tile-item')
      .screenshot({ path: path.join(RESULTS, `site-tile-${kind}-reference.png`) });

    // Both, beside each other, for the README and for a person to look at.
    documents.set(
      `/beside-${kind}.html`,
      `<!DOCTYPE html><body style="margin:0;display:inline-flex;gap:24px;padding:16px;background:#f3f3f3;font:14px sans-serif">` +
        `<figure style="margin:0"><figcaption>The card preview (the product)</figcaption><img src="data:image/png;base64,${shot.toString('base64')}"></figure>` +
        `<figure style="margin:0"><figcaption>Nunjucks and the site's stylesheets</figcaption><img src="data:image/png;base64,${expected.toString('base64')}"></figure></body>`,
    );
    const { page: beside } = await newPage();
    await beside.setViewportSize({ width: 2 * WIDTH + 300, height: 900 });
    await beside.goto(`${origin}/beside-${kind}.html`);
    await beside.locator('body').screenshot({ path: path.join(RESULTS, `site-tile-${kind}-beside.png`) });
    await beside.close();

    const diff = await pixelDifference(shot, expected, `site-tile-${kind}-diff.png`);
    console.log(`      ${kind}: ${diff.differing} of ${diff.total} pixels differ by more than 48 in a channel (${diff.sizes})`);
    assert.ok(diff.differing / diff.total < 0.005, `${diff.differing} of ${diff.total} pixels differ (${diff.sizes})`);
    assert.deepStrictEqual(await product.evaluate('window.__violations'), [], 'the site CSS and icons load nothing the CSP must stop');
    await product.close();
    await reference.close();
  }

  it('renders the seed resource with the test site as Nunjucks and the site stylesheets do, pixel for pixel', async () => {
    await compare('fixture', FIXTURE_SITE);
  });

  it("renders the seed resource with the reference site's own files as Nunjucks and its stylesheets do (../shared/site)", async function () {
    if (!fs.existsSync(path.join(SHARED_SITE, '_includes/components/tile-item-resource.njk'))) {
      console.log('      skipped: no ../shared/site');
      this.skip();
    }
    await compare('shared', SHARED_SITE);
  });

  it('toggles between the tile alone and every field, and collapses a long problem strip to one line', async () => {
    const site = await loadSiteTemplate(workspaceOf(FIXTURE_SITE), DEFAULT_SETTINGS.card);
    const broken = seed
      .replace('readability: ["Expert"]', 'readability: ["Expertise"]')
      .replace('focus: "Methods or Design"', 'focus: "Method"')
      .replace('source: "CRFM and HAI"\n', '');
    const { page } = await openCard('site-toggle', productCard(broken, site.template!), DARK.colors);
    assert.strictEqual(await page.locator('details.status').getAttribute('open'), null, 'three problems: collapsed');
    assert.ok(await page.locator('.all-fields').isVisible());
    await page.locator('button.view-button[data-view="site"]').click();
    assert.ok(!(await page.locator('.all-fields').isVisible()));
    assert.strictEqual(await page.locator('button.view-button[data-view="site"]').getAttribute('aria-pressed'), 'true');
    await page.locator('details.status > summary').click();
    assert.strictEqual(await page.locator('details.status').getAttribute('open'), '');
    // A re-render keeps both choices.
    const again = productCard(broken.replace('Foundation Models', 'Foundation Models, again'), site.template!);
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', html: again, resource: SEED_URI, locked: false })}, '*')`);
    await until(page, `document.querySelector('.site-tile h2').textContent.includes('again')`);
    assert.ok(!(await page.locator('.all-fields').isVisible()));
    assert.strictEqual(await page.locator('details.status').getAttribute('open'), '');
    await page.screenshot({ path: path.join(RESULTS, 'site-card-dark.png'), fullPage: true });
    await page.close();
  });

  it('keeps a hostile template and hostile values inert: nothing runs, loads, frames or navigates', async () => {
    const hostileTemplate = [
      '<a href="{{ tileURL }}"><div class="tile-item"><h2 class="h3">{{ title | safe }}</h2>',
      '<script>window.__pwned = "script"</script>',
      '<img src="https://invalid.invalid/i.png" onerror="window.__pwned = \'img\'">',
      '<meta http-equiv="refresh" content="0;url=https://invalid.invalid/meta">',
      '<iframe src="https://invalid.invalid/frame"></iframe><object data="https://invalid.invalid/o"></object>',
      '<link rel="stylesheet" href="https://invalid.invalid/l.css"><style>@import url("https://invalid.invalid/s.css"); body { background: url(https://invalid.invalid/b.png) }</style>',
      '<base href="https://invalid.invalid/"><form action="https://invalid.invalid/f"><button id="submit">go</button></form>',
      '<svg><a href="javascript:window.__pwned=\'svg\'"><text y="20">svg link</text></a><animate attributeName="href" to="javascript:alert(1)"/>',
      '<use href="https://invalid.invalid/u.svg#x"/><image href="https://invalid.invalid/im.png"/></svg>',
      '<a id="js" href="javascript:window.__pwned=\'js\'">js</a><a id="rel" href="other.html">relative</a>',
      '<div class="site-styles" data-css="body { background: url(https://invalid.invalid/forged.png) }"></div>',
      '<div style="background: url(https://invalid.invalid/inline.png)">inline</div>',
      '{{ summary | markdownFilter | safe }}</div></a></div></div><img id="outside" src="https://invalid.invalid/outside.png">',
    ].join('\n');
    // The site's stylesheet, with every other spelling of a request that CSS has.
    const hostileCss =
      fs.readFileSync(path.join(FIXTURE_SITE, 'styles/main.css'), 'utf8') +
      [
        '.site-tile { background: \\75 rl(https://invalid.invalid/escaped.png); }',
        '.site-tile h2 { background-image: image-set("https://invalid.invalid/set.png" 1x); }',
        '.site-tile a { background-image: -webkit-image-set("https://invalid.invalid/webkit-set.png" 1x); }',
        '.site-tile div { background-image: \\5c 75 rl(https://invalid.invalid/twice.png); }',
        "@font-face { font-family: x; src: url('https://invalid.invalid/f.woff2'); } .site-tile { font-family: x; }",
      ].join('\n');
    const ws = workspaceOf(FIXTURE_SITE, {
      'site/_includes/components/tile-item-resource.njk': hostileTemplate,
      'site/styles/main.css': hostileCss,
    });
    const site = await loadSiteTemplate(ws, DEFAULT_SETTINGS.card);
    const text = seed
      .replace('title: "On the Opportunities and Risks of Foundation Models"', 'title: "<img src=x onerror=window.__pwned=1>"')
      .replace('link: "https://arxiv.org/pdf/2108.07258.pdf"', 'link: "javascript:window.__pwned=2"')
      .replace(
        /summary: ".*"/,
        'summary: "<img src=\\"https://invalid.invalid/md.png\\" onerror=\\"window.__pwned=3\\"> <a href=\\"javascript:alert(1)\\">x</a>"',
      );
    requested.length = 0;
    const { page, dialogs } = await openCard('site-hostile', productCard(text, site.template!));
    const before = page.url();
    assert.strictEqual(await page.locator('script').count(), 1, 'only our own script');
    assert.strictEqual(
      await page
        .locator('#card iframe, #card object, #card meta, #card link, #card style, #card base, #card form, #card img[src], #card [srcset]')
        .count(),
      0,
    );
    for (const el of await page.locator('#card a, #card button, #card svg a').all()) {
      await el.click({ force: true }).catch(() => undefined);
    }
    await page.waitForTimeout(500);
    assert.strictEqual(page.url(), before, 'the webview did not navigate');
    assert.deepStrictEqual(dialogs, []);
    assert.strictEqual(await page.evaluate('window.__pwned'), undefined, 'no injected code ran');
    const remote = requested.filter((u) => !u.startsWith(origin));
    assert.deepStrictEqual(remote, [], 'nothing remote was even requested');
    const posted = (await page.evaluate('window.__posted')) as { type: string; href?: string }[];
    assert.ok(
      posted.every((m) => m.type !== 'openLink' || /^https?:/.test(m.href ?? '')),
      JSON.stringify(posted),
    );
    const css = (await page.evaluate(`document.getElementById('site-styles')?.textContent ?? ''`)) as string;
    assert.ok(!css.includes('forged'), 'a stylesheet forged by the template is ignored');
    await page.screenshot({ path: path.join(RESULTS, 'site-card-hostile.png'), fullPage: true });
    await page.close();
  });
});
