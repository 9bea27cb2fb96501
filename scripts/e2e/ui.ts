// The UI-level run: a few robust checks an author would make by eye, with screenshots that double as
// the README's images. Behaviour is asserted in-host (test/e2e/suite); here only what is visible.
import * as path from 'path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
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

function explorerRow(page: Page, name: string): Locator {
  return page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')}$`) }).first();
}

/**
 * Opens a workspace file (`resources/draft.md`) from the Explorer as an author would, from whatever
 * state the window is in: each UI step must run alone (RESOURCE_AUTHORING_E2E_GREP) as well as after
 * the others, so the Explorer is shown and each folder on the way expanded only if it is collapsed
 * (clicking an expanded one would collapse it).
 */
export async function openFromExplorer(page: Page, relPath: string): Promise<void> {
  const names = relPath.split('/');
  await page.keyboard.press('Control+Shift+E'); // View: Show Explorer (shows it; never hides it)
  await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 30000 });
  for (const folder of names.slice(0, -1)) {
    const row = explorerRow(page, folder);
    await row.waitFor({ state: 'visible', timeout: 30000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await page
      .locator('.explorer-folders-view .monaco-list-row[aria-expanded="true"]', {
        hasText: new RegExp(`^${folder.replace(/[.]/g, '\\.')}$`),
      })
      .first()
      .waitFor({ timeout: 15000 });
  }
  const file = names[names.length - 1];
  const row = explorerRow(page, file);
  await row.waitFor({ state: 'visible', timeout: 30000 });
  await row.click();
  // By the tab's resource name: with the card preview open its tab ("Card: …") is active in its group too.
  await page.locator(`.tabs-container .tab.active[data-resource-name="${file}"]`).first().waitFor({ timeout: 15000 });
}

/** Moves the mouse onto the error squiggle of a 1-based line, which shows its hover. */
async function hoverSquiggleOnLine(page: Page, line: number): Promise<void> {
  const lineBox = await page
    .locator('.monaco-editor .margin-view-overlays .line-numbers', { hasText: new RegExp(`^${line}$`) })
    .first()
    .boundingBox();
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

/** Runs a command from the palette (F1), as an author would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}

/** The card preview's webview content (its inner frame), once it shows a card. */
export async function cardFrame(page: Page, titleIncludes = ''): Promise<Frame> {
  return waitFor('the card in the preview webview', async () => {
    for (const f of page.frames()) {
      const title = (await f.evaluate(`document.getElementById('card-title')?.textContent ?? null`).catch(() => null)) as string | null;
      if (title?.includes(titleIncludes)) return f;
    }
    return undefined;
  });
}

/**
 * Makes sure the card preview is open beside `relPath` and shows its card, opening the file and the
 * preview only when an earlier step has not: the preview steps run alone too. Focus ends in the
 * first editor group, where the resource's editor is.
 */
const FIRST_GROUP = 'View: Focus First Editor Group';
/** The preview button in the editor's title bar, shown once the extension knows the file is a resource. */
export const PREVIEW_BUTTON = '.editor-actions .action-label[aria-label*="Open Card Preview to the Side"]';

async function ensurePreview(page: Page, relPath: string, titleIncludes: string): Promise<Frame> {
  const open = (await page.locator('.tabs-container .tab', { hasText: 'Card: ' }).count()) > 0;
  if (open) {
    await runCommand(page, FIRST_GROUP); // the Explorer opens files in the active group: not over the preview
    await openFromExplorer(page, relPath);
  } else {
    await openFromExplorer(page, relPath);
    await page.locator(PREVIEW_BUTTON).first().waitFor({ timeout: 15000 }); // the extension knows the file is a resource
    await runCommand(page, 'Resources: Open Card Preview to the Side');
  }
  const frame = await cardFrame(page, titleIncludes);
  await runCommand(page, FIRST_GROUP);
  return frame;
}

export async function shot(page: Page, dir: string, name: string): Promise<void> {
  // Finite CSS animations (the hover's fade-in) are run to their end first: no half-drawn widgets.
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
}

export async function runUi(context: BrowserContext, server: RunningServer, o: UiOptions): Promise<UiStep[]> {
  const page = await context.newPage();
  recordConsole(page, o.consoleLog);
  await page.goto(server.url(o.workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const steps: UiStep[] = [];
  const grep = process.env.RESOURCE_AUTHORING_E2E_GREP;
  const step = async (name: string, body: () => Promise<void>): Promise<void> => {
    if (grep && !new RegExp(grep).test(name)) return;
    const started = Date.now();
    // One retry, as Playwright's own runner gives UI tests in CI: a real workbench on a loaded two-core
    // machine sometimes drops a hover or a frame. A step that fails twice fails the run; the first
    // failure is logged and its screenshot kept either way.
    for (let attempt = 1; ; attempt++) {
      try {
        await body();
        steps.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
        return;
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        await shot(page, o.screenshots, `failed-${attempt}-${name.replace(/\W+/g, '-')}`).catch(() => undefined);
        if (attempt < 2) {
          console.log(`[e2e] UI step "${name}" failed on attempt ${attempt}, retrying: ${error.split('\n')[0]}`);
          await page.keyboard.press('Escape').catch(() => undefined);
          continue;
        }
        steps.push({ name, ok: false, error, seconds: (Date.now() - started) / 1000 });
        return;
      }
    }
  };

  await step('squiggles on a resource with problems', async () => {
    await openFromExplorer(page, 'resources/needs-work.md');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10000 });
    // The message of the "E" in readability: ["E"], as an author hovering it sees it.
    // Its status bar offers the quick fix. A hover raised while the server is still busy with its first
    // workspace scan can say "No quick fixes available"; hovering again asks again, as a person would.
    const status = page.locator('.monaco-hover .hover-row.status-bar');
    const moveAway = async (): Promise<void> => {
      await page.mouse.move(5, 700); // away, so the next move raises a fresh hover
      await page
        .locator('.monaco-hover')
        .first()
        .waitFor({ state: 'hidden', timeout: 5000 })
        .catch(() => undefined);
    };
    // A hover can fail to rise at all, for instance when the editor re-renders its decorations under a
    // still pointer as the first scan lands; that attempt is dropped and the pointer comes back.
    await waitFor(
      'the hover to offer a quick fix for "E"',
      async () => {
        await hoverSquiggleOnLine(page, 4);
        const offered = await page
          .locator('.monaco-hover', { hasText: "'E' is not a readability level" })
          .first()
          .waitFor({ timeout: 8000 })
          .then(() =>
            status
              .filter({ hasText: /No quick fixes|Quick Fix\.\.\./ })
              .first()
              .waitFor({ timeout: 8000 }),
          )
          .then(async () => (await status.first().innerText()).includes('Quick Fix...'))
          .catch(() => false);
        if (offered) return true;
        await moveAway();
        return undefined;
      },
      60000,
    );
    await shot(page, o.screenshots, 'diagnostics');
    await page.keyboard.press('Escape');
  });

  await step('the Problems panel lists them', async () => {
    await openFromExplorer(page, 'resources/needs-work.md');
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await waitFor('the problems and their files in the Problems panel', async () => ((await rows.count()) >= 4 ? true : undefined));
    const text = (await rows.allInnerTexts()).join('\n');
    // Also those of never-opened.md, which nobody opened: the workspace-wide check.
    for (const expected of [
      "'E' is not a readability level",
      "required field 'source'",
      "'author' is not a resource field",
      "'Podcast' is not a resource type",
    ]) {
      if (!text.includes(expected)) throw new Error(`the Problems panel does not show "${expected}":\n${text}`);
    }
    await shot(page, o.screenshots, 'problems');
    await page.keyboard.press('Control+J'); // hide the panel again: room for the next screenshots
  });

  await step('completion offers the learn tags with their labels', async () => {
    await openFromExplorer(page, 'resources/draft.md');
    // The cursor between the brackets of `learnTags: []`, then Ctrl+Space as an author would.
    await page.locator('.monaco-editor .view-line', { hasText: 'learnTags: []' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'machineLearning' }).first();
    await item.waitFor({ timeout: 15000 });
    const text = await item.innerText();
    if (!text.includes('AI and Machine Learning')) throw new Error(`the machineLearning item does not show its label: ${text}`);
    await shot(page, o.screenshots, 'completion');
    await page.keyboard.press('Escape');
  });

  await step('the card preview beside a resource shows its card', async () => {
    await openFromExplorer(page, 'resources/foundation-models.md');
    // The editor's title bar offers the preview for a resource file (the command is run from the palette).
    await page.locator(PREVIEW_BUTTON).first().waitFor({ timeout: 15000 });
    await runCommand(page, 'Resources: Open Card Preview to the Side');
    const frame = await cardFrame(page);
    const title = await frame.evaluate(`document.getElementById('card-title')?.textContent`);
    if (title !== 'On the Opportunities and Risks of Foundation Models') throw new Error(`card title: ${title}`);
    const chips = (await frame.evaluate(
      `[...document.querySelectorAll('.chips[aria-label="Learn tags"] .chip')].map((c) => c.textContent)`,
    )) as string[];
    if (chips.join('|') !== 'AI and Machine Learning|Ethics|Trust') throw new Error(`learn tag chips: ${chips.join(', ')}`);
  });

  await step('the preview comes back after a window reload', async () => {
    await ensurePreview(page, 'resources/foundation-models.md', 'Foundation Models');
    // Through the command, which saves the window's state first (a browser reload may lose it).
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.tabs-container .tab', { hasText: 'Card: foundation-models.md' }).first().waitFor({ timeout: 30000 });
    await cardFrame(page, 'Foundation Models');
  });

  await step('the card follows typing in the title', async () => {
    const frame = await ensurePreview(page, 'resources/foundation-models.md', 'Foundation Models');
    // Type into the title (End stops at the wrap of a long line) and time the card's update.
    await page.locator('.monaco-editor .view-lines').first().click();
    for (const key of ['Control+Home', 'ArrowDown', 'End', 'ArrowLeft']) await page.keyboard.press(key);
    // Twice: the first edit after the reload also wakes the language server; the second is the steady state.
    for (const text of [' (draft', ')']) {
      await page.keyboard.type(text.slice(0, -1), { delay: 30 });
      const typed = Date.now(); // timed from the last key going down
      await page.keyboard.press(text.slice(-1));
      const want = text === ')' ? ' (draft)' : ' (draft';
      // Polled from outside: the webview's CSP (rightly) stops waitForFunction, which evaluates a string in the page.
      const shown = () => frame.evaluate(`document.getElementById('card-title')?.textContent?.includes(${JSON.stringify(want)}) === true`);
      while (!(await shown())) {
        if (Date.now() - typed > 10000) throw new Error(`the card did not show "${want}" within 10 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      console.log(`[e2e] the card showed "${want}" ${Date.now() - typed} ms after the last key was pressed`);
    }
    await shot(page, o.screenshots, 'card-preview');
  });

  await step('the card follows the active resource editor; a problem clicked in it is revealed there', async () => {
    await ensurePreview(page, 'resources/foundation-models.md', 'Foundation Models');
    await openFromExplorer(page, 'resources/needs-work.md');
    const frame = await cardFrame(page, 'Bias in Word Embeddings');
    const problems = (await frame.evaluate(
      `[...document.querySelectorAll('button.problem .problem-message')].map((m) => m.textContent)`,
    )) as string[];
    if (!problems[0]?.startsWith("The required field 'source' is missing")) throw new Error(`the card's problems: ${problems.join(' | ')}`);
    await frame.locator('button.problem').first().click();
    // The missing field is reported on the opening --- (line 1): the editor selects it.
    await page
      .locator('.statusbar-item', { hasText: /^Ln 1, Col \d+ \(3 selected\)$/ })
      .first()
      .waitFor({ timeout: 10000 });
    await shot(page, o.screenshots, 'card-preview-problems');
  });

  await page.close();
  return steps;
}
