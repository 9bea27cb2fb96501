/**
 * The TextMate injection grammar in syntaxes/ colours § references in Markdown. Tokenised here with the
 * engine VS Code itself uses (vscode-textmate + Oniguruma), against a small stand-in for the Markdown
 * grammar that has the scopes the injection selector names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../..');
const INJECTION = 'resources.section-reference.injection';
const MARKDOWN = 'text.html.markdown';
/** Plain Text (a .txt report): VS Code has no grammar for it, so the extension contributes an empty host. */
const PLAIN = 'text.plain';

const markdownStandIn = {
  scopeName: MARKDOWN,
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
  ],
};

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      if (scope === MARKDOWN) return textmate.parseRawGrammar(JSON.stringify(markdownStandIn), 'markdown.json');
      if (scope === PLAIN) {
        const file = path.join(ROOT, 'syntaxes/plain-text.tmLanguage.json');
        return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
      }
      if (scope === INJECTION) {
        const file = path.join(ROOT, 'syntaxes/section-references.tmLanguage.json');
        return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
      }
      return null;
    },
    getInjections: (scope) => (scope === MARKDOWN || scope === PLAIN ? [INJECTION] : undefined),
  });
  const loaded = await registry.loadGrammar(MARKDOWN);
  assert.ok(loaded, 'the Markdown stand-in loads');
  grammar = loaded;
  const plainLoaded = await registry.loadGrammar(PLAIN);
  assert.ok(plainLoaded, 'the plain-text host grammar loads');
  plain = plainLoaded;
});

let plain: textmate.IGrammar;

/** Each token of `lines` whose scopes include one of ours: its text and our innermost scope. */
function tokens(...lines: string[]): Array<[string, string]> {
  return tokensWith(grammar, lines);
}

function tokensWith(host: textmate.IGrammar, lines: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let state = textmate.INITIAL;
  for (const line of lines) {
    const r = host.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const ours = t.scopes.filter((s) => s.endsWith('.resources'));
      if (ours.length) out.push([line.slice(t.startIndex, t.endIndex), ours[ours.length - 1]]);
    }
    state = r.ruleStack;
  }
  return out;
}

describe('section reference grammar (syntaxes/section-references.tmLanguage.json)', () => {
  it('is contributed as an injection into Markdown', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ scopeName: string; path: string; injectTo?: string[]; language?: string }> };
    };
    const g = pkg.contributes.grammars.find((x) => x.scopeName === INJECTION);
    assert.ok(g, 'package.json contributes the grammar');
    assert.deepEqual(g.injectTo, [MARKDOWN, PLAIN]);
    assert.equal(path.resolve(ROOT, g.path), path.join(ROOT, 'syntaxes/section-references.tmLanguage.json'));
  });

  it('is injected into plain text (a .txt report), with the host grammar VS Code lacks contributed for plaintext', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ scopeName: string; path: string; language?: string }> };
    };
    const host = pkg.contributes.grammars.find((x) => x.scopeName === PLAIN);
    assert.ok(host, 'package.json contributes a text.plain grammar');
    assert.equal(host.language, 'plaintext');
    assert.equal(path.resolve(ROOT, host.path), path.join(ROOT, 'syntaxes/plain-text.tmLanguage.json'));
    assert.deepEqual(tokensWith(plain, ['security and privacy ( §4.7: security) and §5 here.']), [
      ['§', 'punctuation.definition.section.resources'],
      ['4.7', 'constant.numeric.section-number.resources'],
      [':', 'punctuation.separator.key-value.section.resources'],
      [' ', 'meta.link.reference.section.resources'],
      ['security', 'entity.name.label.section.resources'],
      ['§', 'punctuation.definition.section.resources'],
      ['5', 'constant.numeric.section-number.resources'],
    ]);
  });

  it('scopes the sign, the number, the colon and the label of a labelled reference', () => {
    assert.deepEqual(tokens('See §4.3: adaptation, then more.'), [
      ['§', 'punctuation.definition.section.resources'],
      ['4.3', 'constant.numeric.section-number.resources'],
      [':', 'punctuation.separator.key-value.section.resources'],
      [' ', 'meta.link.reference.section.resources'],
      ['adaptation', 'entity.name.label.section.resources'],
    ]);
  });

  it('takes a bare number, a space after the sign, and stops before a sentence end or a trailing hyphen', () => {
    assert.deepEqual(tokens('As §2.1.1 and § 5 say; §3.1.3: healthcare-biomed-challenge-.'), [
      ['§', 'punctuation.definition.section.resources'],
      ['2.1.1', 'constant.numeric.section-number.resources'],
      ['§', 'punctuation.definition.section.resources'],
      [' ', 'meta.link.reference.section.resources'],
      ['5', 'constant.numeric.section-number.resources'],
      ['§', 'punctuation.definition.section.resources'],
      ['3.1.3', 'constant.numeric.section-number.resources'],
      [':', 'punctuation.separator.key-value.section.resources'],
      [' ', 'meta.link.reference.section.resources'],
      ['healthcare-biomed-challenge', 'entity.name.label.section.resources'],
    ]);
  });

  it('leaves fenced code, comments and a sign without a number alone', () => {
    assert.deepEqual(tokens('```', '§4.3: adaptation', '```', '<!-- §4.7 -->', 'The § sign alone, §x.'), []);
  });
});
