/**
 * The "hostile" section of `npm run bench`: documents built to be expensive (a 650 KB frontmatter of
 * distinct keys, thousands of findings, a list of 10,000 repeats, an alias bomb, absurd nesting, a
 * line of a megabyte) opened in the built server; the time from didOpen to its diagnostics, each
 * request, fix-all on 4,000 findings, and the server's RSS after three identical rounds.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BenchClient, fileUri, now } from './lspClient';
import { SERVER } from './ours';

const VALID = ['title: "A"', 'focus: Bias', 'source: S', 'readability: [Expert]', 'type: Blog', 'link: https://example.org/a'];
const doc = (lines: string[]) => ['---', ...VALID, ...lines, '---', 'Body.', ''].join('\n');

/** Each hostile document by name. */
export function hostileDocuments(): Record<string, string> {
  const names = 'abcdefghij';
  const bomb = ['a0: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < names.length; i++)
    bomb.push(
      `${names[i]}0: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return {
    '650 KB of distinct keys': doc(Array.from({ length: 36_000 }, (_, i) => `key${i}: value${i}`)),
    '4,000 unknown keys': doc(Array.from({ length: 4000 }, (_, i) => `key${i}: value${i}`)),
    '10,000 repeated readability items': doc([]).replace(
      'readability: [Expert]',
      `readability: [${Array(10_000).fill('"Expert"').join(', ')}]`,
    ),
    'alias bomb': doc(bomb),
    '100k-deep nesting': doc(['x: ' + '['.repeat(100_000) + ']'.repeat(100_000)]),
    'a line of 900 KB': doc(['summary: ' + 'y'.repeat(900_000)]),
    '4,000 case slips (fixable)': doc(Array.from({ length: 4000 }, () => '  - bias').map((l, i) => (i === 0 ? `learnTags:\n${l}` : l))),
  };
}

export interface HostileResult {
  documents: { name: string; kb: number; checkMs: number; requests: Record<string, number> }[];
  fixAll4000Ms: number;
  rssRoundsMb: number[];
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = now();
  const value = await f();
  return { ms: now() - t, value };
}

export async function hostileBench(): Promise<HostileResult> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'ra-bench-hostile-'));
  await fs.mkdir(path.join(root, 'resources'));
  const client = new BenchClient([SERVER, '--stdio'], () => ({}), root);
  await client.initialize(root, { trusted: true });
  await client.connection.sendNotification('initialized', {});
  const docs = hostileDocuments();
  const result: HostileResult = { documents: [], fixAll4000Ms: NaN, rssRoundsMb: [] };
  try {
    for (let round = 0; round < 3; round++) {
      let i = 0;
      for (const [name, text] of Object.entries(docs)) {
        const uri = fileUri(path.join(root, `resources/h${i++}.md`));
        const published = client.waitFor((p) => p.params.uri === uri && p.params.version === 1, 120_000);
        const opened = now();
        await client.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'markdown', version: 1, text },
        });
        const diagnostics = (await published).params.diagnostics;
        const checkMs = now() - opened;
        const td = { textDocument: { uri } };
        const middle = { line: Math.min(100, text.split('\n').length - 3), character: 2 };
        const requests: Record<string, number> = {};
        const ask = async (label: string, method: string, params: unknown) => {
          const { ms } = await timed(() => client.connection.sendRequest(method, params));
          requests[label] = ms;
        };
        await ask('hover', 'textDocument/hover', { ...td, position: middle });
        await ask('completion', 'textDocument/completion', { ...td, position: middle });
        await ask('symbols', 'textDocument/documentSymbol', td);
        const first = diagnostics.slice(0, 1);
        await ask('quick fix', 'textDocument/codeAction', {
          ...td,
          range: first[0]?.range ?? { start: middle, end: middle },
          context: { diagnostics: first },
        });
        await ask('fix all', 'textDocument/codeAction', {
          ...td,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll'] },
        });
        if (round === 0) result.documents.push({ name, kb: Math.round(text.length / 1024), checkMs, requests });
        if (name === '4,000 case slips (fixable)' && round === 0) result.fixAll4000Ms = requests['fix all'];
        await client.connection.sendNotification('textDocument/didClose', td);
      }
      await client.connection.sendRequest('workspace/symbol', { query: '' });
      await new Promise((r) => setTimeout(r, 500));
      result.rssRoundsMb.push(client.rss().rssMb);
    }
  } finally {
    await client.stop();
    await fs.rm(root, { recursive: true, force: true });
  }
  return result;
}

/** The section's lines for the results, each budget with met / missed. */
export function hostileNotes(r: HostileResult): string[] {
  const ms = (x: number) => `${Math.round(x)} ms`;
  const lines = r.documents.map((d) => {
    const slowest = Math.max(...Object.values(d.requests));
    const small = d.kb <= 1024;
    const budget = small ? (d.checkMs < 50 && slowest < 50 ? 'met' : '**missed**') : 'n/a';
    return `Hostile: ${d.name} (${d.kb} KB): check ${ms(d.checkMs)}, requests ${Object.entries(d.requests)
      .map(([k, v]) => `${k} ${ms(v)}`)
      .join(', ')} (budget < 50 ms each: ${budget}; none > 250 ms: ${Math.max(d.checkMs, slowest) <= 250 ? 'met' : '**missed**'}).`;
  });
  lines.push(`Hostile: fix-all on 4,000 findings ${ms(r.fixAll4000Ms)} (target < 200 ms, ${r.fixAll4000Ms < 200 ? 'met' : '**missed**'}).`);
  const [first, , third] = r.rssRoundsMb;
  const drift = (third - first) / first;
  lines.push(
    `Hostile: RSS after 3 identical rounds ${r.rssRoundsMb.map((x) => `${Math.round(x)} MB`).join(' → ')} (${(drift * 100).toFixed(1)}%; target within 5% of the first, ${Math.abs(drift) <= 0.05 ? 'met' : '**missed**'}).`,
  );
  return lines;
}
