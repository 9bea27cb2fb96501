import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MemoryWorkspace } from '../../server/src/core';
import { cssImports, inertCss, svgIcon, symbolViewBoxes } from '../../server/src/core/card/siteAssets';
import { renderSiteTile, tileVariables } from '../../server/src/core/card/siteTile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { loadSiteTemplate, type SiteCardState } from '../../server/src/core/project/siteTemplate';
import { editorSection, FOLDER, startServerProject, uriOf } from './project/helpers';

const SITE = path.join(__dirname, 'fixtures/site');

/** The fixture site's files by root-relative path, under `prefix`. */
function siteFiles(prefix = 'site/'): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[prefix + path.relative(SITE, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(SITE);
  return out;
}

const DATA = {
  title: 'Fairness <b>in</b> ML',
  link: 'https://example.org/fair',
  source: 'CRFM & HAI',
  type: 'PDF Article',
  readability: ['Beginner', 'Intermediate'],
  summary: 'A *survey*,\nwith a break: https://example.org/x and <em>raw HTML</em>.',
};

async function load(files: Record<string, string>, card = DEFAULT_SETTINGS.card, trusted = true): Promise<SiteCardState> {
  return loadSiteTemplate(new MemoryWorkspace({ folder: FOLDER, files, trusted }), card);
}

describe("the site's own tile (Nunjucks over the workspace's template)", () => {
  it('finds the template anywhere, its includes folder, the icons it references and the stylesheets main.css imports', async () => {
    const site = await load(siteFiles());
    const t = site.template!;
    assert.ok(t, site.note);
    assert.strictEqual(t.path, 'site/_includes/components/tile-item-resource.njk');
    assert.strictEqual(t.entry, 'components/tile-item-resource.njk');
    assert.deepStrictEqual([...t.icons.keys()].sort(), ['media-type', 'readability', 'source', 'summary']);
    assert.strictEqual(t.icons.get('source')!.viewBox, '0 0 48 48', 'the viewBox the layout declares');
    assert.match(t.css, /--color-green-dark: #465d8b/);
    assert.match(t.css, /\.tile-item \{/);
    assert.ok(!/@import|url\("\.\.\/fonts/.test(t.css), 'imports inlined, outside URLs gone');
    assert.ok(t.css.indexOf('--color-green-dark') < t.css.indexOf('.tile-resource'), 'imported sheets come first, in order');
  });

  it('renders the tile as Eleventy would: mapped variables, replace and safe, the site markdownFilter, icon symbols', async () => {
    const { template } = await load(siteFiles());
    const result = renderSiteTile(template!, DATA);
    assert.ok(result.ok, !result.ok ? result.error : '');
    const html = result.ok ? result.html : '';
    assert.match(html, /<a href="https:\/\/example.org\/fair">/);
    assert.match(html, /<h2 class="h3">Fairness &lt;b>in&lt;\/b> ML<\/h2>/, 'replace("<", "&lt;") | safe');
    assert.match(html, /Source: CRFM & HAI/, 'safe: as written');
    assert.match(html, /Media Type: PDF Article/);
    assert.match(html, /<li>Beginner,&MediumSpace;<\/li><li>Intermediate<\/li>/);
    assert.match(
      html,
      /<p>A <em>survey<\/em>,<br>\nwith a break: <a href="https:\/\/example.org\/x">https:\/\/example.org\/x<\/a> and <em>raw HTML<\/em>.<\/p>/,
    );
    assert.match(html, /^<svg class="site-icons"[^>]*><symbol id="source" viewBox="0 0 48 48"><circle/);
    assert.strictEqual((html.match(/<symbol /g) ?? []).length, 4);
  });

  it('leaves out the readability line without readability, and maps variables from the settings', async () => {
    const { template } = await load(siteFiles());
    const plain = renderSiteTile(template!, { ...DATA, readability: undefined });
    assert.ok(plain.ok && !plain.html.includes('Readability:'));
    assert.deepStrictEqual(tileVariables({ url: 'u', title: 't' }, { tileURL: 'url' }), { tileURL: 'u', title: 't' });
    const mapped = renderSiteTile(template!, { ...DATA, publisher: 'Someone else' }, { source: 'publisher' });
    assert.ok(mapped.ok && mapped.html.includes('Source: Someone else'));
  });

  it('says why not: a template error, a template named in the settings that is not there, Restricted Mode', async () => {
    const files = siteFiles();
    files['site/_includes/components/tile-item-resource.njk'] = '<h2>{{ title | nosuchfilter }}</h2>';
    const broken = await load(files);
    const result = renderSiteTile(broken.template!, DATA);
    assert.ok(!result.ok && /nosuchfilter/.test(result.error), JSON.stringify(result));

    const missing = await load(siteFiles(), { ...DEFAULT_SETTINGS.card, template: 'src/tile.njk' });
    assert.strictEqual(missing.template, undefined);
    assert.match(missing.note!, /resourceAuthoring.card.template: src\/tile.njk is not in the folder/);

    const untrusted = await load(siteFiles(), DEFAULT_SETTINGS.card, false);
    assert.strictEqual(untrusted.template, undefined);
    assert.match(
      untrusted.note!,
      /^Restricted Mode: the site's template \(site\/_includes\/components\/tile-item-resource.njk\) is not run/,
    );

    assert.deepStrictEqual(await load({ 'resources/a.md': '---\n---\n' }), {}, 'no template: the built-in card, no note');
  });

  it('reads icons and stylesheets as the site writes them', () => {
    assert.deepStrictEqual(
      [...symbolViewBoxes(['<symbol id="a" viewBox="0 0 1 1">', "<symbol viewBox='0 0 2 2' id='b'>"])],
      [
        ['a', '0 0 1 1'],
        ['b', '0 0 2 2'],
      ],
    );
    assert.deepStrictEqual(svgIcon('<?xml version="1.0"?><svg viewBox="0 0 9 9"><path d="M0 0"/></svg>', undefined), {
      body: '<path d="M0 0"/>',
      viewBox: '0 0 9 9',
    });
    assert.deepStrictEqual(cssImports('@import url("./a.css");\n@import "b.css" screen;\n@import url(c.css);'), [
      './a.css',
      'b.css',
      'c.css',
    ]);
    assert.strictEqual(
      inertCss(
        '@import url("https://evil.example/x.css");\n.a { background: url(https://evil.example/p.png); b: url("data:image/png;base64,AA"); }',
      ),
      '\n.a { background: none; b: url("data:image/png;base64,AA"); }',
    );
    // Other spellings of a request: an escaped url(, image-set() with plain strings, an escaped backslash
    // that would be decoded twice, a string naming a network path; a data: SVG keeps its namespace.
    const css = inertCss(
      [
        '.e { background: \\75 rl(https://evil.example/e.png); }',
        '.f { background: image-set("https://evil.example/f.png" 1x); }',
        '.g { background: -webkit-image-set("https://evil.example/g.png" 1x); }',
        '.h { background: \\5c 75 rl(https://evil.example/h.png); }',
        '.i { background: IMAGE-SET("//evil.example/i.png" 1x); }',
        '.j { background: url("data:image/svg+xml,<svg xmlns=\'http://www.w3.org/2000/svg\'/>"); content: "Source: "; }',
      ].join('\n'),
    );
    assert.ok(!/url\((?!"data:)/i.test(css), css);
    assert.ok(!/(?<![\w-])(?:-webkit-)?image-set\(/i.test(css), css);
    assert.ok(!css.includes('\\'), css);
    assert.match(css, /url\("data:image\/svg\+xml,<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg'\/>"\); content: "Source: ";/);
  });

  it('the project renders the site tile in the card, with the site CSS, and reads the template again when it changes', async () => {
    const files = { ...siteFiles(), 'resources/a.md': '---\ntitle: "First"\n---\n' };
    const ws = new MemoryWorkspace({ folder: FOLDER, files, settings: editorSection({}) });
    const { project } = await startServerProject(ws);
    try {
      ws.openDocumentWith('resources/a.md');
      const first = await project.renderCard(uriOf('resources/a.md'));
      assert.match(first!.html, /<div class="site-view from-template"><div class="site-tile"><svg class="site-icons"/);
      assert.match(first!.html, /<h2 class="h3">First<\/h2>/);
      assert.match(first!.html, /<div class="site-styles" hidden data-css="[^"]*--color-green-dark/);
      ws.writeFile('site/_includes/components/tile-item-resource.njk', '<h2 class="changed">{{ title }}</h2>');
      const second = await project.renderCard(uriOf('resources/a.md'));
      assert.match(second!.html, /<h2 class="changed">First<\/h2>/);
    } finally {
      project.dispose();
    }
  });

  it('in Restricted Mode the project shows the built-in tile with the line saying why', async () => {
    const files = { ...siteFiles(), 'resources/a.md': '---\ntitle: "First"\n---\n' };
    const ws = new MemoryWorkspace({ folder: FOLDER, files, settings: editorSection({}), trusted: false });
    const { project } = await startServerProject(ws);
    try {
      ws.openDocumentWith('resources/a.md');
      const card = await project.renderCard(uriOf('resources/a.md'));
      assert.match(card!.html, /<p class="notice site-note">Restricted Mode: the site&#39;s template/);
      assert.match(card!.html, /<div class="site-view"><article class="card tile-item"/);
      assert.ok(!card!.html.includes('site-styles'));
    } finally {
      project.dispose();
    }
  });
});
