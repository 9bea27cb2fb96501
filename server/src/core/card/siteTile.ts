import { Environment, type ILoader, type LoaderSource } from 'nunjucks/browser/nunjucks.js';
import { escapeHtml as esc } from './html';
import { renderSiteMarkdown } from './markdown';

/** One icon the site declares as a `<symbol>`: its SVG markup and the viewBox it is drawn in. */
export interface SiteIcon {
  body: string;
  viewBox?: string;
}

/**
 * The site's tile as the project read it from the workspace: every text the template may include,
 * the stylesheets (inlined, made inert by `siteAssets.ts`) and the icons it references. Rendering it
 * is pure: Nunjucks sees only these texts, never the disk.
 */
export interface SiteTemplate {
  /** The tile template's name among `templates`. */
  entry: string;
  /** Template texts by the name an `{% include %}` gives them (relative to the includes folder). */
  templates: ReadonlyMap<string, string>;
  css: string;
  icons: ReadonlyMap<string, SiteIcon>;
  /** Where the template is (root-relative), for the card's notes. */
  path: string;
}

/** Template variable → frontmatter field: how the site's listing page (`layouts/resources.njk`) fills the tile. */
export const DEFAULT_TILE_FIELDS: Readonly<Record<string, string>> = {
  title: 'title',
  tileURL: 'link',
  source: 'source',
  mediaType: 'type',
  readabilityList: 'readability',
  summary: 'summary',
};

export type SiteTileResult = { ok: true; html: string } | { ok: false; error: string };

const environments = new WeakMap<SiteTemplate, Environment>();

/** A Nunjucks environment over the template's texts only, with the filters the site's Eleventy adds. */
function environmentOf(template: SiteTemplate): Environment {
  let env = environments.get(template);
  if (env) return env;
  const loader: ILoader = {
    getSource: (name: string): LoaderSource => {
      const src = template.templates.get(name.replace(/^\.?\//, ''));
      // Nunjucks reports a missing template itself when a loader answers null.
      return (src === undefined ? null : { src, path: name, noCache: false }) as LoaderSource;
    },
  };
  // Eleventy's own defaults: autoescaping on (the tile marks what it trusts with `safe`), no watching.
  env = new Environment([loader], { autoescape: true, throwOnUndefined: false });
  env.addFilter('markdownFilter', (value: unknown) => renderSiteMarkdown(value));
  environments.set(template, env);
  return env;
}

/** The variables the tile gets from a frontmatter, by the mapping (the settings' entries over the default). */
export function tileVariables(data: Record<string, unknown>, fields: Readonly<Record<string, string>>): Record<string, unknown> {
  const mapping = { ...DEFAULT_TILE_FIELDS, ...fields };
  const variables: Record<string, unknown> = {};
  for (const [variable, field] of Object.entries(mapping)) {
    if (Object.prototype.hasOwnProperty.call(data, field)) variables[variable] = data[field];
  }
  return variables;
}

/**
 * The tile's HTML for one frontmatter, with the icon symbols it references prepended (the site
 * declares them once per page). Never throws: a template error is the result's `error`.
 */
export function renderSiteTile(
  template: SiteTemplate,
  data: Record<string, unknown>,
  fields: Readonly<Record<string, string>> = {},
): SiteTileResult {
  let html: string;
  try {
    html = environmentOf(template).render(template.entry, tileVariables(data, fields));
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return { ok: false, error: text.replace(/\s+/g, ' ').trim() };
  }
  return { ok: true, html: iconSprite(html, template.icons) + html };
}

const ICON_REFERENCE = /\b(?:xlink:)?href\s*=\s*["']#([\w.-]+)["']/g;

/** The `<symbol>`s of the icons the HTML references (`<use href="#source">`) that the site has, in a hidden sprite. */
export function iconSprite(html: string, icons: ReadonlyMap<string, SiteIcon>): string {
  const ids = new Set<string>();
  for (const m of html.matchAll(ICON_REFERENCE)) if (icons.has(m[1])) ids.add(m[1]);
  if (ids.size === 0) return '';
  const symbols = [...ids].map((id) => {
    const icon = icons.get(id)!;
    const viewBox = icon.viewBox ? ` viewBox="${esc(icon.viewBox)}"` : '';
    return `<symbol id="${esc(id)}"${viewBox}>${icon.body}</symbol>`;
  });
  return `<svg class="site-icons" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">${symbols.join('')}</svg>`;
}
