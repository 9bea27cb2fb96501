// Runs the mocha suite inside the extension host of a development window, as @vscode/test-electron
// does on the desktop: VS Code calls the suite's run() and reports its outcome to the page through
// window.codeAutomationExit(code) (the smoke-test driver hook).
import type { BrowserContext } from 'playwright-core';
import { recordConsole } from './browser';
import type { RunningServer } from './server';

export interface InHostOptions {
  /** The development extension: the repository (npm start) or the empty host (testing the .vsix). */
  extensionDevelopmentPath: string;
  /** The built suite's entry module (out/test/e2e/index.js). */
  extensionTestsPath: string;
  workspace: string;
  consoleLog: string;
  timeoutMs: number;
}

/** The suite's exit code (0: all passed). */
export async function runInHost(context: BrowserContext, server: RunningServer, o: InHostOptions): Promise<number> {
  const page = await context.newPage();
  recordConsole(page, o.consoleLog);
  let finish: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => finish(Number(code)));
  const url = server.url(o.workspace, [
    ['extensionDevelopmentPath', server.remote(o.extensionDevelopmentPath)],
    ['extensionTestsPath', server.remote(o.extensionTestsPath)],
  ]);
  await page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the in-host suite did not finish within ${o.timeoutMs / 1000} s (console: ${o.consoleLog})`)),
      o.timeoutMs,
    );
  });
  try {
    return await Promise.race([exited, timeout]);
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}
