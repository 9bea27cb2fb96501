import MarkdownIt from 'markdown-it';
import type { Env, StateCore, Token } from 'markdown-it';
import { isWebUrl } from './html';
import { findSectionReferences, type SectionResolver, type SectionTarget } from './sections';

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

function sectionLink(state: StateCore, target: SectionTarget, text: string): Token[] {
  const open = new state.Token('link_open', 'a', 1);
  open.attrs = [['href', '#'], ['class', 'section-ref'], ['data-section', target.number]];
  open.attrSet('title', target.title ? `Open §${target.number} ${target.title} in the report` : `Open §${target.number} in the report`);
  const inner = new state.Token('text', '', 0);
  inner.content = text;
  return [open, inner, new state.Token('link_close', 'a', -1)];
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
        const target = env.sections?.link?.(href);
        if (target) {
          token.attrs = [['href', '#'], ['class', 'section-ref'], ['data-section', target.number]];
        } else {
          // Not a place the preview can open: keep the text, say where it pointed.
          token.tag = 'span';
          token.attrs = [['class', 'inert-link'], ['title', `Link to ${href} (not opened from the preview)`]];
        }
      } else if (token.type === 'link_close') {
        const open = opened.pop();
        if (open) token.tag = open.tag;
      }
    }
  }
}

/** `§4.3: adaptation` in text (outside links and code) becomes a link to that section of the report. */
function linkSectionReferences(state: StateCore): void {
  const sections = (state.env as CardEnv).sections;
  if (!sections) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') inLink++;
      if (token.type === 'link_close') inLink--;
      const refs = token.type === 'text' && inLink === 0 ? findSectionReferences(token.content) : [];
      let at = 0;
      for (const ref of refs) {
        const target = sections.section(ref.number, ref.label);
        if (!target) continue;
        if (ref.start > at) out.push(textToken(state, token.content.slice(at, ref.start)));
        out.push(...sectionLink(state, target, token.content.slice(ref.start, ref.end)));
        at = ref.end;
      }
      if (at === 0) out.push(token);
      else if (at < token.content.length) out.push(textToken(state, token.content.slice(at)));
    }
    block.children = out;
  }
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
