import * as assert from 'assert';
import { parseReferences } from '../../../server/src/core/report/references';

/** [number, label, the exact text the reference spans] */
const refs = (text: string) => parseReferences(text).map((r) => [r.number, r.label, text.slice(r.start, r.end)]);

describe('section reference parser', () => {
  it('reads a bare number, a label and a title word', () => {
    assert.deepStrictEqual(refs('See §4.3, §4.3: adaptation and (§5.1: Inequity).'), [
      ['4.3', null, '§4.3'],
      ['4.3', 'adaptation', '§4.3: adaptation'],
      ['5.1', 'Inequity', '§5.1: Inequity'],
    ]);
  });

  it('a sentence-ending full stop is not part of the number', () => {
    assert.deepStrictEqual(refs('as in §4.'), [['4', null, '§4']]);
  });

  it('reads a label wrapped onto the next line (LF and CRLF), but not across a blank line', () => {
    assert.deepStrictEqual(refs('in §3.1.3: \nhealthcare-biomed-challenge. And §2.3.2:\r\n  robotics-challenges x'), [
      ['3.1.3', 'healthcare-biomed-challenge', '§3.1.3: \nhealthcare-biomed-challenge'],
      ['2.3.2', 'robotics-challenges', '§2.3.2:\r\n  robotics-challenges'],
    ]);
    assert.deepStrictEqual(refs('§4.3:\n\nNext paragraph'), [['4.3', null, '§4.3']]);
  });

  it('joins the extraction artefact `§4. 1.4: label`', () => {
    assert.deepStrictEqual(refs('( §4. 1.4: modeling-memory)'), [['4.1.4', 'modeling-memory', '§4. 1.4: modeling-memory']]);
  });

  it('reads Markdown links with a # fragment: a number or a slug', () => {
    const r = parseReferences('[A](../reports/r.md#4.3) and [B](reports/r.md#43-adaptation) and [C](https://x.org/#frag)');
    assert.deepStrictEqual(
      r.map((x) => [x.kind, x.number, x.target, x.fragment]),
      [
        ['link', '4.3', '../reports/r.md', '4.3'],
        ['link', null, 'reports/r.md', '43-adaptation'],
        ['link', null, 'https://x.org/', 'frag'],
      ],
    );
  });

  it('finds nothing in text without references', () => {
    assert.deepStrictEqual(refs('Section 4.3 and a $5 price: nothing.'), []);
  });
});
