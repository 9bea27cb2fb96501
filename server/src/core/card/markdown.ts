import MarkdownIt from 'markdown-it';
import type { Env, StateCore, Token } from 'markdown-it';
import { isWebUrl } from './html';
import { destinationReference, parseReferences } from '../report/references';
import type { SectionResolver, SectionTarget } from './sections';

/** What one render call passes to the rules below (markdown-it's `env`). */
interface CardEnv extends Env {
  sections?: SectionResolver;
  /** Heading level the rendered text's `#` maps to, so it nests under the card's own headings. */
  headingBase: number;
}

/**
 * One markdown-it for every card: raw HTML off (a `<script>` in a summary is text), links only to
 * http(s) or to a report section, images only from https, headings nested under the card's.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

// Let through absolute web URLs, and relative ones that may be links into the report; every other
// scheme (javascript:, command:, file:, data:, vscode:) stays literal text. `dropUnresolvedLinks`
// turns relative links that name no section into plain text afterwards.
md.validateLink = (url: string): boolean => isWebUrl(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim());

const defaultImage = md.renderer.rules.image;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  // The CSP allows https: images only; anything else is shown as its alt text rather than a broken image.
  if (!/^https:\/\//i.test(src) || !isWebUrl(src) || !defaultImage) return md.utils.escapeHtml(token.content);
  token.attrSet('loading', 'lazy');
  return defaultImage(tokens, idx, options, env, self);
};

function sectionLinkOpen(state: StateCore, target: SectionTarget): Token {
  const open = new state.Token('link_open', 'a', 1);
  open.attrs = [
    ['href', '#'],
    ['class', 'section-ref'],
    ['data-section', target.number],
  ];
  open.attrSet('title', target.title ? `Open §${target.number} ${target.title} in the report` : `Open §${target.number} in the report`);
  return open;
}

/** Links: web links open outside the editor; relative links become section links or plain text. */
function rewriteLinks(state: StateCore): void {
  const env = state.env as CardEnv;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children = block.children;
    const opened: Token[] = [];
    for (const token of children) {
      if (token.type === 'link_open') {
        const href = String(token.attrGet('href') ?? '');
        opened.push(token);
        if (isWebUrl(href)) {
          token.attrJoin('class', 'external');
          token.attrSet('rel', 'noopener noreferrer');
          token.attrSet('title', href);
          continue;
        }
        const ref = env.sections ? destinationReference(href) : undefined;
        const target = ref && env.sections?.resolve(ref, href);
        if (target) {
          token.attrs = [
            ['href', '#'],
            ['class', 'section-ref'],
            ['data-section', target.number],
          ];
        } else {
          // Not a place the preview can open: keep the text, say where it pointed.
          token.tag = 'span';
          token.attrs = [
            ['class', 'inert-link'],
            ['title', `Link to ${href} (not opened from the preview)`],
          ];
        }
      } else if (token.type === 'link_close') {
        const open = opened.pop();
        if (open) token.tag = open.tag;
      }
    }
  }
}

/** A stretch of the rendered text that the section links cover, with what each links to. */
interface RunLink {
  start: number;
  end: number;
  target: SectionTarget;
}

/** Tokens of running text: a reference's label may sit after a line break (`§4.3:` / `adaptation`). */
const isRunToken = (t: Token): boolean => t.type === 'text' || t.type === 'softbreak' || t.type === 'hardbreak';

/**
 * `§4.3: adaptation` in text (outside links and code) becomes a link to that section of the report.
 * Each run of text and line breaks is read as one text (a break is `\n`) by the editor's parser;
 * the links are cut back into the run's tokens at the references' offsets.
 */
function linkSectionReferences(state: StateCore): void {
  const sections = (state.env as CardEnv).sections;
  if (!sections) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    const children = block.children;
    let inLink = 0;
    for (let i = 0; i < children.length;) {
      const token = children[i];
      if (inLink > 0 || !isRunToken(token)) {
        if (token.type === 'link_open') inLink++;
        if (token.type === 'link_close') inLink--;
        out.push(token);
        i++;
        continue;
      }
      let j = i;
      while (j < children.length && isRunToken(children[j])) j++;
      const run = children.slice(i, j);
      const text = run.map((t) => (t.type === 'text' ? t.content : '\n')).join('');
      const links: RunLink[] = [];
      for (const ref of text.includes('§') ? parseReferences(text) : []) {
        if (ref.kind !== 'section' || ref.start < (links[links.length - 1]?.end ?? 0)) continue;
        const target = sections.resolve(ref, text);
        if (target) links.push({ start: ref.start, end: Math.max(ref.end, target.end ?? ref.end), target });
      }
      if (links.length === 0) out.push(...run);
      else out.push(...cutIntoLinks(state, run, links));
      i = j;
    }
    block.children = out;
  }
}

/** The run's tokens with link_open/link_close around each link's stretch (text tokens split where needed). */
function cutIntoLinks(state: StateCore, run: Token[], links: RunLink[]): Token[] {
  const out: Token[] = [];
  let next = 0;
  let open: RunLink | undefined;
  let offset = 0;
  for (const token of run) {
    if (token.type !== 'text') {
      // A line break: inside a link when one is open (a reference starts at § and ends after a letter or digit).
      out.push(token);
      offset++;
      continue;
    }
    const end = offset + token.content.length;
    let at = offset;
    while (at < end) {
      if (open) {
        const stop = Math.min(open.end, end);
        out.push(textToken(state, token.content.slice(at - offset, stop - offset)));
        at = stop;
        if (stop === open.end) {
          out.push(new state.Token('link_close', 'a', -1));
          open = undefined;
        }
        continue;
      }
      const link = links[next];
      if (link && link.start < end) {
        if (link.start > at) out.push(textToken(state, token.content.slice(at - offset, link.start - offset)));
        at = Math.max(at, link.start);
        out.push(sectionLinkOpen(state, link.target));
        open = link;
        next++;
        continue;
      }
      out.push(textToken(state, token.content.slice(at - offset)));
      at = end;
    }
    offset = end;
  }
  if (open) out.push(new state.Token('link_close', 'a', -1));
  return out;
}

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  return t;
}

function nestHeadings(state: StateCore): void {
  const base = (state.env as CardEnv).headingBase;
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(6, Number(token.tag.slice(1)) + base - 1);
      token.tag = `h${level}`;
    }
  }
}

md.core.ruler.push('card_links', rewriteLinks);
md.core.ruler.push('card_section_references', linkSectionReferences);
md.core.ruler.push('card_headings', nestHeadings);

/** Markdown → HTML for the card: safe for any input (see the rules above). */
export function renderMarkdown(source: string, options: { sections?: SectionResolver; headingBase?: number } = {}): string {
  const env: CardEnv = { sections: options.sections, headingBase: options.headingBase ?? 3 };
  return md.render(source, env);
}

/**
 * The site's own `markdownFilter`: markdown-it with the options the site's Eleventy configuration
 * gives it, raw HTML included. Only a site template's output uses it; the webview's sanitizer and
 * CSP keep what it lets through inert.
 */
const siteMd = new MarkdownIt({ html: true, breaks: true, linkify: true });

export function renderSiteMarkdown(source: unknown): string {
  return typeof source === 'string' ? siteMd.render(source) : '';
}
