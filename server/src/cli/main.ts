import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { parseSettingsJson, withoutBom, type ProgressFactory } from '../core';
import { DiskWorkspace } from '../node/diskWorkspace';
import { pathKind, readSettingsFile } from '../node/settingsFile';
import { parseLintArgs, USAGE, type LintArgs } from './args';
import { cacheFile } from '../node/cacheFile';
import { repositoryRoot } from '../node/git';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { ConfigurationError, type CliIO } from './io';
import { changedFiles } from './changed';
import { createLintProject, lintFiles } from './lint';
import { createProgress } from './progress';
import { summarise } from './results';
import { resolveTargets, skippedWarning } from './targets';
import { sectionsCommand } from './sections';

declare const RESOURCE_LINT_VERSION: string | undefined;

/** The package version, set by the bundler; "0.0.0" when run from source. */
export const VERSION = typeof RESOURCE_LINT_VERSION === 'string' ? RESOURCE_LINT_VERSION : '0.0.0';

/** `resource-lint …`: returns the exit status (0 clean, 1 problems, 2 usage or configuration error). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === 'sections') return sections(argv.slice(1), io);
  const args = parseLintArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout.write(USAGE);
      return 0;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case 'usage-error':
      io.stderr.write(`resource-lint: ${args.message}\n\n${USAGE}`);
      return 2;
  }
  try {
    return await lint(args, io);
  } catch (e) {
    if (e instanceof ConfigurationError) {
      io.stderr.write(`resource-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function sections(argv: readonly string[], io: CliIO): Promise<number> {
  return sectionsCommand([...argv], { stdout: (s) => io.stdout.write(s), stderr: (s) => io.stderr.write(s), cwd: io.cwd });
}

/** The `resourceAuthoring.*` settings of `<root>/.vscode/settings.json`, so CI and the editor agree; any problem with them is fatal. */
async function workspaceSettings(root: string): Promise<Record<string, unknown>> {
  const read = await readSettingsFile(root);
  if (read.error) throw new ConfigurationError(`Cannot read ${read.file}: ${read.error}`);
  if (read.text === undefined) return {};
  const parsed = parseSettingsJson(read.text, read.file);
  if (parsed.problems.length > 0) throw new ConfigurationError(parsed.problems.join('\n'));
  return parsed.section;
}

/** The project on the disk, with the editor's engine: check all (or the files named), fix all, format. */
async function lint(args: LintArgs, io: CliIO): Promise<number> {
  const root = path.resolve(io.cwd, args.root ?? '.');
  if ((await pathKind(root)) !== 'folder') throw new ConfigurationError(`--root ${args.root ?? '.'} is not a folder.`);
  const section = await workspaceSettings(root);
  const workspace = new DiskWorkspace({ root, settings: async () => section, blockingReads: true });
  const named = args.reports.map((r) => URI.file(path.resolve(io.cwd, r)).toString());
  const progress: ProgressFactory = (title, total) => {
    const bar = createProgress(io.stderr, total, title);
    return { report: (done) => bar.tick(done), done: () => bar.done() };
  };
  // As ESLint's: --cache-location is relative to the working folder; the default lives in the root.
  const cacheLocation = args.cacheLocation ? path.resolve(io.cwd, args.cacheLocation) : path.join(root, '.resource-lint-cache');
  const cache = args.cache ? { store: cacheFile(cacheLocation), version: VERSION } : undefined;
  const project = createLintProject(workspace, { reports: named, progress, cache });
  const outcome = await project.load();
  const settings = project.configuration.settings;
  const isReportFile = (abs: string): boolean => project.roleOf(URI.file(abs).toString()) === 'report';
  const { targets, skipped } = await resolveTargets({
    patterns: args.patterns,
    root,
    cwd: io.cwd,
    isResource: (rel) => project.configuration.isResource(rel),
    isReportFile,
    rootFiles: (accept) => workspace.findFiles(accept),
  });
  for (const file of skipped) io.stderr.write(`resource-lint: warning: ${skippedWarning(file)}\n`);
  if (args.patterns.length === 0 && !targets.some((t) => project.roleOf(URI.file(t).toString()) === 'resource')) {
    // Like ESLint's "No files matching": a glob typo must not pass CI by checking nothing.
    throw new ConfigurationError(`No files match resourceAuthoring.resourceGlobs (${settings.resourceGlobs.join(', ')}) under ${root}.`);
  }
  // CI must not pass on a configuration the editor would flag: any problem with it is fatal here.
  if (outcome.configurationProblems.length > 0) throw new ConfigurationError(outcome.configurationProblems.join('\n'));
  if (outcome.reportsFailed) throw new ConfigurationError(outcome.reportProblems.join('\n'));
  for (const p of outcome.reportProblems) io.stderr.write(`resource-lint: ${p}\n`);
  // Named reports outside the patterns are checked too when no paths are given: the editor checks every report.
  let files =
    args.patterns.length === 0
      ? [...new Set([...targets, ...project.reports.reports.map((r) => URI.parse(r.uri).fsPath)])].sort()
      : targets;
  if (args.changedSince !== undefined) {
    const only = await changedFiles({ root, ref: args.changedSince, files, project });
    if (only.note) io.stderr.write(`resource-lint: ${only.note}\n`);
    files = only.files;
  }
  const run = await lintFiles(project, files, { root, fix: args.fix, warn: (m) => io.stderr.write(`resource-lint: ${m}\n`) });
  if (run.unreadable.length > 0) {
    throw new ConfigurationError(
      run.unreadable.map((u) => `Cannot read ${URI.parse(u).fsPath}: ${workspace.unreadableReason(u) ?? 'unreadable'}`).join('\n'),
    );
  }
  const all = summarise(run.results, run.fixed, run.fixedFiles);
  const shown = args.quiet
    ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : run.results;
  const summary = summarise(shown, run.fixed, run.fixedFiles);
  if (args.format === 'json') io.stdout.write(formatJson(shown, summary));
  else if (args.format === 'sarif') {
    const repository = (await repositoryRoot(root)) ?? root;
    io.stdout.write(formatSarif(shown, { root, repositoryRoot: repository, version: VERSION, text: textOf, hash: sha256 }));
  } else if (args.format === 'github') {
    // Annotations name files from the repository's root, where the workflow's checkout is.
    const repository = (await repositoryRoot(root)) ?? root;
    io.stdout.write(formatGithub(shown, summary, (r) => toPosix(path.relative(repository, r.path))));
  } else
    io.stdout.write(
      formatStylish(shown, summary, { cwd: io.cwd, colour: colourWanted(io), hiddenWarnings: all.warnings - summary.warnings }),
    );
  if (args.fix && args.format !== 'stylish') {
    io.stderr.write(
      `Fixed ${run.fixed} problem${run.fixed === 1 ? '' : 's'} in ${run.fixedFiles} file${run.fixedFiles === 1 ? '' : 's'}.\n`,
    );
  }
  if (all.errors > 0) return 1;
  if (args.maxWarnings !== undefined && all.warnings > args.maxWarnings) {
    // json and sarif keep stdout to their one document: the reason goes to stderr there.
    const reason = `✖ resource-lint found too many warnings: ${all.warnings.toLocaleString('en')} (maximum: ${args.maxWarnings}).\n`;
    if (args.format === 'stylish' || args.format === 'github') io.stdout.write(reason);
    else io.stderr.write(reason);
    return 1;
  }
  return 0;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** A checked file's text as checked (after --fix, its fixed text), for SARIF's fingerprints. */
function textOf(result: { path: string }): string | undefined {
  try {
    return withoutBom(readFileSync(result.path, 'utf8'));
  } catch {
    return undefined;
  }
}

function colourWanted(io: CliIO): boolean {
  const env = io.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
