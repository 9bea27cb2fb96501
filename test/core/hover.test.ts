import * as assert from 'assert';
import { hover } from '../../server/src/core/hover';
import { analyzeText } from '../../server/src/core/service';
import { config } from './helpers';

const cfg = config();

function hoverAt(src: string): string | undefined {
  const offset = src.indexOf('|');
  const text = src.replace('|', '');
  const h = hover(analyzeText(text, cfg), cfg, offset);
  return h ? (h.contents as { value: string }).value : undefined;
}

const fm = (...lines: string[]) => ['---', 'title: "A"', ...lines, '---', 'Body', ''].join('\n');

describe('hover', () => {
  it('on a key: description, required or not, the first ten allowed values and how many more', () => {
    const tags = hoverAt(fm('learn|Tags: [bias]'))!;
    assert.match(tags, /^\*\*learnTags\*\* · optional/);
    assert.match(tags, /Topic \*\*tags\*\*/);
    assert.match(tags, /Allowed values: `accessibility`, `machineLearning`, .* and 25 more\./);
    assert.match(hoverAt(fm('focu|s: Bias'))!, /^\*\*focus\*\* · required/);
  });
  it('on a value: its label and the data file that defines it', () => {
    const v = hoverAt(fm('learnTags: [bias, "machine|Learning"]'))!;
    assert.match(v, /\*\*AI and Machine Learning\*\* \(`machineLearning`\)/);
    assert.match(v, /defined in `the bundled resourceTags.json`/);
    assert.match(hoverAt(fm('focus: B|ias'))!, /Category: AI ethics and policy/);
  });
  it('on an invalid value: the diagnostic text', () => {
    const text = fm('learnTags: [AI]');
    const finding = analyzeText(text, cfg).findings.find((f) => f.code === 'invalid-value')!;
    assert.strictEqual(hoverAt(fm('learnTags: [A|I]')), finding.message);
  });
  it('nothing in the body', () => {
    assert.strictEqual(hoverAt(fm('focus: Bias') + 'fo|cus'), undefined);
  });
});
