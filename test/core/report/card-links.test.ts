import * as assert from 'assert';
import { renderCard } from '../../../server/src/core/card/render';
import { reportSectionResolver } from '../../../server/src/core/card/sections';
import { createConfiguration } from '../../../server/src/core/configuration';
import { analyzeText } from '../../../server/src/core/service';
import { REPORT_URI, reportSet } from './helpers';

const config = createConfiguration();
const RESOURCE = 'file:///w/resources/a.md';
const FRONT = [
  '---',
  'title: "A"',
  'focus: Bias',
  'source: S',
  'readability: [Expert]',
  'type: Blog',
  'link: https://example.org/a',
  '---',
];

/** The card's section links ([number, linked text]) and the editor's section findings ([code, text]) for one body. */
function cardAndEditor(body: string) {
  const text = [...FRONT, body].join('\n');
  const { set } = reportSet();
  const analysis = analyzeText(text, config, RESOURCE, 1, { reports: set });
  const sections = reportSectionResolver(set, RESOURCE);
  const html = renderCard({ parsed: analysis.parsed, vocabularies: config.vocabularies, problems: [] }, { sections });
  const links = [...html.matchAll(/<a href="#" class="section-ref" data-section="([\d.]+)"[^>]*>([^]*?)<\/a>/g)].map((m) => [m[1], m[2]]);
  const flagged = analysis.findings.map((f) => [f.code, text.slice(f.start, f.end)]);
  return { links, flagged, linked: Object.fromEntries(sections.linked) };
}

describe("card section links: the editor's parser and resolver", () => {
  it('reads the extraction artefact `§4. 3.1:` as §4.3.1, with the title that follows', () => {
    // The card's former grammar read `§4` here and linked chapter 4.
    const { links, flagged } = cardAndEditor('See §4. 3.1: Methods for adaptation.');
    assert.deepStrictEqual(flagged, []);
    assert.deepStrictEqual(links, [['4.3.1', '§4. 3.1: Methods for adaptation']]);
  });

  it('reads a label wrapped onto the next line: linked when it names the section, text when it names another', () => {
    // Formerly `§4.3` was linked on its own, the label on the next line unseen.
    const { links, flagged } = cardAndEditor('See §4.3:\nrobustness and §4.8:\nrobustness.');
    assert.deepStrictEqual(flagged, [['section-label-mismatch', 'robustness']]);
    assert.deepStrictEqual(links, [['4.8', '§4.8:\nrobustness']]);
  });

  it("links `§ 4.3`, `§<tab>4.3` and a title cited over several words, as far as the editor's link goes", () => {
    const { links, flagged } = cardAndEditor('See § 4.3: adaptation, §\t4.3 and §4.7: Security and privacy.');
    assert.deepStrictEqual(flagged, []);
    assert.deepStrictEqual(links, [
      ['4.3', '§ 4.3: adaptation'],
      ['4.3', '§\t4.3'],
      ['4.7', '§4.7: Security'],
    ]);
  });

  it('leaves text what the editor flags (an unknown number, a link to a section the report lacks) and says where the linked ones are', () => {
    const { links, flagged, linked } = cardAndEditor(
      '§4.9: robustness, [the part](../reports/report.md#4.7) and [x](../reports/report.md#4.4).',
    );
    assert.deepStrictEqual(flagged, [
      ['unknown-section', '§4.9'],
      ['unknown-section', '4.4'],
    ]);
    assert.deepStrictEqual(links, [['4.7', 'the part']]);
    assert.deepStrictEqual(linked, { '4.7': { uri: REPORT_URI, line: 5 } });
  });

  it('links a known number under a label that names no section, which the editor flags (the card may see less of a label)', () => {
    const { links, flagged } = cardAndEditor('§4.3: adaptaton');
    assert.deepStrictEqual(flagged, [['section-label-mismatch', 'adaptaton']]);
    assert.deepStrictEqual(links, [['4.3', '§4.3: adaptaton']]);
  });
});
