/**
 * The web build's language server (dist/browserServer.js, run `npm run build` first) in a real Web
 * Worker in headless Chromium, driven over LSP by the in-page client of workerPage.ts, with the
 * example workspace's files (test/e2e/workspace) on a virtual file system (`vscode-test-web://`):
 * every file it reads comes through the `resourceAuthoring/fs/*` requests. Fails if the worker
 * cannot start. Needs /usr/bin/chromium (skipped without it, except in CI).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { clientCapabilities, filesOf, serveWorkerPage, WORKER_BUNDLE, type WorkerPageServer } from './workerPage';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WORKSPACE = path.resolve(__dirname, '../e2e/workspace');
const FOLDER = 'vscode-test-web://mount/site';
const NEEDS_WORK = `${FOLDER}/resources/needs-work.md`;
const DRAFT = `${FOLDER}/resources/draft.md`;

interface Diag {
  code: string;
  message: string;
  range: { start: { line: number; character: number } };
}

async function until<T>(page: Page, expression: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('web build: the language server in a Web Worker in headless Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let server: WorkerPageServer | undefined;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it (see .ci/run).`);
      console.log(`      skipped: no Chromium at ${CHROMIUM}`);
      this.skip();
    }
    assert.ok(fs.existsSync(WORKER_BUNDLE), 'dist/browserServer.js is missing: run npm run build');
    server = await serveWorkerPage();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page, starts the worker on the example workspace, initializes it and opens `uri`. */
  async function start(csp: 'eval' | 'noeval', pull = false): Promise<Page> {
    const page = await browser!.newPage();
    await page.goto(`${server!.origin}/?csp=${csp}`);
    await page.evaluate(([files]) => (globalThis as unknown as { startServer: (f: unknown, s: unknown) => void }).startServer(files, {}), [
      filesOf(WORKSPACE, FOLDER),
    ] as const);
    const init = (await page.evaluate(
      ([folder, capabilities]) => {
        const lsp = (globalThis as unknown as { lsp: { request: (m: string, p: unknown) => Promise<unknown> } }).lsp;
        return lsp.request('initialize', {
          processId: null,
          rootUri: folder,
          capabilities,
          initializationOptions: { trusted: true, root: folder },
        });
      },
      [FOLDER, clientCapabilities(pull)] as const,
    )) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.completionProvider, 'the worker answered initialize');
    await page.evaluate(() =>
      (globalThis as unknown as { lsp: { notify: (m: string, p: unknown) => void } }).lsp.notify('initialized', {}),
    );
    return page;
  }

  async function open(page: Page, uri: string): Promise<void> {
    await page.evaluate(
      ([u]) => {
        const lsp = (globalThis as unknown as { lsp: { files: Record<string, string>; notify: (m: string, p: unknown) => void } }).lsp;
        lsp.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: lsp.files[u] } });
      },
      [uri] as const,
    );
  }

  const request = (page: Page, method: string, params: unknown) =>
    page.evaluate(
      ([m, p]) => (globalThis as unknown as { lsp: { request: (m: string, p: unknown) => Promise<unknown> } }).lsp.request(m, p),
      [method, params] as const,
    );

  const published = (page: Page, uri: string) =>
    until<Diag[]>(
      page,
      `window.lsp.diagnostics.get(${JSON.stringify(uri)})?.version === 1 && window.lsp.diagnostics.get(${JSON.stringify(uri)}).diagnostics`,
    );

  it('checks an open resource, and files nobody opened, reading them through the client', async () => {
    const page = await start('eval');
    await open(page, NEEDS_WORK);
    const diags = await published(page, NEEDS_WORK);
    const codes = diags.map((d) => d.code).sort();
    // needs-work.md's mistakes, the schema's (ajv) among them: generated code runs under the workbench's CSP.
    assert.ok(codes.includes('invalid-value'), codes.join(', '));
    assert.ok(codes.includes('required') || codes.includes('unknown-field') || codes.includes('invalid-type'), codes.join(', '));
    const closed = `${FOLDER}/resources/never-opened.md`;
    const closedDiags = await until<Diag[]>(page, `window.lsp.diagnostics.get(${JSON.stringify(closed)})?.diagnostics`);
    assert.ok(closedDiags.length > 0, 'a file nobody opened has its problems');
    assert.ok((await page.evaluate('window.lsp.lists')) === 1, 'the folder is listed once, through the client');
    assert.ok(((await page.evaluate('window.lsp.reads')) as number) > 0, 'closed files are read through the client');
    assert.deepStrictEqual(await page.evaluate('window.lsp.errors'), []);
    assert.ok(!((await page.evaluate('window.lsp.logs')) as string[]).some((l) => l.startsWith('Schema checks are off')));
    await page.close();
  });

  it('completes the site’s tags, offers a quick fix and fix-all, hovers, goes to a § section, and renders the card', async () => {
    const page = await start('eval');
    await open(page, DRAFT);
    await published(page, DRAFT);
    const text = fs.readFileSync(path.join(WORKSPACE, 'resources/draft.md'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('learnTags: ['));
    const completion = (await request(page, 'textDocument/completion', {
      textDocument: { uri: DRAFT },
      position: { line, character: 'learnTags: ['.length },
    })) as { items: { label: string; detail?: string; labelDetails?: { description?: string } }[] };
    const labels = completion.items.map((i) => i.label);
    // The workspace's own resourceTags.json (read through the client), not only the bundled one.
    const workspaceTags = (
      JSON.parse(fs.readFileSync(path.join(WORKSPACE, 'src/_data/resourceTags.json'), 'utf8')) as { resourceTags: { value: string }[] }
    ).resourceTags.map((t) => t.value);
    assert.ok(workspaceTags.length > 0 && workspaceTags.every((t) => labels.includes(t)), labels.join(', '));

    await open(page, NEEDS_WORK);
    const diags = await published(page, NEEDS_WORK);
    const invalid = diags.find((d) => d.code === 'invalid-value')!;
    const actions = (await request(page, 'textDocument/codeAction', {
      textDocument: { uri: NEEDS_WORK },
      range: invalid.range,
      context: { diagnostics: [invalid], only: ['quickfix'] },
    })) as { title: string; isPreferred?: boolean; edit?: { changes?: Record<string, unknown[]>; documentChanges?: unknown[] } }[];
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred quick fix with an edit: ${actions.map((a) => a.title).join(' | ')}`);

    const fixAll = (await request(page, 'textDocument/codeAction', {
      textDocument: { uri: NEEDS_WORK },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as { kind?: string; edit?: unknown }[];
    assert.ok(
      fixAll.some((a) => a.kind?.startsWith('source.fixAll') && a.edit),
      'fix-all answers with an edit',
    );
    const focusLine = fs
      .readFileSync(path.join(WORKSPACE, 'resources/needs-work.md'), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('focus:'));
    const hover = (await request(page, 'textDocument/hover', {
      textDocument: { uri: NEEDS_WORK },
      position: { line: focusLine, character: 2 },
    })) as {
      contents: { value: string };
    } | null;
    assert.ok(hover && hover.contents.value.length > 0, 'hover on a field');

    const models = `${FOLDER}/resources/foundation-models.md`;
    await open(page, models);
    await published(page, models);
    const modelsText = fs.readFileSync(path.join(WORKSPACE, 'resources/foundation-models.md'), 'utf8').split('\n');
    const refLine = modelsText.findIndex((l) => l.includes('§4.7'));
    const definition = (await request(page, 'textDocument/definition', {
      textDocument: { uri: models },
      position: { line: refLine, character: modelsText[refLine].indexOf('§4.7') + 2 },
    })) as { uri: string } | { uri: string }[] | null;
    const target = Array.isArray(definition) ? definition[0] : definition;
    assert.ok(
      target?.uri.startsWith(`${FOLDER}/reports/`),
      `§4.7 goes into the report read through the client: ${JSON.stringify(definition)}`,
    );

    const card = (await request(page, 'resourceAuthoring/renderCard', { uri: DRAFT })) as { html: string; isResource: boolean };
    assert.ok(card.isResource);
    assert.match(card.html, /A draft to try completion in/);
    await page.close();
  });

  it('answers pull diagnostics (textDocument/diagnostic, workspace/diagnostic) when the client declares them', async () => {
    const page = await start('eval', true);
    await open(page, NEEDS_WORK);
    const report = (await request(page, 'textDocument/diagnostic', { textDocument: { uri: NEEDS_WORK } })) as {
      kind: string;
      resultId: string;
      items: Diag[];
    };
    assert.strictEqual(report.kind, 'full');
    assert.ok(
      report.items.some((d) => d.code === 'invalid-value'),
      JSON.stringify(report),
    );
    const again = (await request(page, 'textDocument/diagnostic', {
      textDocument: { uri: NEEDS_WORK },
      previousResultId: report.resultId,
    })) as {
      kind: string;
    };
    assert.strictEqual(again.kind, 'unchanged');
    // As a client does: ask again with the result ids it has until the background scan has reached the
    // file nobody opened (a first answer may come before it, with only what is checked so far).
    const seen = new Map<string, string>();
    const deadline = Date.now() + 20000;
    let reached = false;
    while (!reached && Date.now() < deadline) {
      const previousResultIds = [...seen].map(([uri, value]) => ({ uri, value }));
      const workspace = (await request(page, 'workspace/diagnostic', { previousResultIds })) as {
        items: { uri: string; resultId?: string; items?: Diag[] }[];
      };
      for (const i of workspace.items) if (i.resultId) seen.set(i.uri, i.resultId);
      reached = workspace.items.some((i) => i.uri.endsWith('/never-opened.md') && (i.items?.length ?? 0) > 0);
    }
    assert.ok(reached, 'workspace/diagnostic reports the problems of a file nobody opened');
    assert.strictEqual(await page.evaluate('window.lsp.published.length'), 0, 'nothing pushed to a pull client');
    await page.close();
  });

  it('where a policy refuses generated code, says so and still checks what needs no schema code', async () => {
    const page = await start('noeval');
    await open(page, NEEDS_WORK);
    await until(page, `window.lsp.logs.some((l) => l.startsWith('Schema checks are off') && l.includes('unsafe-eval'))`);
    const diags = await published(page, NEEDS_WORK);
    // The schema's own findings are gone; the file's check did not fail.
    assert.ok(!diags.some((d) => d.code === 'invalid-value'), JSON.stringify(diags));
    const logs = (await page.evaluate('window.lsp.logs')) as string[];
    assert.ok(!logs.some((l) => /failed|EvalError/.test(l)), logs.join('\n'));
    await page.close();
  });
});
