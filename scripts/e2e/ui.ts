// The UI-level run: a few robust checks an author would make by eye, with screenshots that double as
// the README's images. Behaviour is asserted in-host (test/e2e/suite); here only what is visible.
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { recordConsole, waitFor } from './browser';
import type { RunningServer } from './server';

export interface UiOptions {
  workspace: string;
  screenshots: string;
  consoleLog: string;
}

export interface UiStep {
  name: string;
  ok: boolean;
  error?: string;
  seconds: number;
}

async function openFromExplorer(page: Page, ...names: string[]): Promise<void> {
  for (const name of names) {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')}$`) }).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    await row.click();
  }
  await page.locator('.tabs-container .tab.active', { hasText: names[names.length - 1] }).waitFor({ timeout: 15000 });
}

/** Moves the mouse onto the error squiggle of a 1-based line, which shows its hover. */
async function hoverSquiggleOnLine(page: Page, line: number): Promise<void> {
  const lineBox = await page.locator('.monaco-editor .margin-view-overlays .line-numbers', { hasText: new RegExp(`^${line}$`) }).first().boundingBox();
  if (!lineBox) throw new Error(`line ${line} is not visible`);
  for (const squiggle of await page.locator('.monaco-editor .squiggly-error').all()) {
    const box = await squiggle.boundingBox();
    if (box && Math.abs(box.y + box.height / 2 - (lineBox.y + lineBox.height / 2)) < lineBox.height / 2) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      return;
    }
  }
  throw new Error(`no error squiggle on line ${line}`);
}

async function shot(page: Page, dir: string, name: string): Promise<void> {
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

export async function runUi(context: BrowserContext, server: RunningServer, o: UiOptions): Promise<UiStep[]> {
  const page = await context.newPage();
  recordConsole(page, o.consoleLog);
  await page.goto(server.url(o.workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const steps: UiStep[] = [];
  const step = async (name: string, body: () => Promise<void>): Promise<void> => {
    const started = Date.now();
    try {
      await body();
      steps.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
    } catch (e) {
      steps.push({ name, ok: false, error: e instanceof Error ? e.message : String(e), seconds: (Date.now() - started) / 1000 });
      await shot(page, o.screenshots, `failed-${name.replace(/\W+/g, '-')}`).catch(() => undefined);
    }
  };

  await step('squiggles on a resource with problems', async () => {
    await openFromExplorer(page, 'resources', 'needs-work.md');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10000 });
    // The message of the "E" in readability: ["E"], as an author hovering it sees it.
    await hoverSquiggleOnLine(page, 4);
    await page.locator('.monaco-hover', { hasText: "'E' is not a readability level" }).first().waitFor({ timeout: 15000 });
    await shot(page, o.screenshots, 'diagnostics');
    await page.keyboard.press('Escape');
  });

  await step('the Problems panel lists them', async () => {
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await waitFor('three problems and their file in the Problems panel', async () => ((await rows.count()) >= 4 ? true : undefined));
    const text = (await rows.allInnerTexts()).join('\n');
    for (const expected of ["'E' is not a readability level", "required field 'source'", "'author' is not a resource field"]) {
      if (!text.includes(expected)) throw new Error(`the Problems panel does not show "${expected}":\n${text}`);
    }
    await shot(page, o.screenshots, 'problems');
  });

  await page.close();
  return steps;
}
