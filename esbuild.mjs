// One esbuild context per shipped entry point; type-checking is `npm run typecheck` (tsc).
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  loader: { '.json': 'json' },
};

const entries = [
  { entryPoints: ['client/src/node/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', mainFields: ['module', 'main'] },
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    mainFields: ['module', 'main'],
    define: { RESOURCE_LINT_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
  // The web build (package.json `browser`, VS Code for the Web): no Node built-ins, so esbuild fails on any.
  {
    entryPoints: ['client/src/web/main.ts'],
    outfile: 'dist/browserExtension.js',
    external: ['vscode'],
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
  },
  {
    entryPoints: ['server/src/browserServer.ts'],
    outfile: 'dist/browserServer.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
  },
];

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  // The CLI is the package's bin: executable itself, so a runner that links it without npm's chmod
  // (an npx cache made from an earlier build) still runs it.
  chmodSync('dist/cli.js', 0o755);
}
