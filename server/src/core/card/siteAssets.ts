import type { SiteIcon } from './siteTile';

/**
 * Reading the site's own files for its tile: the viewBoxes its layouts declare for each icon, an
 * SVG file's markup, a stylesheet's local imports, and a stylesheet made unable to load anything.
 * Text-level on purpose: these are the site's files as written, not the resource being edited.
 */

const SYMBOL_TAG = /<symbol\b[^>]*>/gi;
const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** `<symbol id="source" viewBox="0 0 48 48">` declarations in the site's templates: id → viewBox. */
export function symbolViewBoxes(texts: Iterable<string>): Map<string, string> {
  const boxes = new Map<string, string>();
  for (const text of texts) {
    for (const m of text.matchAll(SYMBOL_TAG)) {
      const id = attribute(m[0], 'id');
      const viewBox = attribute(m[0], 'viewBox');
      if (id && viewBox && !boxes.has(id)) boxes.set(id, viewBox);
    }
  }
  return boxes;
}

/** The ids templates reference as icons (`<use xlink:href="#source" />`). */
export function referencedIcons(texts: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/\b(?:xlink:)?href\s*=\s*["']#([\w.-]+)["']/g)) ids.add(m[1]);
  return ids;
}

/**
 * An icon from an SVG file: the site's `_includes/svg/*.svg` hold only the shapes (the layout wraps
 * them in a `<symbol>` with its viewBox); a whole `<svg>` file gives its own viewBox and content.
 */
export function svgIcon(text: string, declaredViewBox: string | undefined): SiteIcon {
  const cleaned = text.replace(/<\?xml[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[\s\S]*?>/gi, '');
  const root = /<svg\b[^>]*>/i.exec(cleaned);
  if (!root) return { body: cleaned.trim(), viewBox: declaredViewBox };
  const end = cleaned.lastIndexOf('</svg>');
  const body = cleaned.slice(root.index + root[0].length, end > root.index ? end : undefined).trim();
  return { body, viewBox: declaredViewBox ?? attribute(root[0], 'viewBox') };
}

const IMPORT_RULE = /@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^\s;)]+))\s*\)?[^;]*;/gi;

/** The targets of a stylesheet's `@import`s, in order, as written. */
export function cssImports(text: string): string[] {
  return [...text.matchAll(IMPORT_RULE)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/**
 * A stylesheet that loads nothing: imports removed (the project inlines the local ones), and every
 * `url()` except `data:` replaced by `none`, so neither the webview's CSP nor the network sees a
 * request (fonts fall back to their `local()` names or the next family).
 */
export function inertCss(text: string): string {
  return text
    .replace(IMPORT_RULE, '')
    .replace(/@charset\s+[^;]*;/gi, '')
    .replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi, (whole, a?: string, b?: string, c?: string) =>
      /^\s*data:/i.test(a ?? b ?? c ?? '') ? whole : 'none',
    );
}

/**
 * The site's `body { … }` rules made to apply to the card's tile container as well: in the preview
 * the tile does not sit in the site's body, so what the site's body passes on (its font, colour)
 * reaches the tile through `.site-tile` instead.
 */
export function bodyRulesForTile(text: string): string {
  return text.replace(/(^|[{};]|\*\/)(\s*)body(\s*\{)/g, '$1$2body, .site-tile$3');
}
