import * as path from 'path';
import { promises as fs } from 'fs';
import { globMatcher } from '../core/globs';
import { buildReportIndex } from '../core/report/indexer';
import type { ReportSet } from '../core/report/reportSet';
import { analyzeText } from '../core/service';
import { DEFAULT_SETTINGS } from '../core/settings';
import { loadReports } from '../node/loadReports';
import { DATA_FILE_NAMES, loadConfiguration } from '../node/loadConfiguration';
import { parseLintArgs, USAGE, type LintArgs } from './args';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { ConfigurationError, type CliIO } from './io';
import { createFixSupport } from './fix';
import { lintFiles } from './lint';
import { createProgress } from './progress';
import { summarise } from './results';
import { readWorkspaceSettings } from './settings';
import { resolveTargets, skippedWarning } from './targets';
import { sectionsCommand } from './sections';

declare const RESOURCE_LINT_VERSION: string | undefined;

/** The package version, set by the bundler; "0.0.0" when run from source. */
export const VERSION = typeof RESOURCE_LINT_VERSION === 'string' ? RESOURCE_LINT_VERSION : '0.0.0';

const DATA_NAMES = new Set(DATA_FILE_NAMES);
const baseName = (rel: string) => rel.slice(rel.lastIndexOf('/') + 1);

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

async function lint(args: LintArgs, io: CliIO): Promise<number> {
  const root = path.resolve(io.cwd, args.root ?? '.');
  const rootStat = await fs.stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new ConfigurationError(`--root ${args.root ?? '.'} is not a folder.`);
  const settings = await readWorkspaceSettings(root);
  const isResource = globMatcher(settings.resourceGlobs);
  // Reports come from --report, else from the settings' globs (found by the same walk as the resources).
  const isReport = args.reports.length > 0 ? () => false : globMatcher(settings.reports);
  const named = new Set(args.reports.map((r) => path.resolve(io.cwd, r)));
  const isReportFile = (abs: string): boolean => {
    if (named.size > 0) return named.has(abs);
    const rel = path.relative(root, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && isReport(rel.split(path.sep).join('/'));
  };
  const { targets, rootFiles, skipped } = await resolveTargetsFor(args, root, io, isResource, isReport, isReportFile);
  for (const file of skipped) io.stderr.write(`resource-lint: warning: ${skippedWarning(file)}\n`);
  if (args.patterns.length === 0 && targets.length === 0) {
    // Like ESLint's "No files matching": a glob typo must not pass CI by checking nothing.
    throw new ConfigurationError(`No files match resourceAuthoring.resourceGlobs (${settings.resourceGlobs.join(', ')}) under ${root}.`);
  }
  const loaded = await loadConfiguration({ root, settings, discovered: rootFiles.filter((rel) => DATA_NAMES.has(baseName(rel))), stopsOnProblems: true });
  const config = loaded.configuration;
  // CI must not pass on a configuration the editor would flag: any problem with it is fatal here.
  if (config.problems.length > 0) throw new ConfigurationError(config.problems.join('\n'));
  const reports = await readReports(args, root, io, rootFiles.filter(isReport));
  const context = { reports };
  const fixes = createFixSupport(config, (text, uri, version) => analyzeText(text, config, uri, version, context), (m) => io.stderr.write(`resource-lint: ${m}\n`));
  const progress = createProgress(io.stderr, targets.length, args.fix ? 'Fixing' : 'Checking');
  const run = await lintFiles({ files: targets, root, config, progress, fixes, fix: args.fix, reports, isReportFile });
  const all = summarise(run.results, run.fixed, run.fixedFiles);
  const shown = args.quiet
    ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }))
    : run.results;
  const summary = summarise(shown, run.fixed, run.fixedFiles);
  if (args.format === 'json') io.stdout.write(formatJson(shown, summary));
  else if (args.format === 'sarif') io.stdout.write(formatSarif(shown, root, VERSION));
  else io.stdout.write(formatStylish(shown, summary, { cwd: io.cwd, colour: colourWanted(io), hiddenWarnings: all.warnings - summary.warnings }));
  if (args.fix && args.format !== 'stylish') {
    io.stderr.write(`Fixed ${run.fixed} problem${run.fixed === 1 ? '' : 's'} in ${run.fixedFiles} file${run.fixedFiles === 1 ? '' : 's'}.\n`);
  }
  if (all.errors > 0) return 1;
  if (args.maxWarnings !== undefined && all.warnings > args.maxWarnings) {
    // json and sarif keep stdout to their one document: the reason goes to stderr there.
    const reason = `✖ resource-lint found too many warnings: ${all.warnings.toLocaleString('en')} (maximum: ${args.maxWarnings}).\n`;
    if (args.format === 'stylish') io.stdout.write(reason);
    else io.stderr.write(reason);
    return 1;
  }
  return 0;
}

function resolveTargetsFor(
  args: LintArgs, root: string, io: CliIO, isResource: (rel: string) => boolean, isReport: (rel: string) => boolean, isReportFile: (abs: string) => boolean,
) {
  return resolveTargets({
    patterns: args.patterns,
    root,
    cwd: io.cwd,
    isResource,
    isReportFile,
    keep: (rel) => DATA_NAMES.has(baseName(rel)) || isReport(rel),
  });
}

/** The reports section references point into, indexed: those named with --report (unreadable: exit 2), else those the settings find. */
async function readReports(args: LintArgs, root: string, io: CliIO, found: string[]): Promise<ReportSet> {
  const explicit = args.reports.map((r) => path.resolve(io.cwd, r));
  const loaded = await loadReports(root, DEFAULT_SETTINGS, explicit.length > 0 ? explicit : found);
  if (loaded.failed && explicit.length > 0) throw new ConfigurationError(loaded.problems.join('\n'));
  for (const p of loaded.problems) io.stderr.write(`resource-lint: ${p}\n`);
  return { generation: 1, reports: loaded.reports.map((r) => buildReportIndex(r.text, r.uri)) };
}

function colourWanted(io: CliIO): boolean {
  const env = io.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
