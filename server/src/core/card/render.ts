import { nodeAtPath, spanOf, type ParsedResource } from '../document';
import type { SeverityName } from '../settings';
import { severityRank } from '../severity';
import { categoriesOfFocus, type Vocabularies, type Vocabulary } from '../vocabulary';
import { escapeHtml as esc, isWebUrl } from './html';
import { renderMarkdown } from './markdown';
import type { CardProblem } from './problems';
import type { SectionResolver } from './sections';

/** What a card is made of: one parsed resource, the vocabularies its values come from, its problems. */
export interface CardInput {
  parsed: ParsedResource;
  vocabularies: Vocabularies;
  /** In the order the strip lists them; `data-problem` attributes index into this array. */
  problems: readonly CardProblem[];
}

export interface CardOptions {
  /** Turns `§4.3` references into links; without it they stay text. */
  sections?: SectionResolver;
  /** How many problems the status strip lists by message (default 5). */
  listedProblems?: number;
  /** The site's own tile (its template's output, icons included) and its stylesheets, shown instead of the built-in tile. */
  siteTile?: { html: string; css: string };
  /** Why the site's tile is not shown although the site has one (Restricted Mode, a template error). */
  siteNote?: string;
}

/** More problems than this and the strip starts collapsed to its one summary line. */
const STRIP_OPEN_MAX = 2;

/** The fields the site's card shows; anything else in the frontmatter is listed under "Other fields". */
const CARD_FIELDS = new Set(['title', 'focus', 'source', 'readability', 'type', 'openSource', 'link', 'keywords', 'learnTags', 'summary']);
const SEVERITY_WORD: Record<SeverityName, string> = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' };
const SEVERITY_ICON: Record<SeverityName, string> = { error: '✕', warning: '!', information: 'i', hint: '·' };
const READABILITY_CLASS: Record<string, string> = {
  Beginner: 'level-beginner',
  Intermediate: 'level-intermediate',
  Expert: 'level-expert',
};
/** Longest value shown verbatim; a pasted essay in a tag should not swamp the card. */
const MAX_SHOWN = 400;

type Path = (string | number)[];

/**
 * The resource card as HTML: what the site's tile shows (title, source, type, readability,
 * summary), then the details, then the body, with a status strip of problems on top. Pure and
 * total: any text gives a card, every value is escaped, Markdown is rendered without raw HTML.
 */
export function renderCard(input: CardInput, options: CardOptions = {}): string {
  return new Card(input, options).html();
}

class Card {
  private readonly data: Record<string, unknown> | undefined;

  constructor(
    private readonly input: CardInput,
    private readonly options: CardOptions,
  ) {
    const d = input.parsed.data;
    this.data = d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : d === null ? {} : undefined;
  }

  html(): string {
    return [
      '<div class="card-preview" data-view="all">',
      this.statusStrip(),
      this.data ? this.card(this.data) : this.unreadable(),
      '</div>',
    ].join('\n');
  }

  // ---- status strip ------------------------------------------------------------------------

  private statusStrip(): string {
    const problems = this.input.problems;
    if (problems.length === 0) {
      return '<section class="status status-ok" aria-label="Problems"><p class="status-summary"><span class="status-icon" aria-hidden="true">✓</span> No problems</p></section>';
    }
    const counts = new Map<SeverityName, number>();
    for (const p of problems) counts.set(p.severity, (counts.get(p.severity) ?? 0) + 1);
    const breakdown = [...counts]
      .sort((a, b) => severityRank(a[0]) - severityRank(b[0]))
      .map(([s, n]) => `${n} ${plural(n, SEVERITY_WORD[s].toLowerCase().replace('info', 'information'))}`)
      .join(', ');
    const worst = this.worst(problems);
    const listed = Math.max(0, this.options.listedProblems ?? 5);
    const items = problems
      .slice(0, listed)
      .map(
        (p, i) =>
          `<li><button type="button" class="problem sev-${p.severity}" data-problem="${i}" title="Show in the editor">` +
          `<span class="sev-icon" aria-hidden="true">${SEVERITY_ICON[p.severity]}</span>` +
          `<span class="sr-only">${SEVERITY_WORD[p.severity]}: </span>` +
          `<span class="problem-message">${esc(p.message)}</span>` +
          `<span class="problem-where">line ${p.line + 1}</span></button></li>`,
      );
    const more = problems.length > listed ? `<p class="status-more">and ${problems.length - listed} more in the Problems panel</p>` : '';
    // A long list would push the card below the fold: then only the summary line shows until opened.
    const open = problems.length <= STRIP_OPEN_MAX ? ' open' : '';
    return [
      `<details class="status status-${worst}" aria-label="Problems"${open}>`,
      `<summary class="status-summary"><span class="status-icon" aria-hidden="true">${SEVERITY_ICON[worst]}</span> <strong>${problems.length} ${plural(problems.length, 'problem')}</strong> <span class="status-breakdown">(${breakdown})</span></summary>`,
      items.length ? `<ul class="problem-list">${items.join('')}</ul>` : '',
      more,
      '</details>',
    ].join('');
  }

  private worst(problems: readonly CardProblem[]): SeverityName {
    return problems.reduce<SeverityName>((w, p) => (severityRank(p.severity) < severityRank(w) ? p.severity : w), 'hint');
  }

  // ---- card ----------------------------------------------------------------------------------

  private unreadable(): string {
    const { parsed } = this.input;
    const why = !parsed.block
      ? 'This file has no frontmatter block, so there is no card.'
      : !parsed.block.close
        ? 'The frontmatter block is not closed with <code>---</code>, so there is no card yet.'
        : 'The frontmatter cannot be read as YAML; fix the problem above to see the card.';
    return `<article class="card card-empty" aria-label="Resource card"><p class="notice">${why}</p></article>` + this.body();
  }

  private card(data: Record<string, unknown>): string {
    const site = this.options.siteTile;
    const tile = site
      ? `<div class="site-tile">${site.html}</div><div class="site-styles" hidden data-css="${esc(site.css)}"></div>`
      : this.tile(data);
    const note = this.options.siteNote ? `<p class="notice site-note">${esc(this.options.siteNote)}</p>` : '';
    return [
      VIEW_TOGGLE,
      note,
      `<div class="site-view${site ? ' from-template' : ''}">${tile}</div>`,
      '<div class="all-fields">',
      this.details(data),
      this.otherFields(data),
      this.body(),
      '</div>',
    ].join('\n');
  }

  /** The built-in tile: the site's tile template's order, labels and structure, in the editor's colours. */
  private tile(data: Record<string, unknown>): string {
    const { vocabularies } = this.input;
    const summary = data.summary;
    const summaryHtml =
      typeof summary === 'string' && summary.trim() !== ''
        ? `<div class="card-summary markdown">${this.flag(renderMarkdown(summary, { sections: this.options.sections }), ['summary'], 'div')}</div>`
        : summary === undefined || summary === null || summary === ''
          ? `<div class="summary-none">${this.none('summary', 'No summary')}</div>`
          : `<div class="card-summary">${this.scalarField(data, 'summary', '')}</div>`;
    const readability = this.readability(data);
    return [
      '<article class="card tile-item" aria-labelledby="card-title">',
      '<div class="tile-resource">',
      `<h2 id="card-title" class="h3 card-title">${this.title(data)}</h2>`,
      `<div class="info">${TILE_ICON.source}Source: <div class="card-source inline-value">${this.scalarField(data, 'source', 'No source')}</div></div>`,
      `<div class="info">${TILE_ICON.mediaType}Media Type: <div class="card-type inline-value">${this.termField(data, 'type', vocabularies.type, 'No type')}</div></div>`,
      `<div class="info">${TILE_ICON.readability}<span class="resource-readability-title">Readability: </span>${readability}</div>`,
      `<div class="info info-summary">${TILE_ICON.summary}Summary:${summaryHtml}</div>`,
      '</div>',
      '</article>',
    ].join('\n');
  }

  /** The title, a link to the resource as on the site when the link is a web address. */
  private title(data: Record<string, unknown>): string {
    const title = this.scalarField(data, 'title', 'No title');
    const link = data.link;
    if (typeof link !== 'string' || !isWebUrl(link) || typeof data.title !== 'string' || data.title.trim() === '') return title;
    const href = link.trim();
    return `<a class="external tile-link" href="${esc(href)}" rel="noopener noreferrer" title="Open ${esc(href)} in the browser">${title}</a>`;
  }

  private readability(data: Record<string, unknown>): string {
    const items = this.listItems(data, 'readability', (value, path) => {
      const cls = typeof value === 'string' && READABILITY_CLASS[value] ? ` ${READABILITY_CLASS[value]}` : '';
      return `<li class="level${cls}">${this.flag(esc(this.asWritten(value, path)), path)}</li>`;
    });
    return `<ul class="readability" aria-label="Readability">${items ?? `<li class="level missing">${this.flag('No readability', ['readability'])}</li>`}</ul>`;
  }

  private details(data: Record<string, unknown>): string {
    const { vocabularies } = this.input;
    const rows: string[] = [];
    const row = (label: string, html: string) => rows.push(`<div class="detail"><dt>${label}</dt><dd>${html}</dd></div>`);

    let focus = this.termField(data, 'focus', vocabularies.focus, 'No focus');
    if (typeof data.focus === 'string') {
      const categories = categoriesOfFocus(vocabularies, data.focus);
      if (categories.length) {
        focus += ` <span class="category">${categories.map((c) => esc(c.label)).join('; ')}</span>`;
      }
    }
    row('Focus', focus);

    const tags = this.listItems(data, 'learnTags', (value, path) => {
      const term = typeof value === 'string' ? vocabularies.learnTags.terms.find((t) => t.value === value) : undefined;
      const text = term?.label ?? this.asWritten(value, path);
      const tip = term?.label && term.label !== term.value ? ` title="${esc(term.value)}"` : '';
      return `<li class="chip"${tip}>${this.flag(esc(text), path)}</li>`;
    });
    row('Learn tags', tags ? `<ul class="chips" aria-label="Learn tags">${tags}</ul>` : this.none('learnTags', 'None'));

    const keywords = this.listItems(
      data,
      'keywords',
      (value, path) => `<li class="chip chip-keyword">${this.flag(esc(this.asWritten(value, path)), path)}</li>`,
    );
    row('Keywords', keywords ? `<ul class="chips" aria-label="Keywords">${keywords}</ul>` : this.none('keywords', 'None'));

    row('Link', this.link(data));
    row('Open source', this.openSource(data));
    return `<section class="details resource-detail" aria-labelledby="details-heading"><h2 id="details-heading">On the resource page</h2><dl class="features">${rows.join('')}</dl></section>`;
  }

  private link(data: Record<string, unknown>): string {
    const value = data.link;
    if (value === undefined || value === null || value === '') return this.flag('<span class="missing">No link</span>', ['link']);
    const text = this.asWritten(value, ['link']);
    if (typeof value === 'string' && isWebUrl(value)) {
      const href = value.trim();
      return this.flag(
        `<a class="external" href="${esc(href)}" rel="noopener noreferrer" title="Open ${esc(href)} in the browser">${esc(href)}</a>`,
        ['link'],
      );
    }
    // Not a web address: shown as written, never as a link (no javascript:, command:, file:).
    return this.flag(`<span class="inert-link">${esc(text)}</span>`, ['link'], 'span', true);
  }

  private openSource(data: Record<string, unknown>): string {
    const value = data.openSource;
    if (value === true) return this.flag('<span class="badge badge-open-source">Open source</span>', ['openSource']);
    if (value === false) return this.flag('<span class="muted">No</span>', ['openSource']);
    if (value === undefined || value === null) return '<span class="muted">Not stated</span>';
    return this.flag(esc(this.asWritten(value, ['openSource'])), ['openSource'], 'span', true);
  }

  private otherFields(data: Record<string, unknown>): string {
    const extra = Object.keys(data).filter((k) => !CARD_FIELDS.has(k));
    if (extra.length === 0) return '';
    const rows = extra.map(
      (k) => `<div class="detail"><dt>${this.flag(esc(k), [k])}</dt><dd>${esc(this.asWritten(data[k], [k]))}</dd></div>`,
    );
    return `<section class="details other-fields" aria-labelledby="other-heading"><h2 id="other-heading">Other fields</h2><p class="muted">Not part of the site's card.</p><dl>${rows.join('')}</dl></section>`;
  }

  private body(): string {
    const { parsed } = this.input;
    const start = parsed.block
      ? parsed.block.close
        ? parsed.block.bodyStart
        : parsed.text.length
      : parsed.text.charCodeAt(0) === 0xfeff
        ? 1
        : 0;
    const text = parsed.text.slice(start);
    const content =
      text.trim() === ''
        ? '<p class="muted">No abstract: the file has no text after its frontmatter.</p>'
        : `<div class="markdown">${renderMarkdown(text, { sections: this.options.sections })}</div>`;
    return `<section class="abstract" aria-labelledby="abstract-heading"><h2 id="abstract-heading">Abstract</h2>${content}</section>`;
  }

  // ---- values --------------------------------------------------------------------------------

  /** A single-valued text field: escaped, marked when it has a problem, a placeholder when absent. */
  private scalarField(data: Record<string, unknown>, field: string, placeholder: string): string {
    const value = data[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return this.flag(`<span class="missing">${esc(placeholder)}</span>`, [field]);
    }
    return this.flag(esc(this.asWritten(value, [field])), [field], 'span', typeof value !== 'string');
  }

  /** A value from a vocabulary, shown by its label when the vocabulary gives one. */
  private termField(data: Record<string, unknown>, field: string, vocabulary: Vocabulary, placeholder: string): string {
    const value = data[field];
    if (typeof value === 'string' && value.trim() !== '') {
      const term = vocabulary.terms.find((t) => t.value === value);
      return this.flag(esc(term?.label ?? value), [field]);
    }
    return this.scalarField(data, field, placeholder);
  }

  /** The `<li>`s of a list field; a scalar where a list belongs is shown as one item, as written. Null when empty. */
  private listItems(data: Record<string, unknown>, field: string, item: (value: unknown, path: Path) => string): string | null {
    const value = data[field];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return null;
    if (!Array.isArray(value)) return `<li class="chip">${this.flag(esc(this.asWritten(value, [field])), [field], 'span', true)}</li>`;
    return value.map((v, i) => item(v, [field, i])).join('');
  }

  /** None-placeholder, marked when the field's absence or emptiness is itself a problem. */
  private none(field: string, text: string): string {
    return this.flag(`<span class="muted">${esc(text)}</span>`, [field]);
  }

  /**
   * A value as the author wrote it: strings as they are, numbers and booleans printed, anything
   * else (a map, a list where one value belongs) as its YAML source text.
   */
  private asWritten(value: unknown, path: Path): string {
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
    else {
      const span = spanOf(this.input.parsed, nodeAtPath(this.input.parsed, path).node);
      text = span ? this.input.parsed.text.slice(span.start, span.end) : (JSON.stringify(value) ?? '');
    }
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  }

  private problemsAt(path: Path): CardProblem[] {
    return this.input.problems.filter((p) => p.path && p.path.length === path.length && p.path.every((s, i) => s === path[i]));
  }

  /**
   * Wraps a value in a mark when problems concern it: a wavy underline in the severity's colour, an
   * icon that does not rely on colour, the messages as tooltip and as text for screen readers.
   * `force` marks a value the card cannot show normally even when no problem names it.
   */
  private flag(html: string, path: Path, tag: 'span' | 'div' = 'span', force = false): string {
    const problems = this.problemsAt(path);
    if (problems.length === 0 && !force) return html;
    const severity = problems.length ? this.worst(problems) : 'warning';
    const messages = problems.length ? problems.map((p) => p.message).join('\n') : 'This value is not what the field expects.';
    return (
      `<${tag} class="flagged flagged-${severity}" title="${esc(messages)}">${html}` +
      `<span class="flag-icon" aria-hidden="true">${SEVERITY_ICON[severity]}</span>` +
      `<span class="sr-only"> (${esc(SEVERITY_WORD[severity])}: ${esc(messages)})</span></${tag}>`
    );
  }
}

/** The toggle between the tile alone and the tile with every field; the webview's script keeps the choice. */
const VIEW_TOGGLE =
  '<div class="view-toggle" role="group" aria-label="Card view">' +
  '<button type="button" class="view-button" data-view="site" aria-pressed="false">As on the site</button>' +
  '<button type="button" class="view-button" data-view="all" aria-pressed="true">With all fields</button></div>';

/** Small line icons in the text colour, one per labelled line of the tile (the site has its own pictures there). */
const icon = (path: string) =>
  `<svg class="tile-icon" aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5">${path}</svg>`;
const TILE_ICON = {
  source: icon('<circle cx="10" cy="6" r="4"/><path d="M7 9l-5 5"/>'),
  mediaType: icon('<rect x="2.5" y="2.5" width="11" height="11" rx="1.5"/><path d="M5 6h6M5 9h6M5 12h3"/>'),
  readability: icon(
    '<path d="M2 3.5h4.5a1.5 1.5 0 0 1 1.5 1.5v8a1.5 1.5 0 0 0-1.5-1.5H2zM14 3.5H9.5A1.5 1.5 0 0 0 8 5v8a1.5 1.5 0 0 1 1.5-1.5H14z"/>',
  ),
  summary: icon('<path d="M3 4h10M3 7h10M3 10h10M3 13h6"/>'),
};

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
