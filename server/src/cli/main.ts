import * as path from 'path';
import { URI } from 'vscode-uri';
import { parseSettingsJson, type ProgressFactory, type Project } from '../core';
import { DiskWorkspace } from '../node/diskWorkspace';
import { pathKind, readSettingsFile } from '../node/settingsFile';
import { isFixTemp, removeStaleTemps } from '../node/fixTemps';
import { sha256 } from '../node/textFile';
import { writeFileAtomic } from '../node/writeFile';
import { parseLintArgs, USAGE, type LintArgs } from './args';
import { cacheFile } from '../node/cacheFile';
import { repositoryRoot } from '../node/git';
import { formatGithub } from './format/github';
import { jsonChunks } from './format/json';
import { writeChunks } from './writeChunks';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { ConfigurationError, type CliIO } from './io';
import { changedFiles } from './changed';
import { createLintProject, lintFiles, type LintRun } from './lint';
import { createProgress } from './progress';
import { summarise } from './results';
import { resolveTargets, skippedWarning } from './targets';
import { sectionsCommand } from './sections';
import { vocabCommand } from './vocab';

declare const RESOURCE_LINT_VERSION: string | undefined;

/** The package version, set by the bundler; "0.0.0" when run from source. */
export const VERSION = typeof RESOURCE_LINT_VERSION === 'string' ? RESOURCE_LINT_VERSION : '0.0.0';

/** `resource-lint …`: returns the exit status (0 clean, 1 problems, 2 usage or configuration error). */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === 'sections') return sections(argv.slice(1), io);
  if (argv[0] === 'vocab')
    return vocabCommand(argv.slice(1), { stdout: (s) => io.stdout.write(s), stderr: (s) => io.stderr.write(s), cwd: io.cwd });
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
  // --baseline names a file from the working folder (as --report does) and replaces the setting's;
  // --baseline-write records afresh, so no baseline holds anything back meanwhile.
  const baseline =
    args.baseline !== undefined
      ? URI.file(path.resolve(io.cwd, args.baseline)).toString()
      : args.baselineWrite !== undefined
        ? null
        : undefined;
  // A check that throws is a bug, not a clean file: said on stderr, and the run exits 2 after its report.
  let internalErrors = 0;
  const logger = {
    info: () => undefined,
    // Configuration and report problems come back from load() and are reported below.
    warn: () => undefined,
    error: (message: string) => {
      internalErrors++;
      io.stderr.write(`resource-lint: internal error: ${message}\n`);
    },
  };
  const project = createLintProject(workspace, { reports: named, progress, logger, baseline, cache });
  const outcome = await project.load();
  // The settings file was checked above: these are the configuration file's (.resource-lint.json, package.json).
  if (outcome.settingsProblems.length > 0) throw new ConfigurationError(outcome.settingsProblems.map((p) => p.message).join('\n'));
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
  // Without paths every file is checked, unless --changed-since keeps only some of them.
  let everyFile = args.patterns.length === 0;
  if (args.changedSince !== undefined) {
    const only = await changedFiles({ root, ref: args.changedSince, files, project });
    if (only.note) io.stderr.write(`resource-lint: ${only.note}\n`);
    everyFile &&= only.note !== undefined;
    files = only.files;
  }
  const run = await lintFiles(project, files, { root, fix: args.fix, warn: (m) => io.stderr.write(`resource-lint: ${m}\n`) });
  // A file deleted while the run went on is gone, not broken: said, and skipped.
  const gone = run.unreadable.filter((u) => workspace.unreadableReason(u) === 'ENOENT');
  for (const u of gone) io.stderr.write(`resource-lint: warning: ${URI.parse(u).fsPath} was deleted during the run; skipped.\n`);
  const unreadable = run.unreadable.filter((u) => !gone.includes(u));
  if (unreadable.length > 0) {
    throw new ConfigurationError(
      unreadable.map((u) => `Cannot read ${URI.parse(u).fsPath}: ${workspace.unreadableReason(u) ?? 'unreadable'}`).join('\n'),
    );
  }
  // The temporary files of a --fix run that was killed: the walk of the root found them.
  if (args.fix || args.patterns.length === 0) {
    for (const rel of await removeStaleTemps(root, await workspace.findFiles(isFixTemp))) {
      io.stderr.write(`resource-lint: removed ${rel}, left by an interrupted --fix run.\n`);
    }
  }
  const baselineNote = await baselineStep(project, run, args, io.cwd, everyFile);
  const all = summarise(run.results, run.fixed, run.fixedFiles);
  const shown = args.quiet
    ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : run.results;
  const summary = summarise(shown, run.fixed, run.fixedFiles);
  if (args.format === 'json') await writeChunks(io.stdout, jsonChunks(shown, summary));
  else if (args.format === 'sarif') {
    const repository = (await repositoryRoot(root)) ?? root;
    io.stdout.write(formatSarif(shown, { root, repositoryRoot: repository, version: VERSION, hash: sha256 }));
  } else if (args.format === 'github') {
    // Annotations name files from the repository's root, where the workflow's checkout is.
    const repository = (await repositoryRoot(root)) ?? root;
    io.stdout.write(formatGithub(shown, summary, (r) => toPosix(path.relative(repository, r.path))));
  } else
    io.stdout.write(
      formatStylish(shown, summary, { cwd: io.cwd, colour: colourWanted(io), hiddenWarnings: all.warnings - summary.warnings }),
    );
  if (baselineNote) {
    if (args.format === 'stylish') io.stdout.write(baselineNote);
    else io.stderr.write(baselineNote);
  }
  if (args.fix && args.format !== 'stylish') {
    io.stderr.write(
      `Fixed ${run.fixed} problem${run.fixed === 1 ? '' : 's'} in ${run.fixedFiles} file${run.fixedFiles === 1 ? '' : 's'}.\n`,
    );
  }
  if (internalErrors > 0) return 2;
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

/**
 * --baseline-write: records every finding of the checked files in the baseline file (atomically),
 * which then holds them all, so the results are emptied. Otherwise, with a baseline in use: how many
 * of its findings are gone. Returns the line to say, if any.
 */
async function baselineStep(project: Project, run: LintRun, args: LintArgs, cwd: string, everyFile: boolean): Promise<string | undefined> {
  const { results, uris } = run;
  if (args.baselineWrite !== undefined) {
    const file = path.resolve(cwd, args.baselineWrite);
    try {
      await writeFileAtomic(file, Buffer.from(project.recordBaseline(uris), 'utf8'));
    } catch (e) {
      throw new ConfigurationError(
        `Cannot write the baseline ${args.baselineWrite}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
      );
    }
    const findings = results.reduce((n, r) => n + r.diagnostics.length, 0);
    const files = results.filter((r) => r.diagnostics.length > 0).length;
    for (const r of results) r.diagnostics = [];
    return `Recorded ${plural(findings, 'finding')} in ${plural(files, 'file')} in the baseline ${args.baselineWrite}.
`;
  }
  // When every file was checked, a file the baseline names that is gone took its findings with it.
  const fixed = project.baselineFixed(uris, everyFile);
  if (!fixed) return undefined;
  return `${fixed.toLocaleString('en')} fixed since the baseline: run --baseline-write to update.
`;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

const toPosix = (p: string) => p.split(path.sep).join('/');

function colourWanted(io: CliIO): boolean {
  const env = io.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
