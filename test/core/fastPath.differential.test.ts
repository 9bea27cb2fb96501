import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dataFiles, generatedTexts, REPORT_FIXTURE, REPORT_PATH, type Mix } from '../../scripts/bench/corpus';
import { linkOf } from '../../server/src/core/checks/duplicates';
import { createConfiguration, type Configuration } from '../../server/src/core/configuration';
import { visit, type Document } from 'yaml';
import { parseResource } from '../../server/src/core/document';
import { fixAllOffsetEdits } from '../../server/src/core/fixes/fixAll';
import { fixesForFinding, hasPreferredFix, preferredFix } from '../../server/src/core/fixes/fixers';
import { rankCandidates } from '../../server/src/core/fixes/candidates';
import { checkResourceText } from '../../server/src/core/lint';
import { quickCheck } from '../../server/src/core/quick';
import { buildReportIndex } from '../../server/src/core/report/indexer';
import type { ReportSet } from '../../server/src/core/report/reportSet';
import { analyzeText, type Analysis } from '../../server/src/core/service';
import { bundledVocabularies, parseVocabulary, type VocabularyName, VOCABULARY_FILES } from '../../server/src/core/vocabulary';
import { pick, seeded, type Rand } from './helpers';

/**
 * The fast paths of the many-files check against the full ones, over every text of the core's
 * fixtures, generated libraries of both bench mixes (the files the bench checks) and seeded
 * mutations of them: what the CLI and the scan report must not depend on which path ran.
 *   - a text the fast path vouches for has no finding in the full analysis, and the same link;
 *   - `fixable` ("has a preferred fix", built without the fixes that are never preferred) and the
 *     fix that fix-all applies are those of the full list of fixes;
 *   - a wrong value ranked from the memo ranks as it does afresh;
 *   - where the fast path's own parse stands in for the full one (the document built from js-yaml's
 *     events), every node has the full parse's range, style, value and source, and the analysis
 *     from it has the same findings, `fixable`, fix-all edits and link range.
 */

const FOLDER = 'file:///w';
const REPORT_URI = `${FOLDER}/${REPORT_PATH}`;
const reports: ReportSet = { generation: 1, reports: [buildReportIndex(fs.readFileSync(REPORT_FIXTURE, 'utf8'), REPORT_URI)] };

/** The configuration of the real-shaped library: its vocabularies read from the site's data files (so add-term fixes exist). */
function realConfiguration(): Configuration {
  const vocabularies = { ...bundledVocabularies() }; // a copy: the bundled set is shared
  const byFile = new Map(dataFiles().map((d) => [path.basename(d.file), d]));
  for (const name of ['learnTags', 'focus', 'type'] as VocabularyName[]) {
    const data = byFile.get(VOCABULARY_FILES[name].file)!;
    const parsed = parseVocabulary(name, data.text, data.file, `${FOLDER}/${data.file}`);
    assert.ok(parsed.ok);
    vocabularies[name] = parsed.value;
  }
  return createConfiguration({ vocabularies });
}

/** A few edits an author (or an importer) makes: a line dropped, doubled or unquoted, a value cut short, CRLF. */
function mutate(text: string, r: Rand): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const close = lines.indexOf('---', 1);
  const at = 1 + Math.floor(r() * Math.max(1, close - 1));
  switch (Math.floor(r() * 7)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at]);
      break;
    case 2:
      lines[at] = lines[at].replace(/["']/g, '');
      break;
    case 3:
      lines[at] = lines[at].replace(/: (.{2})[^,\]\n]*/, ': $1');
      break;
    case 4:
      lines[at] = lines[at].replace(/^(\w)/, (c) => c.toUpperCase());
      break;
    case 5:
      lines.splice(at, 0, pick(r, ['tags: [ethics]', 'readability: Beg', 'focus: Accessibility', 'learnTags: [AI, AI]', 'link: ""']));
      break;
    default:
      return lines.join(eol === '\n' ? '\r\n' : '\n');
  }
  return lines.join(eol);
}

function texts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const fixtures = path.join(__dirname, 'fixtures');
  for (const f of fs.readdirSync(fixtures).filter((x) => x.endsWith('.md')))
    out.push({ name: f, text: fs.readFileSync(path.join(fixtures, f), 'utf8') });
  const r = seeded(18);
  for (const [mix, size] of [
    ['real', 500],
    ['five', 200],
  ] as [Mix, number][]) {
    for (const g of generatedTexts(size, 7, mix)) {
      out.push({ name: `${mix}:${g.file}`, text: g.text });
      out.push({ name: `${mix}:${g.file} (mutated)`, text: mutate(g.text, r) });
    }
  }
  for (let i = 0; i < 1500; i++) out.push({ name: `fuzz:${i}.md`, text: fuzzed(r) });
  return out;
}

/** Values of every style the event document builds (and some it must leave to the full parse). */
const FUZZ_VALUES = [
  'Accessibility',
  '"Data Ethics"',
  "'it''s'",
  'plain words  ',
  '12',
  '0',
  '007',
  '1.5',
  '-3',
  'true',
  'False',
  'null',
  '~',
  '',
  '[a, "b" , c]',
  '[ ]',
  '["x",\n  y]',
  '{a: 1}',
  '>-\n  folded text\n  more',
  '|\n  literal\n\n',
  '>\n  kept\n\n\n',
  'two\n  lines',
  '\n  - "risk"\n  - edu cation',
  '\n  - a\n  -\n  - c',
  '\n  nested: map\n  other: "v"',
  '!!str tagged',
  '&a x',
  'x # note',
  'a: b',
  '"esc \\" q"',
  'https://x.org/a#frag',
  "'Beg'",
  'Beg',
  'BEGINNER',
  '\t tab',
  'a\tb',
];
const FUZZ_KEYS = [
  'title',
  'focus',
  'type',
  'link',
  'learnTags',
  'keywords',
  'readability',
  'summary',
  'source',
  'resourceId',
  'openSource',
  '"quoted key"',
  'true',
  '12',
  'x y',
];

/** A frontmatter assembled from random keys and values of many styles, LF or CRLF. */
function fuzzed(r: Rand): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) lines.push(`${pick(r, FUZZ_KEYS)}:${pick(r, [' ', '  ', ''])}${pick(r, FUZZ_VALUES)}`);
  const eol = r() < 0.2 ? '\r\n' : '\n';
  return ['---', ...lines, '---', 'Body §4.3 text.', ''].join('\n').replace(/\n/g, eol);
}

/** Every node of a document: kind, range (the two ends the checks read), style, flow, value and source. */
function nodesOf(doc: Document): unknown[] {
  const out: unknown[] = [];
  visit(doc, {
    Node(_, n) {
      const node = n as { range?: number[]; type?: string; flow?: boolean; value?: unknown; source?: unknown };
      const value = typeof node.value === 'object' ? null : node.value;
      out.push([n.constructor.name, node.range?.[0], node.range?.[1], node.type, node.flow === true, value, node.source]);
    },
  });
  return out;
}

/** What fix-all takes for a finding, from the full list of fixes (the reference for the preferred-only path). */
function referencePreferred(analysis: Analysis, cfg: Configuration, i: number) {
  return fixesForFinding(analysis.findings[i], analysis, cfg).find(
    (f) => f.preferred && !f.destructive && f.edits.length > 0 && !f.fileEdit,
  );
}

describe('fast paths against the full ones (differential)', () => {
  const all = texts();
  const configs: [string, Configuration][] = [
    ['bundled vocabularies', createConfiguration()],
    ['data files', realConfiguration()],
  ];

  for (const [label, cfg] of configs) {
    it(`a text the fast path vouches for is clean in the full analysis, with the same link (${label})`, () => {
      let vouched = 0;
      for (const { name, text } of all) {
        const uri = `${FOLDER}/${name.replace(/^\w+:/, '')}`;
        const check = checkResourceText(text, cfg, uri, { reports });
        const full = analyzeText(text, cfg, uri, 0, { reports });
        if (check.analysis) {
          assert.deepStrictEqual(check.analysis.findings, full.findings, name);
          continue;
        }
        vouched++;
        assert.ok(quickCheck(text, cfg).clean, name);
        assert.deepStrictEqual(
          full.findings.map((f) => f.code),
          [],
          `fast path called clean: ${name}`,
        );
        assert.strictEqual(check.link, linkOf(full)?.key, name);
      }
      assert.ok(vouched > all.length / 4, `the fast path vouched for ${vouched} of ${all.length}`);
    });

    it(`fixable and the fix fix-all applies equal those of the full list of fixes (${label})`, () => {
      let findings = 0;
      let fixable = 0;
      let addTerm = 0;
      for (const { name, text } of all) {
        const analysis = analyzeText(text, cfg, `${FOLDER}/${name.replace(/^\w+:/, '')}`, 0, { reports });
        analysis.findings.forEach((finding, i) => {
          findings++;
          const want = referencePreferred(analysis, cfg, i);
          const got = preferredFix(finding, analysis, cfg);
          if (want) fixable++;
          if (fixesForFinding(finding, analysis, cfg).some((f) => f.addsTerm)) addTerm++;
          assert.deepStrictEqual(
            got && { title: got.title, edits: got.edits, preferred: got.preferred },
            want && { title: want.title, edits: want.edits, preferred: want.preferred },
            `${name}: ${finding.code} at ${finding.start}`,
          );
        });
      }
      assert.ok(findings > 500 && fixable > 50, `${findings} findings, ${fixable} fixable`);
      if (label === 'data files') assert.ok(addTerm > 50, `${addTerm} findings with an add-term fix`);
    });
  }

  for (const [label, cfg] of configs) {
    it(`the document from js-yaml's events is the full parse's, with the same findings, fixable, fix-all and link (${label})`, () => {
      let built = 0;
      let findings = 0;
      for (const { name, text } of all) {
        const uri = `${FOLDER}/${name.replace(/^\w+:/, '')}`;
        const parsed = quickCheck(text, cfg).parsed?.();
        if (!parsed) continue;
        built++;
        const reference = parseResource(text);
        assert.deepStrictEqual(reference.syntaxErrors, [], name);
        assert.deepStrictEqual(nodesOf(parsed.yaml!), nodesOf(reference.yaml!), name);
        assert.deepStrictEqual(parsed.data, reference.data, name);
        const fast = analyzeText(text, cfg, uri, 0, { reports, parsed });
        const full = analyzeText(text, cfg, uri, 0, { reports });
        assert.strictEqual(fast.parsed, parsed, 'the analysis read the given parse');
        assert.deepStrictEqual(fast.findings, full.findings, name);
        assert.deepStrictEqual(fast.suppression, full.suppression, name);
        assert.deepStrictEqual(
          fast.findings.map((f) => hasPreferredFix(f, fast, cfg)),
          full.findings.map((f) => hasPreferredFix(f, full, cfg)),
          `fixable: ${name}`,
        );
        assert.deepStrictEqual(fixAllOffsetEdits(fast, cfg), fixAllOffsetEdits(full, cfg), `fix-all: ${name}`);
        assert.deepStrictEqual(linkOf(fast), linkOf(full), `link: ${name}`);
        findings += full.findings.length;
      }
      assert.ok(built > all.length / 3 && findings > 500, `built ${built} of ${all.length} texts, ${findings} findings`);
    });
  }

  it('a wrong value ranked from the memo ranks as afresh', () => {
    const terms = bundledVocabularies().focus.terms;
    for (const value of ['Accessibility', 'bias', 'Data Ethics', 'Tol', 'AI Ethics', 'x']) {
      const first = rankCandidates(value, terms);
      assert.strictEqual(rankCandidates(value, terms), first, 'remembered');
      assert.deepStrictEqual(rankCandidates(value, [...terms]), first, 'a fresh ranking agrees');
    }
  });
});
