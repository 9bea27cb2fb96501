import * as assert from 'assert';
import { linkOf } from '../../../server/src/core/checks/duplicates';
import { createConfiguration } from '../../../server/src/core/configuration';
import { scanLink } from '../../../server/src/core/project/duplicatePartners';
import { analyzeText } from '../../../server/src/core/service';

const fm = (...lines: string[]) => ['---', 'title: T', ...lines, '---', 'Body mentioning link: nothing.', ''].join('\n');

describe('scanLink: a link from a line scan never disagrees with the parser', () => {
  const config = createConfiguration();
  const texts = [
    fm('link: https://Example.org/a/'),
    fm('link: "https://example.org/b"'),
    fm("link: 'https://example.org/c'"),
    fm('link:   https://example.org/d   '),
    fm('link: https://example.org/e # a comment'),
    fm('link: https://example.org/f', '  continued'),
    fm('link: "esc\\"aped"'),
    fm('link: [a, b]'),
    fm('link: >', '  https://example.org/g'),
    fm('link:'),
    fm('"link": https://example.org/h'),
    fm('? link', ': https://example.org/i'),
    fm('link: 123'),
    fm('link: true'),
    fm('summary: no such key'),
    fm('links: https://example.org/j'),
    fm('link: https://example.org/k', 'link: https://example.org/l'),
    fm('nested:', '  link: https://example.org/m'),
    fm('link: https://example.org/n').replace(/\n/g, '\r\n'),
    '---\nlink: https://example.org/unclosed\n',
  ];
  for (const text of texts) {
    it(JSON.stringify(text.split('---')[1]), () => {
      const scanned = scanLink(text);
      if (scanned === null) return; // unsure: the parser decides
      assert.strictEqual(scanned, linkOf(analyzeText(text, config, 'mem:///r.md'))?.key);
    });
  }

  it('is sure of the plain and simply quoted forms a library mostly has', () => {
    assert.strictEqual(scanLink(texts[0]), 'https://example.org/a');
    assert.strictEqual(scanLink(texts[1]), 'https://example.org/b');
    assert.strictEqual(scanLink(texts[2]), 'https://example.org/c');
    assert.strictEqual(scanLink(texts[14]), undefined);
  });
});
