// The lint rule that keeps the core pure (eslint.config.mjs, the README's Layout section): a file
// under server/src/core may not import Node's built-ins, the editor or LSP packages, or the hosts
// (lsp/, node/, cli/, server.ts, the client). Each snippet is linted as if it sat at that path.
import { strict as assert } from 'assert';
import { builtinModules } from 'module';
import * as path from 'path';
import { ESLint } from 'eslint';

const REPO = path.resolve(__dirname, '../..');
const RULE = '@typescript-eslint/no-restricted-imports';

describe('lint: the core imports nothing from Node, the editor or the hosts (eslint.config.mjs)', function () {
  this.timeout(60000); // loading ESLint and typescript-eslint, not a budget
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: REPO, overrideConfigFile: path.join(REPO, 'eslint.config.mjs') });
  });

  async function lint(
    code: string,
    file = 'server/src/core/report/probe.ts',
  ): Promise<{ ruleId: string | null; line: number; message: string }[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
    return result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message }));
  }

  const refused: [string, string][] = [
    ['path', "import * as path from 'path';\nexport const sep = path.sep;\n"],
    ['node:path', "import { sep } from 'node:path';\nexport const separator = sep;\n"],
    ['fs/promises', "import { readFile } from 'fs/promises';\nexport const read = readFile;\n"],
    ['a prefix-only built-in', "import test from 'node:test';\nexport const t = test;\n"],
    ["import = require('os')", "import os = require('os');\nexport const o = os;\n"],
    [
      'a type from vscode-languageserver/node',
      "import type { Connection } from 'vscode-languageserver/node';\nexport type C = Connection;\n",
    ],
    ['vscode', "import * as vscode from 'vscode';\nexport const v = vscode;\n"],
    ['../lsp/x', "import { x } from '../lsp/x';\nexport const y = x;\n"],
    ['../../lsp/sub/x', "import { x } from '../../lsp/sub/x';\nexport const y = x;\n"],
    ['../node/files', "import { x } from '../node/files';\nexport const y = x;\n"],
    ['../cli/main (a re-export)', "export { x } from '../cli/main';\n"],
    ['../server', "import { x } from '../server';\nexport const y = x;\n"],
    ['../../../client/src/x', "import { x } from '../../../client/src/x';\nexport const y = x;\n"],
  ];
  for (const [what, code] of refused) {
    it(`refuses ${what}`, async () => {
      const problems = await lint(code);
      assert.deepEqual(
        problems.filter((p) => p.ruleId === RULE).map((p) => p.line),
        [1],
        JSON.stringify(problems),
      );
    });
  }

  it("refuses every one of Node's built-ins, with and without node:", async () => {
    const names = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))].flatMap((name) => [name, `node:${name}`]);
    const code =
      names.map((name, i) => `import * as m${i} from '${name}';`).join('\n') +
      `\nexport const all = [${names.map((_, i) => `m${i}`).join(', ')}];\n`;
    const refusedLines = new Set((await lint(code)).filter((p) => p.ruleId === RULE).map((p) => p.line));
    assert.deepEqual(
      names.filter((_, i) => !refusedLines.has(i + 1)),
      [],
    );
  });

  it('accepts what the core does import: packages, other core modules, the bundled data', async () => {
    const code = [
      "import { parseDocument } from 'yaml';",
      "import type { Diagnostic } from 'vscode-languageserver-types';",
      "import { TextDocument } from 'vscode-languageserver-textdocument';",
      "import { parseReferences } from './references';",
      "import { codes } from '../codes';",
      "import tags from '../../../../data/vocabularies/resourceTags.json';",
      'export type D = Diagnostic;',
      'export const used = [parseDocument, TextDocument, parseReferences, codes, tags];',
      '',
    ].join('\n');
    assert.deepEqual(await lint(code), []);
  });

  it('leaves the hosts free to use Node and the LSP packages', async () => {
    const code =
      "import * as path from 'path';\nimport { createConnection } from 'vscode-languageserver/node';\nexport const used = [path.sep, createConnection];\n";
    assert.deepEqual(await lint(code, 'server/src/lsp/probe.ts'), []);
  });

  it('makes the hosts import the core from its entry, not its modules', async () => {
    const deep = "import { severityOf } from '../core/settings';\nexport const used = severityOf;\n";
    for (const host of ['server/src/lsp/probe.ts', 'server/src/cli/probe.ts', 'server/src/node/probe.ts']) {
      assert.deepEqual(
        (await lint(deep, host)).map((p) => p.ruleId),
        ['@typescript-eslint/no-restricted-imports'],
        host,
      );
    }
    assert.deepEqual(
      (await lint("import { x } from '../../core/codes';\nexport const y = x;\n", 'server/src/cli/format/probe.ts')).length,
      1,
    );
    assert.deepEqual(
      await lint("import { createProject } from '../core';\nexport const used = createProject;\n", 'server/src/lsp/probe.ts'),
      [],
    );
  });

  it('leaves reading files to the Node host: the LSP and command-line wiring may not import fs', async () => {
    const reads = "import { readFileSync } from 'fs';\nexport const used = readFileSync;\n";
    for (const wiring of ['server/src/lsp/probe.ts', 'server/src/cli/probe.ts', 'server/src/server.ts']) {
      assert.deepEqual(
        (await lint(reads, wiring)).map((p) => p.ruleId),
        ['@typescript-eslint/no-restricted-imports'],
        wiring,
      );
    }
    assert.deepEqual(await lint(reads, 'server/src/node/probe.ts'), []);
  });
});
