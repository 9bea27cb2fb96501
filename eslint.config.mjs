import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * What the core may not import (the README's Layout section: the core runs in any host and learns
 * about files only through its host). The bare names of Node's built-ins come from Node's own list so
 * none is forgotten; `node:*` covers every prefixed form, the prefix-only built-ins (`node:test`,
 * `node:sqlite`, …) included. test/scripts/lintCorePurity.test.ts proves each kind is refused.
 */
const NOT_IN_THE_CORE = 'The core runs in any host: no editor, no LSP connection, no Node; files come through the host.';
const corePurity = {
  paths: builtinModules.filter((name) => !name.startsWith('node:')).map((name) => ({ name, message: `A Node built-in. ${NOT_IN_THE_CORE}` })),
  patterns: [
    { group: ['node:*'], message: `A Node built-in. ${NOT_IN_THE_CORE}` },
    { group: ['vscode', 'vscode/*', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: NOT_IN_THE_CORE },
    {
      // A relative path through lsp/, node/, cli/ or client/ at any depth, or to server.ts.
      regex: '^\\.{1,2}/(?:.*/)?(?:(?:lsp|node|cli|client)(?:/.*)?|server)$',
      message: 'The hosts (lsp/, node/, cli/, server.ts, the client) import the core, never the other way round.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '**/fixtures/**', 'test/e2e/workspace/**', 'test/e2e/multiroot/**', '*.vsix', '.scratch/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The card preview's webview script runs in the browser, not in Node.
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', Element: 'readonly', requestAnimationFrame: 'readonly', acquireVsCodeApi: 'readonly' } },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      // The TypeScript version also sees `import x = require('…')`.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', corePurity],
    },
  },
);
