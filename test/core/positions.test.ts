import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineMap } from '../../server/src/core/positions';
import { buildReportIndex } from '../../server/src/core/report/indexer';
import { Lines } from '../../server/src/core/report/lines';
import { pick, seeded } from './helpers';

describe('LineMap', () => {
  it('counts CRLF, LF and a lone CR as one line break each, in UTF-16 characters', () => {
    const map = new LineMap('a\r\nb\rc\nd😀e');
    assert.deepStrictEqual(map.lineStarts(), [0, 3, 5, 7]);
    assert.deepStrictEqual(map.position(9), { line: 3, character: 2 }, 'the emoji is two UTF-16 characters');
    assert.deepStrictEqual(map.position(2), { line: 0, character: 1 }, 'between CR and LF is the end of the line');
    assert.deepStrictEqual(map.position(99), { line: 3, character: 4 });
    assert.strictEqual(map.offset({ line: 0, character: 5 }), 1, 'past the end of a line is its end, not inside the break');
    assert.strictEqual(map.offset({ line: 9, character: 0 }), map.text.length);
  });

  it('answers as the LSP text document does, for every offset and position of random texts', () => {
    const r = seeded(13);
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', '😀', ' ', ''];
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = Math.floor(r() * 12); i > 0; i--) text += pick(r, pieces);
      const doc = TextDocument.create('mem://t', 'markdown', 0, text);
      const map = new LineMap(text);
      for (let o = -1; o <= text.length + 1; o++)
        assert.deepStrictEqual(map.position(o), doc.positionAt(o), `${JSON.stringify(text)} @${o}`);
      for (let line = -1; line <= map.lineCount; line++) {
        for (let character = -1; character <= 5; character++) {
          assert.strictEqual(
            map.offset({ line, character }),
            doc.offsetAt({ line, character }),
            `${JSON.stringify(text)} ${line}:${character}`,
          );
        }
      }
    }
  });

  it('is what the report index and its line rules cut lines with', () => {
    const text = '# 4 Technology\r\n\r## 4.3 Adaptation\nText §4.3.';
    const lines = new Lines(text);
    assert.deepStrictEqual(
      lines.lines.map((l) => [l.start, l.text]),
      [
        [0, '# 4 Technology'],
        [16, ''],
        [17, '## 4.3 Adaptation'],
        [35, 'Text §4.3.'],
      ],
    );
    const report = buildReportIndex(text, 'file:///w/reports/r.md');
    assert.ok(report.lines instanceof LineMap);
    assert.deepStrictEqual(report.lines.position(report.byNumber.get('4.3')!.start), { line: 2, character: 3 });
  });
});
