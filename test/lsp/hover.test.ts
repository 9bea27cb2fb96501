import * as assert from 'assert';
import type { Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { cursor, freshName, resource, useWorkspace } from './frontmatterHelpers';

const REPORT = ['# 4 Technology', '## 4.3 Adaptation', 'Adapting models, see §4.3: adaptation.', ''].join('\n');

describe('language server: hover in the frontmatter (and on § references)', function () {
  const ws = useWorkspace({ 'reports/report.md': REPORT });

  async function hoverAt(
    src: string,
  ): Promise<{ value: string | undefined; hover: Hover | null; diagnostics: Diagnostic[]; position: Position }> {
    const { text, position } = cursor(src);
    const uri = ws.client.open(freshName(), text);
    const diagnostics = await ws.client.waitForDiagnostics(uri, () => true);
    const hover = (await ws.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
    return { value: hover ? (hover.contents as MarkupContent).value : undefined, hover, diagnostics, position };
  }

  it('on a key: its description, whether it is required, and its allowed values', async () => {
    const focus = await hoverAt(resource('readability: [Expert]').replace('focus:', 'fo|cus:'));
    assert.match(focus.value!, /^\*\*focus\*\* · required/);
    assert.match(focus.value!, /Allowed values: `AI Ethics\/Policy`, .*`Tool`\./);
    assert.deepStrictEqual(focus.hover!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
    const tags = await hoverAt(resource('readability: [Expert]', 'learn|Tags: [bias]'));
    assert.match(tags.value!, /^\*\*learnTags\*\* · optional/);
    assert.match(tags.value!, / and 25 more\./);
  });

  it('on a value: its label and the data file that defines it; a focus shows its category', async () => {
    const tag = await hoverAt(resource('readability: [Expert]', 'learnTags: [bias, "machine|Learning"]'));
    assert.match(tag.value!, /\*\*AI and Machine Learning\*\* \(`machineLearning`\)/);
    assert.match(tag.value!, /defined in `the bundled resourceTags.json`/);
    const focus = await hoverAt(resource('readability: [Expert]').replace('focus: Bias', 'focus: Bi|as'));
    assert.match(focus.value!, /Category: AI ethics and policy/);
  });

  it('on an invalid value: the same text as its diagnostic', async () => {
    const { value, diagnostics } = await hoverAt(resource('readability: [Ex|prt]'));
    const d = diagnostics.find((x) => x.code === 'invalid-value');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.strictEqual(value, d.message);
  });

  it('nothing in the body, nothing on a non-resource file', async () => {
    assert.strictEqual((await hoverAt(`${resource('readability: [Expert]')}fo|cus: Bias`)).hover, null);
    const { text, position } = cursor(resource('fo|cus: Bias'));
    const uri = ws.client.open(freshName('docs'), text);
    assert.strictEqual(await ws.client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null);
  });

  it('a § reference in a resource still gets the section hover', async () => {
    const { value } = await hoverAt(`${resource('readability: [Expert]')}See §4.|3: adaptation.`);
    assert.match(value!, /^\*\*§4\.3 Adaptation\*\*/);
    const summary = await hoverAt(resource('readability: [Expert]', 'summary: See §4.|3: adaptation.'));
    assert.match(summary.value!, /^\*\*§4\.3 Adaptation\*\*/);
  });
});
