import { bodyRulesForTile, cssImports, inertCss, referencedIcons, svgIcon, symbolViewBoxes } from '../card/siteAssets';
import type { SiteIcon, SiteTemplate } from '../card/siteTile';
import type { Workspace } from '../host';
import { uriOf } from '../paths';
import type { CardSettings } from '../settings';

/** Where the reference site keeps its tile, relative to its Eleventy input folder. */
export const DEFAULT_TILE_TEMPLATE = '_includes/components/tile-item-resource.njk';
const DEFAULT_STYLESHEET = 'styles/main.css';
/** A site's templates, stylesheets and icons are small; these keep a stray huge file from being inlined. */
const MAX_FILE_CHARS = 512 * 1024;
const MAX_TEMPLATES = 400;
const MAX_CSS_CHARS = 2 * 1024 * 1024;

/** What the card is rendered with: the site's tile when there is one and it may run, and why not otherwise. */
export interface SiteCardState {
  template?: SiteTemplate;
  /** A line for the card when the site's template exists but is not used (Restricted Mode, a missing file). */
  note?: string;
}

const isSiteFile = (rel: string) => /\.(?:njk|css|svg)$/i.test(rel);

/**
 * The site's tile template, read from the workspace once and again after one of its kind of files
 * (templates, stylesheets, SVGs) or the settings change. Only a trusted workspace's template is
 * loaded: Nunjucks templates are JavaScript in all but name.
 */
export class SiteTemplateStore {
  private pending: Promise<SiteCardState> | undefined;

  /** True when a changed file may be part of the site's tile. */
  affects(relativePath: string): boolean {
    return isSiteFile(relativePath);
  }

  invalidate(): void {
    this.pending = undefined;
  }

  current(workspace: Workspace, settings: CardSettings): Promise<SiteCardState> {
    this.pending ??= loadSiteTemplate(workspace, settings).catch((e: unknown) => ({
      note: `The site's template could not be read (${e instanceof Error ? e.message : String(e)}); this is the built-in card.`,
    }));
    return this.pending;
  }
}

const dirOf = (rel: string) => rel.slice(0, rel.lastIndexOf('/') + 1);

/** `base`-relative `target` as a root-relative path; undefined when it leaves the folder or is remote. */
function joinRelative(base: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return undefined;
  const parts = (target.startsWith('/') ? target.slice(1) : dirOf(base) + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};

export async function loadSiteTemplate(workspace: Workspace, settings: CardSettings): Promise<SiteCardState> {
  const folder = workspace.folder;
  if (!folder) return {};
  const files = await workspace.findFiles(isSiteFile);
  const named = settings.template.replace(/^\.?\//, '');
  const path = named || files.find((f) => f === DEFAULT_TILE_TEMPLATE || f.endsWith(`/${DEFAULT_TILE_TEMPLATE}`));
  if (!path) return {};
  if (named && !files.includes(named))
    return { note: `resourceAuthoring.card.template: ${named} is not in the folder; this is the built-in card.` };
  if (!workspace.trusted) {
    return {
      note: `Restricted Mode: the site's template (${path}) is not run, since a Nunjucks template can run code; this is the built-in card.`,
    };
  }
  const read = async (rel: string) => {
    const text = await workspace.readText(uriOf(folder, rel));
    return text !== undefined && text.length <= MAX_FILE_CHARS ? text : undefined;
  };

  // Nunjucks names templates from the includes folder (`components/…`, `svg/…`), as Eleventy does.
  const at = path.lastIndexOf('_includes/');
  const root = at >= 0 ? path.slice(0, at + '_includes/'.length) : dirOf(path);
  const templates = new Map<string, string>();
  for (const rel of files.filter((f) => f.startsWith(root) && /\.(?:njk|svg)$/i.test(f)).slice(0, MAX_TEMPLATES)) {
    const text = await read(rel);
    if (text !== undefined) templates.set(rel.slice(root.length), text);
  }
  const entry = path.slice(root.length);
  if (!templates.has(entry)) return { note: `The site's template ${path} cannot be read; this is the built-in card.` };

  const njk = [...templates].filter(([name]) => name.endsWith('.njk')).map(([, text]) => text);
  const icons = await readIcons(files, root, njk, read);
  const sheets =
    settings.stylesheets.length > 0 ? settings.stylesheets.map((s) => s.replace(/^\.?\//, '')) : defaultStylesheets(files, path);
  const css = await inlineStylesheets(sheets, read);
  return { template: { entry, templates, css, icons, path } };
}

/** The icons the templates reference, from the SVG files named after them (the includes folder's first). */
async function readIcons(
  files: readonly string[],
  root: string,
  njk: readonly string[],
  read: (rel: string) => Promise<string | undefined>,
): Promise<Map<string, SiteIcon>> {
  const boxes = symbolViewBoxes(njk);
  const icons = new Map<string, SiteIcon>();
  const svgs = files.filter((f) => f.toLowerCase().endsWith('.svg'));
  for (const id of referencedIcons(njk)) {
    const name = `${id}.svg`;
    const candidates = svgs.filter((f) => f === name || f.endsWith(`/${name}`));
    const file = candidates.find((f) => f.startsWith(root)) ?? candidates[0];
    const text = file ? await read(file) : undefined;
    if (text !== undefined) icons.set(id, svgIcon(text, boxes.get(id)));
  }
  return icons;
}

/** The site's `styles/main.css` nearest the template (the reference site's entry stylesheet). */
function defaultStylesheets(files: readonly string[], template: string): string[] {
  const mains = files.filter((f) => f === DEFAULT_STYLESHEET || f.endsWith(`/${DEFAULT_STYLESHEET}`));
  mains.sort((a, b) => commonPrefix(b, template) - commonPrefix(a, template) || a.length - b.length);
  return mains.slice(0, 1);
}

/** The stylesheets with their local imports inlined in place (depth first, each once), made inert. */
async function inlineStylesheets(sheets: readonly string[], read: (rel: string) => Promise<string | undefined>): Promise<string> {
  const seen = new Set<string>();
  const parts: string[] = [];
  let size = 0;
  const visit = async (rel: string, depth: number): Promise<void> => {
    if (seen.has(rel) || depth > 8 || size > MAX_CSS_CHARS) return;
    seen.add(rel);
    const text = await read(rel);
    if (text === undefined) return;
    for (const target of cssImports(text)) {
      const next = joinRelative(rel, target);
      if (next) await visit(next, depth + 1);
    }
    const own = bodyRulesForTile(inertCss(text));
    size += own.length;
    parts.push(`/* ${rel.replace(/\*\//g, '* /')} */\n${own}`);
  };
  for (const sheet of sheets) await visit(sheet, 0);
  return parts.join('\n');
}
