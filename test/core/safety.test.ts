import * as assert from 'assert';
import { globMatcher, unsafeGlobReason } from '../../server/src/core/globs';
import { unsafePatternReason } from '../../server/src/core/safePattern';
import { compileSchema, bundledResourceSchema } from '../../server/src/core/schema';
import { settingsProblems } from '../../server/src/core/settings';
import { createConfiguration } from '../../server/src/core/configuration';

const vocabularies = createConfiguration({}).vocabularies;
const schemaWith = (title: Record<string, unknown>) => {
  const base = JSON.parse(JSON.stringify(bundledResourceSchema())) as { properties: Record<string, unknown> };
  base.properties.title = title;
  return base;
};

describe('workspace schemas and globs cannot hang or reach out', () => {
  it('catastrophic patterns are refused; ordinary ones pass', () => {
    for (const p of ['^(a+)+$', '(a|aa)*', '^(\\w+\\s?)*$', '(x+x+)+y', '((ab)*)+']) assert.ok(unsafePatternReason(p), p);
    for (const p of ['^https?://', '^[a-z]+$', '^\\d{4}-\\d{2}$', '^(foo|bar)$', '[(+*)]+', '^a(b|c){2}$', '\\(a+\\)+'])
      assert.strictEqual(unsafePatternReason(p), undefined, p);
  });

  it('a repeated group is refused only when it can match one text in more than one way', () => {
    const refused = [
      '(a|a)*',
      '(a|aa)+',
      '(.*)*',
      '([a-z]+)*',
      '^([a-z]+)*$',
      '(a*)*',
      '(a?)+',
      '(\\d+\\.?)+$',
      '(-[a-z]+[a-z]+)*',
      '(-?[a-z]+)*',
      '(a|b|ab)*',
      '((a|b)+)+',
      '(a+){2,}',
      '(a+){1,50}',
      '(?:x+)+y',
      '(\\1a)+',
    ];
    for (const p of refused) assert.ok(unsafePatternReason(p), p);
    const allowed = [
      '^[a-z]+(-[a-z]+)*$',
      '^[a-z0-9]+(?:-[a-z0-9]+)*$',
      '^(a|b)*$',
      '^(ab|cd)+$',
      '^\\w+(\\.\\w+)*@\\w+(\\.\\w+)+$',
      '^(\\d{1,3}\\.)*\\d+$',
      '^[A-Z][a-z]*( [A-Z][a-z]*)*$',
      '^(?:[^,]+)(?:, [^,]+)*$',
      '^(a+){1,3}$',
      '^\\w+(\\s*,\\s*\\w+)*$',
    ];
    for (const p of allowed) assert.strictEqual(unsafePatternReason(p), undefined, p);
  });

  it('a pattern the check cannot read is refused when it repeats, and a deep one does not overflow', () => {
    assert.ok(unsafePatternReason('(a+'));
    assert.ok(unsafePatternReason('('.repeat(50_000) + 'a+' + ')+'.repeat(50_000)));
  });

  it('a schema with such a pattern is not compiled: its error names the pattern and where it is', () => {
    const compiled = compileSchema(schemaWith({ type: 'string', pattern: '^(a+)+$' }), vocabularies);
    assert.strictEqual(compiled.ok, false);
    assert.match(!compiled.ok ? compiled.error : '', /"\^\(a\+\)\+\$" at \/properties\/title\/pattern could take exponential time/);
  });

  it('a $ref leading back to itself is an error, not a stack overflow', () => {
    const self = compileSchema(schemaWith({ $ref: '#/properties/title' }), vocabularies);
    assert.strictEqual(self.ok, false);
    assert.match(!self.ok ? self.error : '', /lead back to themselves/);
  });

  it('$ref to http(s) or file: is never fetched: the schema is refused, synchronously', () => {
    for (const ref of ['https://example.org/s.json', 'http://127.0.0.1:1/x.json', 'file:///etc/passwd']) {
      const compiled = compileSchema(schemaWith({ $ref: ref }), vocabularies);
      assert.strictEqual(compiled.ok, false, ref);
      assert.match(!compiled.ok ? compiled.error : '', /can't resolve reference/);
    }
  });

  it('globs that backtrack catastrophically are reported and match nothing; matching stays instant', () => {
    const evil = '*a*a*a*a*a*a*a*a*a*a*a*a*b';
    assert.ok(unsafeGlobReason(evil));
    assert.ok(unsafeGlobReason('+(a|aa)/x.md'));
    assert.strictEqual(unsafeGlobReason('**/resources/**/*.md'), undefined);
    const problems = settingsProblems({ resourceGlobs: ['**/resources/**/*.md', evil] }).map((p) => p.message);
    assert.deepStrictEqual(problems.length, 1);
    assert.match(problems[0], /resourceAuthoring\.resourceGlobs\[1\]: ".*" is ignored: more than 3 wildcards/);
    const match = globMatcher(['**/resources/**/*.md', evil]);
    assert.strictEqual(match('a'.repeat(5000)), false);
    assert.strictEqual(match('x/resources/y.md'), true);
  });
});
