// The packaged extension's browser entry (package.json `browser`: dist/browserExtension.js starting
// dist/browserServer.js in a Web Worker) in code-server's real workbench, as VS Code for the Web runs it.
//
// The switch: the same .vsix is installed as a user installs it, then its installed manifest loses
// `main`. An extension with only a `browser` entry is a web extension, so the workbench runs it in its
// web-worker extension host (the one vscode.dev and github.dev have) and never in the Node one: no
// Node process can serve these squiggles. The steps fail if the worker cannot start.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import { recordConsole, waitFor } from './browser';
import type { Editor } from './editor';
import { createProfile, installVsix, startServer, type RunningServer } from './server';
import { cardFrame, openFromExplorer, PREVIEW_BUTTON, runCommand, shot, type UiStep } from './ui';
import { freshWorkspace } from './workspace';

export interface WebOptions {
  root: string;
  vsix: string;
  screenshots: string;
  consoleLog: string;
}

/** Installs `vsix` into a profile of its own and makes the installed copy web-only (no `main`). */
function installWebOnly(editor: Editor, root: string, vsix: string): ReturnType<typeof createProfile> {
  const profile = createProfile(root, editor);
  installVsix(editor, profile, vsix);
  const dir = fs.readdirSync(profile.extensions).find((d) => d.startsWith('resource-authoring.resource-authoring-'));
  if (!dir) throw new Error(`the .vsix was not installed into ${profile.extensions}`);
  const manifestFile = path.join(profile.extensions, dir, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { main?: string; browser?: string };
  if (!manifest.browser) throw new Error('the packaged package.json has no `browser` entry');
  delete manifest.main;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return profile;
}

/** Node processes running the extension's Node server from this profile (there must be none). */
function nodeServers(extensions: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => l.includes(extensions) && l.includes('dist/server.js'));
}

export async function runWeb(editor: Editor, browser: BrowserContext, o: WebOptions): Promise<UiStep[]> {
  const profile = installWebOnly(editor, path.join(o.root, 'web'), o.vsix);
  let server: RunningServer | undefined;
  const steps: UiStep[] = [];
  try {
    server = await startServer(editor, profile);
    const page = await browser.newPage();
    recordConsole(page, o.consoleLog);
    await page.goto(server.url(freshWorkspace(o.root, 'workspace-web')));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    const grep = process.env.RESOURCE_AUTHORING_E2E_GREP;
    const step = async (name: string, body: () => Promise<void>): Promise<void> => {
      if (grep && !new RegExp(grep).test(name)) return;
      const started = Date.now();
      try {
        await body();
        steps.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
      } catch (e) {
        await shot(page, o.screenshots, `failed-${name.replace(/\W+/g, '-')}`).catch(() => undefined);
        steps.push({ name, ok: false, error: e instanceof Error ? e.message : String(e), seconds: (Date.now() - started) / 1000 });
      }
    };

    await step('web worker: squiggles on a resource with problems', async () => {
      await openFromExplorer(page, 'resources/needs-work.md');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10000 });
      const running = nodeServers(profile.extensions);
      if (running.length > 0) throw new Error(`a Node language server runs, not the worker: ${running.join('; ')}`);
      await shot(page, o.screenshots, 'web-diagnostics');
    });

    await step('web worker: the Problems panel has the schema findings and those of a file nobody opened', async () => {
      await page.locator('.monaco-editor').first().click();
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      // The schema's findings come from ajv's generated code: the worker host's CSP allows it. The
      // resource type of never-opened.md was read through the client (workspace.fs) and checked.
      const expected = ["'E' is not a readability level", "'Podcast' is not a resource type"];
      await waitFor('the schema findings in the Problems panel', async () => {
        const text = (await rows.allInnerTexts()).join('\n');
        return expected.every((e) => text.includes(e)) ? true : undefined;
      });
      await shot(page, o.screenshots, 'web-problems');
      await page.keyboard.press('Control+J');
    });

    await step('web worker: completion offers the learn tags with their labels', async () => {
      await openFromExplorer(page, 'resources/draft.md');
      await page.locator('.monaco-editor .view-line', { hasText: 'learnTags: []' }).first().click();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'machineLearning' }).first();
      await waitFor('the learn tags in the completion list', async () => {
        await page.keyboard.press('Control+Space');
        return (await item.waitFor({ timeout: 5000 }).then(
          () => true,
          () => undefined,
        ))
          ? true
          : (await page.keyboard.press('Escape'), undefined);
      });
      const text = await item.innerText();
      if (!text.includes('AI and Machine Learning')) throw new Error(`the machineLearning item does not show its label: ${text}`);
      await shot(page, o.screenshots, 'web-completion');
      await page.keyboard.press('Escape');
    });

    await step('web worker: the card preview shows the card', async () => {
      await openFromExplorer(page, 'resources/foundation-models.md');
      await page.locator(PREVIEW_BUTTON).first().waitFor({ timeout: 30000 });
      await runCommand(page, 'Resources: Open Card Preview to the Side');
      const frame = await cardFrame(page, 'Foundation Models');
      const chips = (await frame.evaluate(
        `[...document.querySelectorAll('.chips[aria-label="Learn tags"] .chip')].map((c) => c.textContent)`,
      )) as string[];
      if (chips.join('|') !== 'AI and Machine Learning|Ethics|Trust') throw new Error(`learn tag chips: ${chips.join(', ')}`);
      await shot(page, o.screenshots, 'web-card-preview');
    });
    await page.close();
  } finally {
    if (server) fs.copyFileSync(server.log, path.join(o.screenshots, 'web-server.log'));
    await server?.stop();
  }
  return steps;
}
