import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cardProblems } from '../../server/src/core/card/problems';
import { renderCard, type CardOptions } from '../../server/src/core/card/render';
import type { SectionResolver } from '../../server/src/core/card/sections';
import { analyzeText } from '../../server/src/core/service';
import { config, resource, withFields } from './helpers';

const seed = fs.readFileSync(path.join(__dirname, 'fixtures/seed-resource.md'), 'utf8');
const hostile = fs.readFileSync(path.join(__dirname, 'fixtures/hostile-resource.md'), 'utf8');

/** The card for a text, with the problems the validator finds in it. */
function card(text: string, options: CardOptions = {}): string {
  const cfg = config();
  const analysis = analyzeText(text, cfg);
  return renderCard({ parsed: analysis.parsed, vocabularies: cfg.vocabularies, problems: cardProblems(analysis, cfg) }, options);
}

/** The inner HTML of the first element with this class (no nesting of the same tag inside). */
function part(html: string, cls: string): string {
  const m = new RegExp(`<(\\w+)[^>]*class="[^"]*\\b${cls}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  assert.ok(m, `no element with class ${cls} in:\n${html}`);
  return m[2];
}

/** Visible text: tags removed, screen-reader-only notes dropped, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<span class="sr-only">[\s\S]*?<\/span>/g, '')
    .replace(/<span class="flag-icon"[^>]*>[\s\S]*?<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

const reportSections: SectionResolver = {
  resolve: (ref) => {
    const known = ref.kind === 'section' ? ref.number === '4.3' : ref.target === 'reports/report.md' && ref.fragment === '4.3';
    return known ? { number: '4.3', title: 'Adaptation' } : undefined;
  },
};

describe('resource card', () => {
  describe('the seed resource', () => {
    const html = card(seed);

    it('shows the tile: title, source, type, readability and the summary', () => {
      assert.strictEqual(text(part(html, 'card-title')), 'On the Opportunities and Risks of Foundation Models');
      assert.strictEqual(text(part(html, 'card-source')), 'CRFM and HAI');
      assert.strictEqual(text(part(html, 'card-type')), 'PDF Article');
      assert.match(html, /<ul class="readability" aria-label="Readability"><li class="level level-expert">Expert<\/li><\/ul>/);
      assert.match(part(html, 'card-summary'), /^<p>This report provides a thorough account/);
    });

    it('shows learn tags as chips with their labels, the value as tooltip', () => {
      const chips = [...html.matchAll(/<li class="chip" title="([^"]+)">([^<]+)<\/li>/g)].map((m) => [m[1], m[2]]);
      assert.deepStrictEqual(chips, [
        ['dataset', 'Data Collection/Data Set'],
        ['methods', 'Design/Methods'],
        ['ethics', 'Ethics'],
        ['machineLearning', 'AI and Machine Learning'],
        ['researchCentre', 'Research Centre'],
        ['trust', 'Trust'],
      ]);
    });

    it('shows the focus with its category, the link, open source and the body as the abstract', () => {
      assert.match(
        html,
        /<dt>Focus<\/dt><dd>Methods or Design <span class="category">AI design and methods \(for AI experts\)<\/span><\/dd>/,
      );
      assert.match(html, /<a class="external" href="https:\/\/arxiv.org\/pdf\/2108.07258.pdf" rel="noopener noreferrer"/);
      assert.match(html, /<dt>Open source<\/dt><dd><span class="muted">No<\/span><\/dd>/);
      assert.match(html, /<dt>Keywords<\/dt><dd><span class="muted">None<\/span><\/dd>/);
      assert.match(part(html, 'abstract'), /<p>AI is undergoing a paradigm shift/);
    });

    it('says there are no problems', () => {
      assert.strictEqual(text(part(html, 'status')), '✓ No problems');
    });
  });

  describe('missing fields', () => {
    const html = card(withFields({ title: null, source: null, readability: null, link: null }, [], '\n').replace('Body text.\n', ''));

    it('shows a placeholder for each, marked with the problem', () => {
      assert.match(
        part(html, 'card-title'),
        /^<span class="flagged flagged-error" title="[^"]*title[^"]*"><span class="missing">No title<\/span>/,
      );
      assert.match(part(html, 'card-source'), /flagged-error[^>]*><span class="missing">No source</);
      assert.match(html, /<li class="level missing"><span class="flagged flagged-error"[^>]*>No readability/);
      assert.match(html, /<dt>Link<\/dt><dd><span class="flagged flagged-error"[^>]*><span class="missing">No link/);
    });

    it('leaves optional fields unmarked and says the body is empty', () => {
      assert.match(html, /<dt>Learn tags<\/dt><dd><span class="muted">None<\/span><\/dd>/);
      assert.match(html, /<dt>Open source<\/dt><dd><span class="muted">Not stated<\/span><\/dd>/);
      assert.match(part(html, 'abstract'), /No abstract/);
      assert.ok(!html.includes('card-summary'));
    });
  });

  describe('invalid values', () => {
    it('shows an unknown tag as written, marked, beside the labelled valid ones', () => {
      const html = card(withFields({}, ['learnTags: [bias, machineLernin]']));
      assert.match(html, /<li class="chip" title="bias">Bias<\/li>/);
      assert.match(
        html,
        /<li class="chip"><span class="flagged flagged-error" title="&#39;machineLernin&#39; is not a learn tag[^"]*">machineLernin<span class="flag-icon"/,
      );
    });

    it('marks a quoted boolean, a scalar where a list belongs and a non-web link, as written', () => {
      const html = card(withFields({ readability: 'readability: Expert', link: 'link: ftp://example.org/a' }, ['openSource: "no"']));
      assert.match(html, /<dt>Open source<\/dt><dd><span class="flagged flagged-error"[^>]*>no</);
      assert.match(html, /<ul class="readability"[^>]*><li class="chip"><span class="flagged flagged-error"[^>]*>Expert</);
      assert.match(
        html,
        /<dt>Link<\/dt><dd><span class="flagged flagged-error"[^>]*><span class="inert-link">ftp:\/\/example.org\/a<\/span>/,
      );
      assert.ok(!html.includes('href="ftp:'));
    });

    it('marks a repeated tag as a warning and an invalid focus as an error', () => {
      const html = card(withFields({ focus: 'focus: Biass' }, ['learnTags: [bias, bias]']));
      assert.match(html, /<dt>Focus<\/dt><dd><span class="flagged flagged-error"[^>]*>Biass</);
      assert.match(html, /<li class="chip" title="bias">Bias<\/li><li class="chip" title="bias"><span class="flagged flagged-warning"/);
    });

    it('lists a field the site does not know under other fields, marked', () => {
      const html = card(withFields({}, ['sharePointUrl: https://x.example/a']));
      assert.match(
        part(html, 'other-fields'),
        /<dt><span class="flagged flagged-warning"[^>]*>sharePointUrl<[\s\S]*<dd>https:\/\/x.example\/a<\/dd>/,
      );
    });

    it('shows a map where text belongs as its YAML source', () => {
      const html = card(withFields({ source: 'source: {name: CRFM}' }));
      assert.strictEqual(text(part(html, 'card-source')), '{name: CRFM}');
    });
  });

  describe('status strip', () => {
    it('counts problems by severity, lists the first few, each with its index and line', () => {
      const html = card(withFields({ focus: 'focus: Biass', type: 'type: Pamphlet' }, ['learnTags: [bias, bias, nope]', 'extra: 1']), {
        listedProblems: 2,
      });
      const status = part(html, 'status');
      assert.match(status, /<strong>5 problems<\/strong> <span class="status-breakdown">\(3 errors, 2 warnings\)<\/span>/);
      const buttons = [...status.matchAll(/data-problem="(\d)"[\s\S]*?problem-where">line (\d+)</g)].map((m) => [m[1], m[2]]);
      assert.deepStrictEqual(buttons, [
        ['0', '3'],
        ['1', '6'],
      ]);
      assert.match(status, /and 3 more in the Problems panel/);
    });

    it('still shows the problems, and a notice, when the frontmatter does not parse', () => {
      const html = card(resource(['title: "unterminated', 'focus: Bias']));
      assert.match(part(html, 'status'), /This double-quoted value is never closed/);
      assert.match(html, /<p class="notice">The frontmatter cannot be read as YAML/);
    });

    it('says a file without frontmatter has no card, and shows its text', () => {
      const html = card('# Just notes\n\nSome text.\n');
      assert.match(html, /no frontmatter block/);
      assert.match(part(html, 'abstract'), /<h3>Just notes<\/h3>/);
    });
  });

  describe('Markdown', () => {
    it('renders the summary and body, nesting their headings under the card', () => {
      const html = card(
        withFields({}, ['summary: "A *bold* claim, see https://example.org/x and `code`."'], '\n').replace(
          'Body text.',
          '# Part\n\n- one\n- two',
        ),
      );
      assert.match(
        part(html, 'card-summary'),
        /<p>A <em>bold<\/em> claim, see <a href="https:\/\/example.org\/x" class="external" rel="noopener noreferrer" title="https:\/\/example.org\/x">https:\/\/example.org\/x<\/a> and <code>code<\/code>.<\/p>/,
      );
      assert.match(html, /<h3>Part<\/h3>\n<ul>\n<li>one<\/li>/);
    });

    it('keeps links other than http(s) as text', () => {
      const html = card(
        withFields({}, ['summary: "[a](javascript:alert(1)) [b](command:x.y) [c](file:///etc/passwd) [d](notes/other.md)"']),
      );
      const summary = part(html, 'card-summary');
      assert.ok(!/href="(?!#)/.test(summary), summary);
      assert.match(
        summary,
        /\[a\]\(javascript:alert\(1\)\) \[b\]\(command:x.y\) \[c\]\(file:\/\/\/etc\/passwd\) <span class="inert-link" title="Link to notes\/other.md \(not opened from the preview\)">d<\/span>/,
      );
    });

    it('shows https images lazily and others as their alt text', () => {
      const html = card(withFields({}, ['summary: "![logo](https://example.org/l.png) ![local](l.png) ![web](http://example.org/l.png)"']));
      assert.match(part(html, 'card-summary'), /^<p><img src="https:\/\/example.org\/l.png" alt="logo" loading="lazy"> local web<\/p>/);
    });
  });

  describe('section references', () => {
    const text = withFields({}, ['summary: "See §4.3: adaptation, §9.9 and [the part](reports/report.md#4.3)."']);

    it('become links to the section when a resolver knows it', () => {
      const summary = part(card(text, { sections: reportSections }), 'card-summary');
      assert.match(
        summary,
        /See <a href="#" class="section-ref" data-section="4.3" title="Open §4.3 Adaptation in the report">§4.3: adaptation<\/a>, §9.9 and <a href="#" class="section-ref" data-section="4.3">the part<\/a>./,
      );
    });

    it('stay text without a resolver', () => {
      const summary = part(card(text), 'card-summary');
      assert.match(summary, /See §4.3: adaptation, §9.9 and <span class="inert-link"/);
    });

    it('are not linked inside code', () => {
      const summary = part(card(withFields({}, ['summary: "`§4.3`"']), { sections: reportSections }), 'card-summary');
      assert.strictEqual(summary, '<p><code>§4.3</code></p>\n');
    });
  });

  describe('escaping', () => {
    const html = card(hostile, { sections: reportSections });

    it('creates no element, attribute or link from the document', () => {
      // The tile's own line icons are the only SVG the card makes.
      const ours = html.replace(/<svg class="tile-icon"[\s\S]*?<\/svg>/g, '');
      assert.ok(!/<(script|img|svg|iframe|style|b|i)\b/i.test(ours), 'a tag from the document survived');
      const tagsWithoutValues = html.replace(/="[^"]*"/g, '=""');
      assert.ok(!/<[^>]*\son\w+\s*=/i.test(tagsWithoutValues), 'an event handler attribute survived');
      const urls = [...html.matchAll(/\b(href|src|action|formaction|srcset)="([^"]*)"/g)].map((m) => m[2]);
      assert.deepStrictEqual(
        urls.filter((u) => u !== '#' && !/^https?:\/\//.test(u)),
        [],
        'a non-web URL reached a link',
      );
    });

    it('shows every hostile value as the text the author wrote', () => {
      assert.strictEqual(text(part(html, 'card-title')), '<img src=x onerror=alert(1)>');
      assert.strictEqual(text(part(html, 'card-source')), '<svg onload="window.__pwned=\'source\'">');
      assert.match(
        html,
        /<dt>Link<\/dt><dd><span class="flagged flagged-error"[^>]*><span class="inert-link">javascript:alert\(1\)<\/span>/,
      );
      assert.match(part(html, 'card-summary'), /Read &lt;script&gt;window.__pwned='summary';alert\(1\)&lt;\/script&gt;/);
    });
  });
});
