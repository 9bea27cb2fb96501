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
  paths: builtinModules
    .filter((name) => !name.startsWith('node:'))
    .map((name) => ({ name, message: `A Node built-in. ${NOT_IN_THE_CORE}` })),
  patterns: [
    { group: ['node:*'], message: `A Node built-in. ${NOT_IN_THE_CORE}` },
    {
      group: ['vscode', 'vscode/*', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
      message: NOT_IN_THE_CORE,
    },
    {
      // A relative path through lsp/, node/, cli/ or client/ at any depth, or to server.ts.
      regex: '^\\.{1,2}/(?:.*/)?(?:(?:lsp|node|cli|client)(?:/.*)?|server)$',
      message: 'The hosts (lsp/, node/, cli/, server.ts, the client) import the core, never the other way round.',
    },
  ],
};

/** The server side shares only protocol/ with the client. */
const NO_CLIENT_IN_SERVER = {
  group: ['**/client/src', '**/client/src/**'],
  message: 'The server shares only protocol/ with the client: import from protocol/src.',
};

const CORE_FROM_ITS_ENTRY = {
  regex: '^\\.{1,2}/(?:\\.\\./)*core/.+',
  message: 'A host imports the core from its entry (../core), not its modules.',
};

const NO_FS_IN_WIRING = {
  group: ['fs', 'fs/*', 'node:fs', 'node:fs/*'],
  message: 'Files are read and written by the Node host (server/src/node/), not by the LSP or CLI wiring.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test-results/**',
      '**/fixtures/**',
      'test/e2e/workspace/**',
      'test/e2e/multiroot/**',
      '*.vsix',
      '.scratch/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The card preview's webview script runs in the browser, not in Node.
    files: ['media/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        Element: 'readonly',
        requestAnimationFrame: 'readonly',
        acquireVsCodeApi: 'readonly',
      },
    },
  },
  {
    // Client and server share only protocol/: the extension never reaches into the server's code,
    // nor the server into the extension's (each bundle would carry the other's modules).
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/src', '**/server/src/**'],
              message: 'The client shares only protocol/ with the server: import from protocol/src.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [NO_CLIENT_IN_SERVER],
        },
      ],
    },
  },
  {
    // The hosts reach the core through its one entry, server/src/core/index.ts (the README's Layout section).
    files: ['server/src/node/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_CLIENT_IN_SERVER, CORE_FROM_ITS_ENTRY] }] },
  },
  {
    // The LSP and command-line wiring read and write no file themselves: the Node host does (server/src/node/).
    files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/server.ts', 'server/src/cli.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_CLIENT_IN_SERVER, CORE_FROM_ITS_ENTRY, NO_FS_IN_WIRING] }],
    },
  },

  {
    // The shared module depends on neither side, and names.ts on nothing (the pure core imports it).
    files: ['protocol/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/src',
                '**/server/src/**',
                '**/client/src',
                '**/client/src/**',
                'vscode',
                'vscode-languageclient',
                'vscode-languageclient/*',
                'vscode-languageserver',
                'vscode-languageserver/*',
              ],
              message: 'protocol/ is shared by client and server: it imports neither (only the protocol types).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['protocol/src/names.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportDeclaration', message: 'names.ts holds plain constants that the pure core imports: it imports nothing.' },
      ],
    },
  },
  {
    // Code both builds bundle (the desktop's Node extension host and server, the web worker's): no Node
    // globals, which a Web Worker lacks (esbuild's browser builds refuse Node built-in modules already).
    files: ['client/src/**/*.ts', 'server/src/lsp/**/*.ts', 'server/src/web/**/*.ts', 'server/src/browserServer.ts'],
    ignores: ['client/src/node/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'setImmediate', '__dirname', 'require'].map((name) => ({
          name,
          message: 'Shared by the Node and the web builds: a Web Worker has no Node globals.',
        })),
      ],
    },
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
