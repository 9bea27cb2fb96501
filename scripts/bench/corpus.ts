import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { Random } from './random';
import { equivalentSchema, FOCUSES, TAGS, TYPES } from './schema';

/**
 * Writes a realistic resource library, deterministically from a seed: the resource fields (README, "What is checked") with
 * value distributions like the reference site's, both list styles, plain/quoted/folded scalars,
 * bodies of report prose with section references, and about 5% of files carrying a typical mistake.
 * Alongside it, for the peers: the same frontmatter extracted to `.yaml` files (yaml-language-server
 * only reads YAML) and the equivalent `schema.json` (the floor and both peers validate against it).
 */

/** Bump when the output changes, so cached corpora are rewritten. */
const GENERATOR_VERSION = 7;

export const REPORT_FIXTURE = path.join(__dirname, 'fixtures', 'foundation-models-report.txt');
export const REPORT_PATH = 'reports/foundation-models.txt';
const VOCABULARY_DIR = path.join(__dirname, '../../data/vocabularies');
const DATA_DIR = 'src/_data';
const DATA_FILES: readonly string[] = ['resourceTags.json', 'resourceFocuses.json', 'resourceTypes.json', 'resourceCategories.json'];

export type MistakeKind =
  'abbreviated-readability' | 'unknown-tag' | 'missing-link' | 'legacy-key' | 'duplicate-link' | 'legacy-batch' | 'unknown-section';
const MISTAKES: readonly MistakeKind[] = ['abbreviated-readability', 'unknown-tag', 'missing-link', 'legacy-key', 'duplicate-link'];
/** Share of files carrying one typical mistake ("about 5%" in BENCHMARKS.md's description of the corpora). */
export const MISTAKE_RATE = 0.05;

/**
 * The two mixes of mistakes: `five` is the 5% above; `real` is shaped like the reference site's real
 * library (1,543 files, 581 with findings): a legacy batch of about 28% of the files sharing the same
 * three problems (no `readability`, a focus the data file lacks, an undeclared field), and about 10%
 * with one of the typical mistakes, a § reference to a section the report lacks among them.
 */
export type Mix = 'five' | 'real';
export const MIXES: readonly Mix[] = ['five', 'real'];
/** Share of the real mix in the legacy batch, and of the rest carrying one typical mistake. */
const LEGACY_BATCH_RATE = 0.28;
const REAL_MISTAKE_RATE = 0.14;
const REAL_MISTAKES: readonly MistakeKind[] = [...MISTAKES, 'unknown-section'];
/** What the legacy batch has instead of the site's focuses and fields. */
const LEGACY_FOCUSES: readonly string[] = ['Accessibility', 'Data Ethics', 'Machine Learning Basics'];
const LEGACY_FIELDS: readonly string[] = ['resourceId: ', 'importedFrom: airtable-'];

export interface CorpusManifest {
  version: number;
  seed: number;
  size: number;
  /** Which mix of mistakes (absent in corpora written before there were two: `five`). */
  mix?: Mix;
  /** Root-relative paths of the resource files, in generation order. */
  files: string[];
  mistakes: Record<MistakeKind, number>;
  /** Files whose body holds at least one section reference. */
  withReferences: number;
  bytes: number;
}

export interface Corpus {
  /** Root of the Markdown library (resources/, reports/, schema.json). */
  root: string;
  /** Root of the extracted frontmatter (`<same path>.yaml`) for yaml-language-server. */
  yamlRoot: string;
  schemaPath: string;
  manifest: CorpusManifest;
}

const SOURCES: readonly (readonly [string, number])[] = [
  ['CRFM and HAI', 3],
  ['Google Research', 6],
  ['Microsoft Research', 5],
  ['OECD', 4],
  ['UNESCO', 3],
  ['Partnership on AI', 3],
  ['AI Now Institute', 3],
  ['Mozilla Foundation', 2],
  ['Alan Turing Institute', 4],
  ['Government of Canada', 5],
  ['Inclusive Design Research Centre', 6],
  ['W3C Web Accessibility Initiative', 4],
  ['MIT Technology Review', 3],
  ['Data & Society', 2],
  ['IBM Research', 2],
  ['Coursera', 3],
  ['YouTube', 4],
  ['Brookings Institution', 2],
  ['Ada Lovelace Institute', 2],
  ['Stanford HAI', 3],
  ["O'Reilly Media", 1],
];
const HOSTS: readonly string[] = [
  'arxiv.org',
  'www.oecd.org',
  'idrc.ocadu.ca',
  'www.w3.org',
  'www.technologyreview.com',
  'hai.stanford.edu',
  'www.youtube.com',
  'www.coursera.org',
  'datasociety.net',
  'www.turing.ac.uk',
  'www.canada.ca',
  'ainowinstitute.org',
  'foundation.mozilla.org',
  'research.google',
  'www.microsoft.com',
  'www.brookings.edu',
  'medium.com',
  'github.com',
];
const TITLE_WORDS: readonly string[] = [
  'Bias',
  'Fairness',
  'Accessibility',
  'Machine',
  'Learning',
  'Data',
  'Ethics',
  'Inclusive',
  'Design',
  'Disability',
  'Outliers',
  'Models',
  'Foundation',
  'Language',
  'Vision',
  'Policy',
  'Governance',
  'Employment',
  'Automation',
  'Datasets',
  'Privacy',
  'Trust',
  'Transparency',
  'Accountability',
  'Evaluation',
  'Robustness',
  'Algorithms',
  'Decision',
  'Systems',
  'Public',
  'Sector',
  'Health',
  'Education',
  'Assistive',
  'Technology',
  'Risk',
  'Impact',
  'Assessment',
  'Explainable',
  'Interpretability',
  'Small',
  'Minorities',
  'Guide',
  'Introduction',
  'Toolkit',
  'Framework',
  'Principles',
  'Practice',
  'Open',
  'Research',
  'Harms',
  'Audit',
  'Community',
  'Participatory',
];
const KEYWORDS: readonly string[] = [
  'bias',
  'fairness',
  'accessibility',
  'machine learning',
  'datasets',
  'ethics',
  'inclusive design',
  'disability',
  'outliers',
  'foundation models',
  'policy',
  'governance',
  'privacy',
  'transparency',
  'audit',
  'employment',
  'AI',
  'deep learning',
  'assistive technology',
  'public sector',
  'health',
  'education',
  'risk',
  'explainability',
];
const LEGACY_KEYS: readonly string[] = [
  'category: aiEthics',
  'date: 2021-08-16',
  'author: Jane Doe',
  'image: /img/card.png',
  'tags: [ethics]',
];
const ABBREVIATIONS: Record<string, readonly string[]> = {
  Beginner: ['Beg', 'beginner', 'Begin'],
  Intermediate: ['Inter', 'Int', 'intermediate'],
  Expert: ['Exp', 'expert', 'Adv'],
};
const UNKNOWN_TAGS: readonly string[] = ['machinelearning', 'AI', 'privacy', 'ethic', 'dataSecurity', 'inclusion', 'accesibility'];
const FOCUS_WEIGHTS: readonly number[] = [5, 4, 4, 2, 2, 2, 5, 3];
const TYPE_WEIGHTS: readonly number[] = [2, 1, 1, 1, 5, 1, 1, 3, 1, 6, 4, 1];
const READABILITY: readonly (readonly [string[], number])[] = [
  [['Beginner'], 5],
  [['Intermediate'], 5],
  [['Expert'], 4],
  [['Beginner', 'Intermediate'], 3],
  [['Intermediate', 'Expert'], 3],
  [['Beginner', 'Intermediate', 'Expert'], 1],
];

/** Prose and section references taken from the seed report, so bodies read like real ones. */
interface Material {
  words: string[];
  references: string[];
  report: string;
}

function loadMaterial(): Material {
  const report = readFileSync(REPORT_FIXTURE, 'utf8');
  // Letters with light punctuation only: safe as plain YAML and free of the report's own references.
  const words = report.split(/\s+/).filter((w) => /^[A-Za-z][A-Za-z',.;()-]{0,24}$/.test(w));
  // The report's own references that it uses at least three times: they name real sections.
  const counts = new Map<string, number>();
  for (const m of report.matchAll(/§(\d+(?:\.\d+)*): ([a-z][a-z-]+)/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const references = [...counts]
    .filter(([, n]) => n >= 3)
    .map(([r]) => r)
    .sort();
  return { words, references, report };
}

function prose(rng: Random, words: readonly string[], count: number): string[] {
  const start = rng.int(0, words.length - count - 1);
  return words.slice(start, start + count);
}

function wrap(tokens: readonly string[], width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && line.length + 1 + t.length > width) {
      lines.push(indent + line);
      line = t;
    } else line = line ? `${line} ${t}` : t;
  }
  if (line) lines.push(indent + line);
  return lines;
}

type Quote = 'plain' | 'double' | 'single';

function scalar(value: string, style: Quote): string {
  // Plain only where YAML reads it back as the same string.
  const plainSafe = /^[A-Za-z][^:#\n]*$/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value) && !/\s$/.test(value);
  if (style === 'plain' && plainSafe) return value;
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function list(key: string, items: readonly string[], flow: boolean, style: Quote): string[] {
  if (items.length === 0) return [`${key}: []`];
  if (flow) {
    // The seed file's own style is `["a","b"]`; plain flow lists are written with ", ".
    const parts = items.map((i) => scalar(i, style === 'plain' && !/^[A-Za-z][A-Za-z ]*$/.test(i) ? 'double' : style));
    return [`${key}: [${parts.join(style === 'double' ? ',' : ', ')}]`];
  }
  return [`${key}:`, ...items.map((i) => `  - ${scalar(i, style)}`)];
}

function titleCase(rng: Random): string {
  const words = rng.sample(TITLE_WORDS, rng.int(2, 7));
  const title = words.join(' ');
  return rng.chance(0.15) ? `${title}: ${rng.pick(['A Primer', 'An Overview', 'Lessons Learned', 'Part 2', 'Case Studies'])}` : title;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Generated {
  file: string;
  frontmatter: string;
  text: string;
  link: string;
  mistake?: MistakeKind;
  references: number;
}

function pickMistake(rng: Random, mix: Mix, mistakeRate: number): MistakeKind | undefined {
  if (mix === 'five') return rng.chance(mistakeRate) ? rng.pick(MISTAKES) : undefined;
  if (rng.chance(LEGACY_BATCH_RATE)) return 'legacy-batch';
  return rng.chance(REAL_MISTAKE_RATE) ? rng.pick(REAL_MISTAKES) : undefined;
}

function resource(
  rng: Random,
  material: Material,
  index: number,
  previousLinks: readonly string[],
  mistakeRate: number,
  mix: Mix,
): Generated {
  const style: Quote = rng.weighted([
    ['double', 5],
    ['plain', 4],
    ['single', 1],
  ]);
  const flow = rng.chance(0.55);
  const eol = rng.chance(0.03) ? '\r\n' : '\n';
  const bom = rng.chance(0.01) ? '\ufeff' : '';
  const mistake = pickMistake(rng, mix, mistakeRate);
  const batch = mistake === 'legacy-batch';

  const title = titleCase(rng);
  const focus = batch ? rng.pick(LEGACY_FOCUSES) : rng.weighted(FOCUSES.map((f, i) => [f, FOCUS_WEIGHTS[i] ?? 1] as const));
  const type = rng.weighted(TYPES.map((t, i) => [t, TYPE_WEIGHTS[i] ?? 1] as const));
  const readability = [...rng.weighted(READABILITY)];
  if (mistake === 'abbreviated-readability') {
    const at = rng.int(0, readability.length - 1);
    readability[at] = rng.pick(ABBREVIATIONS[readability[at]]);
  }
  const tags = rng.chance(0.88) ? rng.sample(TAGS, rng.int(1, 6)) : [];
  if (mistake === 'unknown-tag') tags.splice(rng.int(0, tags.length), 0, rng.pick(UNKNOWN_TAGS));
  let link = `https://${rng.pick(HOSTS)}/${rng.int(2015, 2025)}/${slug(title)}-${index}`;
  if (mistake === 'duplicate-link' && previousLinks.length > 0) link = rng.pick(previousLinks);

  const lines: string[] = [
    `title: ${scalar(title, style)}`,
    `focus: ${scalar(focus, style)}`,
    `source: ${scalar(rng.weighted(SOURCES), style)}`,
  ];
  if (!batch) lines.push(...list('readability', readability, flow || rng.chance(0.2), style));
  lines.push(`type: ${scalar(type, style)}`);
  if (rng.chance(0.8)) lines.push(`openSource: ${rng.chance(0.6)}`);
  if (mistake !== 'missing-link') lines.push(`link: ${scalar(link, style === 'plain' ? 'double' : style)}`);
  if (rng.chance(0.6)) lines.push(...list('keywords', rng.sample(KEYWORDS, rng.int(0, 5)), flow, style));
  if (tags.length > 0 || rng.chance(0.3)) lines.push(...list('learnTags', tags, flow, style));
  if (batch) lines.push(`${rng.pick(LEGACY_FIELDS)}${index}`);
  if (mistake === 'legacy-key') {
    // Between two fields (never inside a block list, which would make it a YAML error instead).
    const at = rng.pick([...lines.keys()].filter((i) => i > 0 && !lines[i].startsWith(' ')).concat(lines.length));
    lines.splice(at, 0, rng.pick(LEGACY_KEYS));
  }
  if (rng.chance(0.75)) {
    const summary = prose(rng, material.words, rng.int(30, 80));
    const how = rng.weighted([
      ['folded', 4],
      ['double', 3],
      ['plain', 2],
    ]);
    if (how === 'folded') lines.push('summary: >-', ...wrap(summary, 78, '  '));
    else if (how === 'double') lines.push(`summary: ${JSON.stringify(summary.join(' '))}`);
    else {
      const [first, ...rest] = wrap(summary, 78, '  ');
      lines.push(`summary: ${first.trim()}`, ...rest);
    }
  }
  const frontmatter = lines.join(eol) + eol;

  const body = prose(rng, material.words, rng.int(100, 300));
  let references = 0;
  if (material.references.length > 0 && rng.chance(0.25)) {
    references = rng.int(1, 3);
    for (let r = 0; r < references; r++) {
      const ref = rng.pick(material.references);
      const bare = rng.chance(0.3);
      const at = rng.int(0, body.length);
      // Two tokens, so wrapping sometimes puts the label on the next line, as authors' files do.
      body.splice(
        at,
        0,
        ...(bare
          ? [`(see ${ref.slice(0, ref.indexOf(':'))})`]
          : ['(see', `${ref.slice(0, ref.indexOf(':') + 1)}`, `${ref.slice(ref.indexOf(':') + 2)})`]),
      );
    }
  }
  if (mistake === 'unknown-section') {
    body.splice(rng.int(0, body.length), 0, '(see', `§${rng.int(40, 90)}.${rng.int(1, 9)}:`, 'missing-section)');
    references++;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < body.length;) {
    const n = rng.int(40, 120);
    paragraphs.push(wrap(body.slice(i, i + n), rng.pick([80, 96, 100])).join(eol));
    i += n;
  }
  const text = `${bom}---${eol}${frontmatter}---${eol}${paragraphs.join(eol + eol)}${eol}`;
  const file = `resources/${slug(focus)}/${slug(title).slice(0, 40)}-${String(index).padStart(6, '0')}.md`;
  return { file, frontmatter, text, link, mistake, references };
}

/**
 * The texts of a generated library without writing it (for the differential test): the same
 * generator and seed as `ensureCorpus`, so they are the files the bench checks.
 */
export function* generatedTexts(size: number, seed: number, mix: Mix): Generator<{ file: string; text: string; mistake?: MistakeKind }> {
  const material = loadMaterial();
  const rng = new Random(seed * 1000003 + size);
  const links: string[] = [];
  for (let i = 0; i < size; i++) {
    const r = resource(rng, material, i, links, MISTAKE_RATE, mix);
    if (links.length < 5000) links.push(r.link);
    yield { file: r.file, text: r.text, mistake: r.mistake };
  }
}

/** The real library's data files, as the real-shaped corpus holds them. */
export function dataFiles(): { file: string; text: string }[] {
  return DATA_FILES.map((file) => ({ file: `${DATA_DIR}/${file}`, text: readFileSync(path.join(VOCABULARY_DIR, file), 'utf8') }));
}

async function readManifest(root: string): Promise<CorpusManifest | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(root, 'corpus.json'), 'utf8')) as CorpusManifest;
  } catch {
    return undefined;
  }
}

/** Writes files with bounded concurrency: fast, without opening thousands of descriptors at once. */
async function writeAll(entries: Iterable<[string, string]>): Promise<void> {
  const iterator = entries[Symbol.iterator]();
  const made = new Map<string, Promise<unknown>>();
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const [file, text] = next.value;
      const dir = path.dirname(file);
      if (!made.has(dir)) made.set(dir, fs.mkdir(dir, { recursive: true }));
      await made.get(dir);
      await fs.writeFile(file, text);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/**
 * The corpus for `size` and `seed` under `baseDir`, generated unless an identical one (same seed,
 * size and generator version) is already there.
 */
export async function ensureCorpus(
  baseDir: string,
  size: number,
  seed: number,
  mistakeRate = MISTAKE_RATE,
  mix: Mix = 'five',
): Promise<Corpus> {
  // A library with another mistake rate (e.g. 0: every file clean) or mix lives beside the standard one.
  const root = path.join(
    baseDir,
    `corpus-${size}-s${seed}${mistakeRate === MISTAKE_RATE ? '' : `-m${mistakeRate}`}${mix === 'five' ? '' : `-${mix}`}`,
  );
  const yamlRoot = `${root}.yaml`;
  const schemaPath = path.join(root, 'schema.json');
  const existing = await readManifest(root);
  if (
    existing &&
    existing.version === GENERATOR_VERSION &&
    existing.seed === seed &&
    existing.size === size &&
    (existing.mix ?? 'five') === mix
  ) {
    return { root, yamlRoot, schemaPath, manifest: existing };
  }
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(yamlRoot, { recursive: true, force: true });
  const material = loadMaterial();
  const rng = new Random(seed * 1000003 + size);
  const manifest: CorpusManifest = {
    version: GENERATOR_VERSION,
    seed,
    size,
    mix,
    files: [],
    withReferences: 0,
    bytes: 0,
    mistakes: {
      'abbreviated-readability': 0,
      'unknown-tag': 0,
      'missing-link': 0,
      'legacy-key': 0,
      'duplicate-link': 0,
      'legacy-batch': 0,
      'unknown-section': 0,
    },
  };
  const links: string[] = [];
  const schema = JSON.stringify(equivalentSchema(), null, 2);
  function* entries(): Generator<[string, string]> {
    yield [path.join(root, REPORT_PATH), material.report];
    yield [schemaPath, schema];
    yield [path.join(yamlRoot, 'schema.json'), schema];
    // The real library keeps its vocabularies in the site's data files (the focus the batch uses is missing there).
    if (mix === 'real')
      for (const file of DATA_FILES) yield [path.join(root, DATA_DIR, file), readFileSync(path.join(VOCABULARY_DIR, file), 'utf8')];
    for (let i = 0; i < size; i++) {
      const r = resource(rng, material, i, links, mistakeRate, mix);
      if (links.length < 5000) links.push(r.link);
      manifest.files.push(r.file);
      if (r.mistake) manifest.mistakes[r.mistake]++;
      if (r.references > 0) manifest.withReferences++;
      manifest.bytes += Buffer.byteLength(r.text);
      yield [path.join(root, r.file), r.text];
      yield [path.join(yamlRoot, r.file.replace(/\.md$/, '.yaml')), r.frontmatter];
    }
  }
  await writeAll(entries());
  // Written last: its presence means the corpus is complete.
  await fs.writeFile(path.join(root, 'corpus.json'), JSON.stringify(manifest));
  return { root, yamlRoot, schemaPath, manifest };
}

/** `npx tsx scripts/bench/corpus.ts DIR SIZE [SEED] [MIX]`: writes one corpus (e.g. to look at it). */
if (require.main === module) {
  const [dir, size, seed, mix] = process.argv.slice(2);
  if (!dir || !size) {
    console.error('usage: tsx scripts/bench/corpus.ts DIR SIZE [SEED] [five|real]');
    process.exit(2);
  }
  void ensureCorpus(path.resolve(dir), Number(size), Number(seed ?? 1), MISTAKE_RATE, mix === 'real' ? 'real' : 'five').then((c) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped from the summary
    const { files, ...summary } = c.manifest;
    console.log(c.root, JSON.stringify(summary));
  });
}
