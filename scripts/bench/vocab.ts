import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { createProject, MemoryWorkspace, uriOf, type Project } from '../../server/src/core';
import { TAGS } from './schema';
import { parseResource } from '../../server/src/core/document';
import { TermUseIndex } from '../../server/src/core/project/termUses';
import { LineMap } from '../../server/src/core/positions';
import { termUsesOf } from '../../server/src/core/vocab/uses';
import { nodeScheduler } from '../../server/src/node/scheduler';
import type { Corpus } from './corpus';
import { stats, type Stats } from './measure';

/** The budgets of the vocabulary refactorings (README "Vocabularies as code"), at one library size. */
export interface VocabularyBench {
  size: number;
  /** The tag measured and how many resources use it. */
  tag: string;
  tagFiles: number;
  scanMs: number;
  /** The background pass after the scan that parses the term positions of the files the fast path vouched for. */
  indexMs: number;
  /** Find All References on the tag's data-file entry: the first request right after the scan, then warm. */
  referencesFirstMs: number;
  references: Stats;
  referencesFound: number;
  /** Rename of the tag: the whole edit worked out (data file and every resource), as the editor gets it. */
  rename: Stats;
  renameFiles: number;
  /** Heap the index of term uses takes for the library (every file's uses with positions). */
  indexMb: number;
}

const TAGS_FILE = 'src/_data/resourceTags.json';
const BUNDLED_TAGS = path.resolve(__dirname, '../../data/vocabularies/resourceTags.json');

/** How many resources the measured tag is used by (the rename budget). */
const TARGET_FILES = 5000;

/**
 * Makes the corpus's most used tag the tag of `target` files, in place: in files without it, the
 * first other tag of the frontmatter becomes it (the generated libraries spread their tags evenly,
 * about 1,400 files each at 15,000).
 */
function tagUsedBy(texts: string[], target: number): string {
  // The learnTags field only: from its key to the next top-level key (keywords and summaries hold such words too).
  const field = (t: string): [number, number] => {
    const start = t.search(/^learnTags:/m);
    if (start < 0) return [0, 0];
    const next = t.slice(start + 1).search(/\r?\n(?=[A-Za-z-]+:|---)/);
    return [start, next < 0 ? t.length : start + 1 + next];
  };
  const word = (w: string) => new RegExp(`(?<![\\w])${w}(?![\\w])`);
  const has = (t: string, tag: string) => {
    const [a, b] = field(t);
    return word(tag).test(t.slice(a, b));
  };
  const count = (tag: string) => texts.filter((t) => has(t, tag)).length;
  const tag = [...TAGS].sort((a, b) => count(b) - count(a))[0];
  let n = count(tag);
  for (let i = 0; i < texts.length && n < target; i++) {
    const [a, b] = field(texts[i]);
    const tags = texts[i].slice(a, b);
    const other = TAGS.find((x) => x !== tag && word(x).test(tags));
    if (word(tag).test(tags) || !other) continue;
    texts[i] = texts[i].slice(0, a) + tags.replace(word(other), tag) + texts[i].slice(b);
    n++;
  }
  return tag;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * The project as the server runs it, on the corpus held in memory with the site's tag file added (the
 * corpus uses the bundled vocabularies, which cannot be renamed): the scan, then references and rename of
 * the tag whose use is nearest 5,000 files, then the index's heap, measured on an index built alone.
 */
export async function measureVocabulary(corpus: Corpus, runs: number): Promise<VocabularyBench> {
  const files: Record<string, string> = { [TAGS_FILE]: readFileSync(BUNDLED_TAGS, 'utf8') };
  const texts = await Promise.all(corpus.manifest.files.map((rel) => fs.readFile(path.join(corpus.root, rel), 'utf8')));
  const tag = tagUsedBy(texts, TARGET_FILES);
  corpus.manifest.files.forEach((rel, i) => (files[rel] = texts[i]));
  const workspace = new MemoryWorkspace({ folder: 'mem:///bench', files });
  let scanned: () => void = () => undefined;
  let indexed: () => void = () => undefined;
  const scan = new Promise<void>((resolve) => (scanned = resolve));
  const index = new Promise<void>((resolve) => (indexed = resolve));
  let indexMs = 0;
  const logger = {
    info: (m: string) => {
      if (m.startsWith('[resources] ')) scanned();
      const pass = /^Indexed the term uses of .* in (\d+) ms\.$/.exec(m);
      if (pass) {
        indexMs = Number(pass[1]);
        indexed();
      }
    },
    warn: () => undefined,
    error: () => undefined,
  };
  const started = performance.now();
  const project: Project = createProject({ workspace, logger, scheduler: nodeScheduler });
  await project.start();
  await scan;
  const scanMs = performance.now() - started;
  const chosen = project.termUsage().find((r) => r.vocabulary === 'learnTags' && r.value === tag)!;
  const uri = uriOf('mem:///bench', TAGS_FILE);
  const line = files[TAGS_FILE].split(/\r?\n/).findIndex((l) => l.includes(`"${chosen.value}"`));
  const position = { line, character: files[TAGS_FILE].split(/\r?\n/)[line].indexOf(`"${chosen.value}"`) + 1 };
  let t = performance.now();
  const first = await project.references(uri, position, true);
  const referencesFirstMs = performance.now() - t;
  // The scan leaves the positions of the files the fast path vouched for to a background pass that the
  // log reports: the other requests are measured once it is through.
  await index;
  const warm: number[] = [];
  for (let r = 0; r < runs * 4; r++) {
    t = performance.now();
    await project.references(uri, position, true);
    warm.push(performance.now() - t);
  }
  const renames: number[] = [];
  let renameFiles = 0;
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    const { plan } = await project.termEdit({ kind: 'rename', vocabulary: 'learnTags', value: chosen.value, to: `${chosen.value}Renamed` });
    renames.push(performance.now() - t);
    renameFiles = plan.changes.length;
  }
  project.dispose();
  // The index alone, over every file's uses with their positions (URIs included, though the project shares them).
  const parsed = texts.map((text) => ({ uses: termUsesOf(parseResource(text)), lines: new LineMap(text) }));
  const before = heapAfterGc();
  const alone = new TermUseIndex();
  parsed.forEach((p, i) => alone.set(uriOf('mem:///bench', corpus.manifest.files[i]), p.uses, p.lines));
  const indexMb = (heapAfterGc() - before) / 2 ** 20;
  // Both stay reachable until measured: the parses must not be collected in between, nor the index before.
  if (alone.size === 0 || parsed.length === 0) throw new Error('the index is empty');
  return {
    size: corpus.manifest.size,
    tag: chosen.value,
    tagFiles: chosen.resources,
    scanMs,
    indexMs,
    referencesFirstMs,
    references: stats(warm),
    referencesFound: first?.length ?? 0,
    rename: stats(renames),
    renameFiles,
    indexMb,
  };
}

/** The section's line for the results' notes, with each budget met or missed. */
export function vocabularyNote(b: VocabularyBench): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  return (
    `Vocabularies at ${b.size.toLocaleString('en')} files (tag \`${b.tag}\`, used by ${b.tagFiles.toLocaleString('en')} resources; scan ${(b.scanMs / 1000).toFixed(2)} s in process): ` +
    `Find All References once the background index pass is through (${(b.indexMs / 1000).toFixed(2)} s after the scan) ${ms(b.references.median)} median (${ms(b.references.min)}–${ms(b.references.max)}), ${b.referencesFound.toLocaleString('en')} locations (target < 50 ms, ${verdict(b.references.median < 50)}); the first request, sent the moment the scan ended, ${ms(b.referencesFirstMs)} (it parses the positions itself); ` +
    `rename edit ${ms(b.rename.median)} (${ms(b.rename.min)}–${ms(b.rename.max)}) over ${b.renameFiles.toLocaleString('en')} files (target < 1 s, ${verdict(b.rename.median < 1000)}); ` +
    `index of term uses ${b.indexMb.toFixed(1)} MB (target < 30 MB, ${verdict(b.indexMb < 30)}).`
  );
}
