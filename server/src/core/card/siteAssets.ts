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
 * CSS escapes (`\75 rl(` is `url(`) decoded first, so no spelling of a loading function slips past the
 * rewrite below; a backslash left after decoding (an escaped backslash) is dropped, or the browser would
 * decode the text a second time.
 */
function decodeCssEscapes(text: string): string {
  return text
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\r\n\f]?|\\([^\r\n\f0-9a-fA-F])/g, (_whole, hex?: string, char?: string) => {
      if (char !== undefined) return char;
      const code = parseInt(hex ?? '0', 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
    })
    .replace(/\\/g, '');
}

/**
 * A stylesheet that loads nothing: escapes decoded, imports removed (the project inlines the local
 * ones), every `url()` except `data:` replaced by `none`, the functions that take a URL as a plain
 * string (`image-set()`, `-webkit-image-set()`, `src()`) renamed so that their declarations are
 * invalid and dropped, and any other string naming a fetching scheme or a network path emptied. Neither the
 * webview's CSP nor the network sees a request (fonts fall back to their `local()` names or the next
 * family).
 */
export function inertCss(text: string): string {
  return decodeCssEscapes(text)
    .replace(IMPORT_RULE, '')
    .replace(/@charset\s+[^;]*;/gi, '')
    .replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi, (whole, a?: string, b?: string, c?: string) =>
      /^\s*data:/i.test(a ?? b ?? c ?? '') ? whole : 'none',
    )
    .replace(/(?<![\w-])((?:-webkit-)?image-set|src)\(/gi, 'inert-$1(')
    .replace(
      /"[^"\n]*(?:(?:https?|ftps?|wss?|file|blob):|\/\/)[^"\n]*"|'[^'\n]*(?:(?:https?|ftps?|wss?|file|blob):|\/\/)[^'\n]*'/gi,
      (str) =>
        // A data: URL stays (an SVG one names its namespace, http://www.w3.org/2000/svg): an image from one loads nothing.
        /^["']\s*data:/i.test(str) ? str : '""',
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
