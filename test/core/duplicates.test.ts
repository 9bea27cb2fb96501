import * as assert from 'assert';
import { DuplicateLinkIndex, linkOf, normaliseLink } from '../../server/src/core/checks/duplicates';
import { analyzeText } from '../../server/src/core/service';
import { config, withFields } from './helpers';

const at = (line: number) => ({ start: { line, character: 6 }, end: { line, character: 20 } });

describe('duplicate-resource: links that name the same page', () => {
  it('normalises scheme and host case and a trailing slash, nothing else', () => {
    assert.strictEqual(normaliseLink('HTTPS://Example.ORG/Path/'), normaliseLink('https://example.org/Path'));
    assert.strictEqual(normaliseLink(' https://example.org '), normaliseLink('https://example.org/'));
    assert.notStrictEqual(normaliseLink('https://example.org/path'), normaliseLink('https://example.org/Path'));
    assert.notStrictEqual(normaliseLink('https://example.org/a?x=1'), normaliseLink('https://example.org/a?x=2'));
    assert.notStrictEqual(normaliseLink('http://example.org/a'), normaliseLink('https://example.org/a'));
    assert.strictEqual(normaliseLink(''), undefined);
    assert.strictEqual(normaliseLink(42), undefined);
  });

  it('reports each file of a group, naming the others, and forgets a deleted one', () => {
    const index = new DuplicateLinkIndex();
    assert.deepStrictEqual(index.set('a.md', 'k', at(1)), []);
    assert.deepStrictEqual(index.set('b.md', 'k', at(2)), ['a.md']);
    index.set('c.md', 'other', at(3));
    assert.match(index.report('a.md')!.message, /b\.md/);
    assert.deepStrictEqual(index.report('b.md')!.others, [{ file: 'a.md', range: at(1) }]);
    assert.strictEqual(index.report('c.md'), undefined);
    assert.deepStrictEqual(index.delete('b.md'), ['a.md']);
    assert.strictEqual(index.report('a.md'), undefined);
  });

  it('a changed link leaves its old group and joins the new one; both groups are affected', () => {
    const index = new DuplicateLinkIndex();
    index.set('a.md', 'k', at(1));
    index.set('b.md', 'k', at(1));
    index.set('c.md', 'm', at(1));
    assert.deepStrictEqual(index.set('b.md', 'm', at(1)).sort(), ['a.md', 'c.md']);
    assert.deepStrictEqual(index.partners('c.md'), ['b.md']);
    assert.deepStrictEqual(index.partners('a.md'), []);
  });

  it('reads the key and the exact range of the link from an analysis', () => {
    const text = withFields({ link: 'link: "https://Example.org/a/"' });
    const link = linkOf(analyzeText(text, config()))!;
    assert.strictEqual(link.key, 'https://example.org/a');
    const line = text.split('\n')[link.range.start.line];
    assert.strictEqual(line.slice(link.range.start.character, link.range.end.character), '"https://Example.org/a/"');
  });
});
