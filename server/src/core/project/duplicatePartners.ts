import { normaliseLink } from '../checks/duplicates';
import { findFrontmatter } from '../frontmatter';
import type { Workspace } from '../host';

/** Files read at once while looking for partners. */
const BATCH = 64;

/** How much of each file is read first: frontmatter is short, so its closing line is nearly always within. */
const HEAD_BYTES = 4096;

/** Not the kind of value the line scan can read with certainty: the caller parses the file. */
const UNSURE = null;

const LINK_LINE = /^link[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$/gm;
const PLAIN = /^[^\s'"[\]{}#&*!|>%@`,?:-][^#]*$/;
const DOUBLE = /^"([^"\\]*)"$/;
const SINGLE = /^'([^']*)'$/;

/**
 * A resource's normalised link from one look at its frontmatter's lines, for the files that only
 * need their link (to find partners of a duplicate): a single top-level `link:` line with a plain
 * or simply quoted value on that line. `null` whenever the line scan might read the YAML otherwise
 * than the parser does (no closed block, `link` written another way, a value continued on the next
 * line, escapes, flow or block scalars); `undefined` when the frontmatter has no link at all.
 */
export function scanLink(text: string): string | undefined | null {
  const block = findFrontmatter(text);
  if (!block || !block.close) return UNSURE;
  const source = text.slice(block.content.start, block.content.end);
  if (!source.includes('link')) return undefined;
  LINK_LINE.lastIndex = 0;
  const first = LINK_LINE.exec(source);
  if (!first || LINK_LINE.exec(source)) return UNSURE;
  // The line is the only mention of the key as YAML would write it; any other spelling is unsure.
  if (/^[ \t]*(?:["'?{]|-[ \t]).*link/m.test(source)) return UNSURE;
  const after = source.slice(first.index + first[0].length + 1);
  if (/^[ \t]+\S/.test(after)) return UNSURE; // continued on the next line
  const raw = first[1] ?? '';
  if (raw === '') return undefined;
  const quoted = DOUBLE.exec(raw) ?? SINGLE.exec(raw);
  if (quoted) return normaliseLink(quoted[1]);
  // Plain words YAML reads as null, booleans or numbers are no links: the parser decides those.
  if (!PLAIN.test(raw) || raw.includes(': ') || /^(?:~|null|true|false|[+.\d])/i.test(raw)) return UNSURE;
  return normaliseLink(raw);
}

const readHead = (workspace: Workspace, uri: string) =>
  workspace.readHead ? workspace.readHead(uri, HEAD_BYTES) : workspace.readText(uri);

/**
 * The resources among `candidates` whose link is one of `links`: the partners of a duplicate-resource
 * finding in a file that was checked, without analysing the rest of the library. Each file's head
 * is read (its frontmatter) and scanned for its link; only a file the scan is unsure of is read whole
 * and gets `linkOf`, the full check's link.
 */
export async function duplicatePartners(opts: {
  workspace: Workspace;
  links: ReadonlySet<string>;
  candidates: readonly string[];
  linkOf: (uri: string, text: string) => string | undefined;
}): Promise<string[]> {
  const partners: string[] = [];
  if (opts.links.size === 0) return partners;
  for (let i = 0; i < opts.candidates.length; i += BATCH) {
    const batch = opts.candidates.slice(i, i + BATCH);
    const heads = await Promise.all(batch.map((uri) => readHead(opts.workspace, uri)));
    for (let j = 0; j < batch.length; j++) {
      const uri = batch[j];
      const head = heads[j];
      if (head === undefined) continue;
      let link = scanLink(head);
      if (link === null) {
        // Unsure from the head (or the frontmatter goes past it): the whole text, checked.
        const text = await opts.workspace.readText(uri);
        if (text === undefined) continue;
        link = opts.linkOf(uri, text);
      }
      if (link !== undefined && opts.links.has(link)) partners.push(uri);
    }
  }
  return partners;
}
