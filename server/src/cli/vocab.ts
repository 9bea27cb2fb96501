import * as path from 'path';
import { URI } from 'vscode-uri';
import { applyTextEdits, createProject, parseSettingsJson, uriOf, VOCABULARY_NAMES, type TermChange, type VocabularyName } from '../core';
import { DiskWorkspace } from '../node/diskWorkspace';
import { pathKind, readSettingsFile } from '../node/settingsFile';
import { VOCAB_SYNOPSIS } from './args';
import type { CommandIO } from './sections';

const USAGE = `Usage: ${VOCAB_SYNOPSIS.join('\n       ')}

Vocabularies: ${VOCABULARY_NAMES.join(', ')} (as the resourceAuthoring.vocabularies.* settings name them).
  usage                       every term, its label and how many resources use it (unused ones: 0)
  rename <vocabulary> <old> <new>   renames a term in its data file and every resource; onto an
                              existing term it merges the two (no repeat left in a list)
  retire <vocabulary> <term>  removes a term from its data file and every resource; a focus or a type
                              in use needs --replace-with <term>
  --root DIR  --format json|text  --dry-run (rename, retire: print what would change, write nothing)
`;

interface VocabArgs {
  command: 'usage' | 'rename' | 'retire';
  positional: string[];
  root: string;
  format: 'json' | 'text';
  dryRun: boolean;
  replaceWith?: string;
}

function parseArgs(argv: readonly string[]): VocabArgs | { error: string } | { help: true } {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) return { help: true };
  if (command !== 'usage' && command !== 'rename' && command !== 'retire') return { error: `Unknown vocab command '${command}'.` };
  const args: VocabArgs = { command, positional: [], root: '.', format: 'text', dryRun: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--root') {
      const v = value();
      if (!v) return { error: '--root needs a folder.' };
      args.root = v;
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'text') return { error: `Unknown --format '${v ?? ''}' for vocab: use json or text.` };
      args.format = v;
    } else if (flag === '--dry-run' && command !== 'usage') args.dryRun = true;
    else if (flag === '--replace-with' && command === 'retire') {
      const v = value();
      if (!v) return { error: '--replace-with needs a term.' };
      args.replaceWith = v;
    } else if (flag === '--help' || flag === '-h') return { help: true };
    else if (a.startsWith('--')) return { error: `Unknown argument '${a}' for vocab ${command}.` };
    else args.positional.push(a);
  }
  const wanted = { usage: 0, rename: 3, retire: 2 }[command];
  if (args.positional.length !== wanted) return { error: `vocab ${command} takes ${wanted === 0 ? 'no' : wanted} arguments.` };
  if (command !== 'usage' && !(VOCABULARY_NAMES as readonly string[]).includes(args.positional[0])) {
    return { error: `Unknown vocabulary '${args.positional[0]}': use ${VOCABULARY_NAMES.join(', ')}.` };
  }
  return args;
}

/**
 * `resource-lint vocab usage|rename|retire`: the editor's own vocabulary refactorings on the disk. Every
 * resource is checked once (which fills the project's index of term uses), then the project works out
 * the one edit and each changed file is written atomically.
 */
export async function vocabCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    io.stdout(USAGE);
    return 0;
  }
  if ('error' in args) {
    io.stderr(`resource-lint: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  const root = path.resolve(io.cwd, args.root);
  if ((await pathKind(root)) !== 'folder') {
    io.stderr(`resource-lint: --root ${args.root} is not a folder.\n`);
    return 2;
  }
  const read = await readSettingsFile(root);
  const parsed =
    read.text === undefined
      ? { section: {}, problems: read.error ? [`Cannot read ${read.file}: ${read.error}`] : [] }
      : parseSettingsJson(read.text, read.file);
  const workspace = new DiskWorkspace({ root, settings: async () => parsed.section, blockingReads: true });
  const project = createProject({ workspace, stopsOnProblems: true, retainTexts: false });
  const outcome = await project.load();
  const problems = [...parsed.problems, ...outcome.settingsProblems.map((p) => p.message), ...outcome.configurationProblems];
  if (problems.length > 0) {
    io.stderr(`resource-lint: ${problems.join('\n')}\n`);
    return 2;
  }
  const folder = URI.file(root).toString();
  const resources = await workspace.findFiles((rel) => project.configuration.isResource(rel));
  await project.checkFiles(resources.map((rel) => uriOf(folder, rel)));
  if (args.command === 'usage') return usage(project.termUsage(), args.format, io);

  const [vocabulary, value, to] = args.positional as [VocabularyName, string, string | undefined];
  const change: TermChange =
    args.command === 'rename'
      ? { kind: 'rename', vocabulary, value, to: to! }
      : { kind: 'retire', vocabulary, value, replaceWith: args.replaceWith };
  const { plan, edit } = await project.termEdit(change);
  if (plan.error || !edit) {
    io.stderr(`resource-lint: ${plan.error ?? 'nothing to do.'}\n`);
    return 2;
  }
  const describe = (uri: string) => path.relative(root, URI.parse(uri).fsPath).split(path.sep).join('/');
  const files: string[] = [];
  const failed: string[] = [];
  for (const change of plan.changes) {
    const uri = change.uri;
    const text = await workspace.readText(uri);
    if (text === undefined) {
      failed.push(`${describe(uri)}: cannot be read`);
      continue;
    }
    files.push(describe(uri));
    if (args.dryRun) continue;
    const written = await workspace.writeText(uri, text, applyTextEdits(text, change.edits));
    if (written !== true)
      failed.push(`${describe(uri)}: ${written === false ? 'changed meanwhile, not written' : `not written (${written})`}`);
  }
  const what =
    args.command === 'rename'
      ? `${plan.merge ? 'Merged' : 'Renamed'} '${value}' ${plan.merge ? 'into' : 'to'} '${to}'`
      : `Retired '${value}'${args.replaceWith ? ` (replaced with '${args.replaceWith}')` : ''}`;
  const summary = `${args.dryRun ? `Would have ${what[0].toLowerCase()}${what.slice(1)}` : what}: ${files.length} file${files.length === 1 ? '' : 's'} (${plan.resources} resource${plan.resources === 1 ? '' : 's'})`;
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ version: 1, dryRun: args.dryRun, files, resources: plan.resources, merge: plan.merge, failed })}\n`);
  } else {
    io.stdout(`${summary}${files.length > 0 ? ':' : '.'}\n${files.map((f) => `  ${f}\n`).join('')}`);
  }
  for (const f of failed) io.stderr(`resource-lint: ${f}\n`);
  return failed.length > 0 ? 1 : 0;
}

function usage(rows: ReturnType<import('../core').Project['termUsage']>, format: 'json' | 'text', io: CommandIO): number {
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ version: 1, terms: rows, unused: rows.filter((r) => r.resources === 0).map((r) => ({ vocabulary: r.vocabulary, value: r.value })) })}\n`,
    );
    return 0;
  }
  for (const name of VOCABULARY_NAMES) {
    const mine = rows.filter((r) => r.vocabulary === name);
    io.stdout(`${name} (${mine.length} terms)\n`);
    const width = Math.max(0, ...mine.map((r) => r.value.length));
    for (const r of mine)
      io.stdout(
        `  ${r.value.padEnd(width)}  ${String(r.resources).padStart(6)}  ${r.resources === 0 ? 'unused' : ''}${r.label && r.resources === 0 ? '  ' : ''}${r.label ?? ''}\n`,
      );
  }
  const unused = rows.filter((r) => r.resources === 0).length;
  io.stdout(`${rows.length} terms, ${unused} unused.\n`);
  return 0;
}
