import * as assert from 'assert';
import type { DocumentSymbol, Range } from 'vscode-languageserver-protocol';
import { freshName, useWorkspace } from './frontmatterHelpers';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

/** Flow and block lists, a blank line, a comment and a heading in the body. */
const LINES = [
  '---',
  'title: "A"',
  'focus: Bias',
  'readability: [Beginner, Expert]',
  'learnTags:',
  '  - bias',
  '  - ethics',
  '',
  'link: https://example.org/a  # the page',
  'summary:',
  '---',
  '# A heading',
  '',
];

/** Every symbol as [name, kind, detail, range, selectionRange, children]. */
const EXPECTED = [
  ['title', 7, 'A', r(1, 0, 1, 10), r(1, 0, 1, 5), []],
  ['focus', 7, 'Bias', r(2, 0, 2, 11), r(2, 0, 2, 5), []],
  [
    'readability',
    7,
    '[Beginner, Expert]',
    r(3, 0, 3, 31),
    r(3, 0, 3, 11),
    [
      ['Beginner', r(3, 14, 3, 22)],
      ['Expert', r(3, 24, 3, 30)],
    ],
  ],
  [
    'learnTags',
    7,
    '[bias, ethics]',
    r(4, 0, 6, 10),
    r(4, 0, 4, 9),
    [
      ['bias', r(5, 4, 5, 8)],
      ['ethics', r(6, 4, 6, 10)],
    ],
  ],
  ['link', 7, 'https://example.org/a', r(8, 0, 8, 27), r(8, 0, 8, 4), []],
  ['summary', 7, '', r(9, 0, 9, 8), r(9, 0, 9, 7), []],
];

describe('language server: document symbols of a resource', function () {
  const ws = useWorkspace();
  const symbols = (uri: string) =>
    ws.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[] | null>;
  const shape = (s: DocumentSymbol[] | null) =>
    (s ?? []).map((x) => [x.name, x.kind, x.detail, x.range, x.selectionRange, (x.children ?? []).map((c) => [c.name, c.range])]);

  for (const [name, text] of [
    ['LF', LINES.join('\n')],
    ['CRLF', LINES.join('\r\n')],
    ['a BOM', `\uFEFF${LINES.join('\n')}`],
  ] as const) {
    it(`lists the frontmatter's fields with exact ranges, and only them (${name})`, async () => {
      const uri = ws.client.open(freshName(), text);
      await ws.client.waitForDiagnostics(uri, () => true);
      assert.deepStrictEqual(shape(await symbols(uri)), EXPECTED);
    });
  }

  it('a Markdown file that is not a resource gets no symbols from this server', async () => {
    const uri = ws.client.open(freshName('notes'), LINES.join('\n'));
    assert.deepStrictEqual(await symbols(uri), null);
  });

  it('frontmatter that does not parse answers what parsed, without an error', async () => {
    const uri = ws.client.open(freshName(), ['---', 'title: [unclosed', '---', ''].join('\n'));
    await ws.client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(Array.isArray(await symbols(uri)));
  });
});
