import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../../server/src/core/edits';
import { findFrontmatter } from '../../server/src/core/frontmatter';
import { LineMap } from '../../server/src/core/positions';
import { Random } from '../../scripts/bench/random';
import { FileStatusRequest } from '../../protocol/src/requests';
import { TestClient } from '../lsp/client';

/** Real-shaped documents to mutate: the seed resource, the example workspace's, and the hostile fixture. */
function seeds(): string[] {
  const dirs = [path.resolve(__dirname, '../core/fixtures'), path.resolve(__dirname, '../e2e/workspace/resources')];
  return dirs.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith('.md'))
      .map((f) => fs.readFileSync(path.join(d, f), 'utf8')),
  );
}

const SNIPPETS = [
  ': ',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  ',',
  '- ',
  '---',
  '\n',
  '\r\n',
  '\t',
  '#',
  '&a ',
  '*a',
  '!!js/function ',
  '? ',
  '|',
  '>',
  '§4.3',
  '§4.7: risks',
  'learnTags: [',
  'readability: Expert',
  'focus: bias',
  'title:',
  'link: example.org',
  '__proto__: 1',
  '{ keywords: [] }: 1',
  '\u0000',
  '\u200b',
  'é',
  '😀',
  '\ud800',
  'resource-lint-disable-next-line unknown-field',
  '  ',
  'Expert',
  'null',
  '~',
];

function mutate(random: Random, text: string): string {
  let out = text;
  for (let n = random.int(1, 4); n > 0; n--) {
    const at = random.int(0, out.length);
    const roll = random.next();
    if (roll < 0.4) out = out.slice(0, at) + random.pick(SNIPPETS) + out.slice(at);
    else if (roll < 0.7) out = out.slice(0, at) + out.slice(Math.min(out.length, at + random.int(1, 20)));
    else {
      const lines = out.split('\n');
      const i = random.int(0, lines.length - 1);
      lines.splice(random.int(0, lines.length), 0, lines[i]);
      out = lines.join('\n');
    }
  }
  return out;
}

function inside(range: Range, lines: LineMap, text: string, what: string): void {
  const start = lines.offset(range.start);
  const end = lines.offset(range.end);
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: range not ordered ${JSON.stringify(range)}`);
  const lineCount = lines.lineStarts().length;
  assert.ok(
    range.end.line < lineCount || (range.end.line === lineCount && range.end.character === 0),
    `${what}: range past the end ${JSON.stringify(range)}`,
  );
  assert.ok(start >= 0 && end <= text.length && start <= end, `${what}: offsets ${start}-${end} of ${text.length}`);
}

const bodyOf = (text: string): string => {
  const block = findFrontmatter(text);
  return block?.close ? text.slice(block.close.end) : text;
};

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

export interface FuzzOptions {
  seed: number;
  documents: number;
  log?: (message: string) => void;
}

export interface FuzzTotals {
  documents: number;
  requests: number;
  edits: number;
  fixAlls: number;
}

/**
 * Drives the built server over stdio with mutated documents: open, random incremental edits, every
 * request kind at random positions, fix-all applied and asked again. Throws at the first broken
 * promise (a crash, an unanswered request, a range outside its document, an edit that does not
 * apply, a fix-all that changes the body or is not idempotent).
 */
export async function fuzzServer(options: FuzzOptions): Promise<FuzzTotals> {
  const random = new Random(options.seed);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ra-fuzz-'));
  fs.mkdirSync(path.join(root, 'resources'));
  const base = seeds();
  const client = new TestClient(root);
  const totals: FuzzTotals = { documents: 0, requests: 0, edits: 0, fixAlls: 0 };
  const ask = async <R>(method: string, params: unknown): Promise<R> => {
    totals.requests++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} unanswered after 10 s: ${JSON.stringify(params).slice(0, 300)}`)), 10000);
    });
    try {
      return await Promise.race([client.connection.sendRequest<R>(method, params), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    await client.initialize();
    for (let d = 0; d < options.documents; d++) {
      totals.documents++;
      let text = mutate(random, random.pick(base));
      const rel = `resources/fuzz-${d % 50}.md`;
      const uri = client.open(rel, text);
      const context = () => `seed ${options.seed}, document ${d}: ${JSON.stringify(text.slice(0, 2000))}`;
      try {
        for (let e = random.int(0, 3); e > 0; e--) {
          const lines = new LineMap(text);
          const a = random.int(0, text.length);
          const b = Math.min(text.length, a + random.int(0, 10));
          const insert = random.chance(0.7) ? random.pick(SNIPPETS) : '';
          client.change(uri, [{ range: lines.range(a, b), text: insert }]);
          text = text.slice(0, a) + insert + text.slice(b);
          totals.edits++;
        }
        const lines = new LineMap(text);
        const at = (): Position => lines.position(random.int(0, text.length));
        const td = { uri };
        const hover = await ask<{ range?: Range } | null>('textDocument/hover', { textDocument: td, position: at() });
        if (hover?.range) inside(hover.range, lines, text, 'hover');
        const completion = await ask<{ items: { textEdit?: TextEdit | { insert: Range; replace: Range; newText: string } }[] } | null>(
          'textDocument/completion',
          { textDocument: td, position: at() },
        );
        for (const item of completion?.items ?? []) {
          const edit = item.textEdit;
          if (edit && 'range' in edit) inside(edit.range, lines, text, 'completion');
          else if (edit) {
            inside(edit.insert, lines, text, 'completion insert');
            inside(edit.replace, lines, text, 'completion replace');
          }
        }
        const symbols = await ask<{ range: Range; selectionRange: Range }[] | null>('textDocument/documentSymbol', { textDocument: td });
        for (const s of symbols ?? []) inside(s.range, lines, text, 'symbol');
        const links = await ask<{ range: Range }[] | null>('textDocument/documentLink', { textDocument: td });
        for (const l of links ?? []) inside(l.range, lines, text, 'link');
        await ask('textDocument/definition', { textDocument: td, position: at() });
        await ask('textDocument/references', { textDocument: td, position: at(), context: { includeDeclaration: true } });
        await ask(FileStatusRequest.method, { uri });
        const diagnostics =
          (await client.waitForDiagnostics(uri, (_d, p) => p.version === undefined || p.version >= 1, 10000).catch(() => [])) ?? [];
        const whole = lines.range(0, text.length);
        const actions = await ask<CodeAction[]>('textDocument/codeAction', { textDocument: td, range: whole, context: { diagnostics } });
        for (const action of actions ?? []) {
          const edits = editsOf(action, uri);
          for (const edit of edits) inside(edit.range, lines, text, `code action ${action.title}`);
          assert.doesNotThrow(() => applyTextEdits(text, edits), `code action ${action.title} does not apply`);
        }
        const fixAll =
          (await ask<CodeAction[]>('textDocument/codeAction', {
            textDocument: td,
            range: whole,
            context: { diagnostics: [], only: ['source.fixAll'] },
          })) ?? [];
        const fix = fixAll.find((a) => a.kind?.startsWith('source.fixAll'));
        if (fix) {
          totals.fixAlls++;
          const fixed = applyTextEdits(text, editsOf(fix, uri));
          assert.strictEqual(bodyOf(fixed), bodyOf(text), 'fix-all changed the body');
          const version = client.change(uri, [{ range: whole, text: fixed }]);
          text = fixed;
          await client.waitForDiagnostics(uri, (_d, p) => p.version === version, 10000);
          const again =
            (await ask<CodeAction[]>('textDocument/codeAction', {
              textDocument: td,
              range: new LineMap(text).range(0, text.length),
              context: { diagnostics: [], only: ['source.fixAll'] },
            })) ?? [];
          const second = again.find((a) => a.kind?.startsWith('source.fixAll'));
          assert.deepStrictEqual(second ? editsOf(second, uri) : [], [], 'fix-all is not idempotent');
        }
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${context()}`, { cause: e });
      } finally {
        client.close(uri);
      }
      assert.ok(client.alive, `the server exited: ${client.stderr}`);
      if (options.log && d % 500 === 499) options.log(`${d + 1} documents, ${totals.requests} requests`);
    }
    // Answered only after every notification before it: nothing is left to write when the client stops.
    await ask('workspace/symbol', { query: '' });
    assert.strictEqual(client.stderr, '', 'the server wrote to stderr');
    return totals;
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
