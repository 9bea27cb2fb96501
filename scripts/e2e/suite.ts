// Builds the in-host suite to out/test/e2e/: one CommonJS file per test module; `vscode` comes from
// the extension host and mocha from node_modules at run time.
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const SUITE_ENTRY = path.join(REPO, 'out', 'test', 'e2e', 'index.js');

export async function buildSuite(): Promise<string> {
  const src = path.join(REPO, 'test', 'e2e');
  const tests = ['suite', path.join('suite', 'multiroot')].flatMap((dir) =>
    fs
      .readdirSync(path.join(src, dir))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => path.join(src, dir, f)),
  );
  fs.rmSync(path.join(REPO, 'out', 'test', 'e2e'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(src, 'index.ts'), ...tests],
    outbase: src,
    outdir: path.dirname(SUITE_ENTRY),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_ENTRY;
}

if (require.main === module) {
  buildSuite().then(
    (entry) => console.log(`[e2e] suite built: ${path.relative(REPO, entry)}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
