import { parseArgs } from 'util';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github';
const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github'];

/** `resource-lint [paths or globs…] [options]`, as the README's "Command line" section describes it. */
export interface LintArgs {
  command: 'lint';
  patterns: string[];
  root: string | undefined;
  reports: string[];
  format: OutputFormat;
  fix: boolean;
  /** Exit 1 when there are more warnings than this; unlimited when undefined. */
  maxWarnings: number | undefined;
  quiet: boolean;
  /** Report only the findings this baseline file does not hold (overrides resourceAuthoring.baseline). */
  baseline: string | undefined;
  /** Record every finding in this baseline file. */
  baselineWrite: string | undefined;
  /** Check only the files changed since this git ref (and their duplicate partners). */
  changedSince: string | undefined;
  /** Reuse the results of unchanged files from a cache file (`--cache`). */
  cache: boolean;
  /** The cache file (relative to the working folder); undefined: `.resource-lint-cache` in the root. */
  cacheLocation: string | undefined;
}

export type ParsedArgs = LintArgs | { command: 'help' } | { command: 'version' } | { command: 'usage-error'; message: string };

/** The sections subcommand's synopsis: its own usage and --help's show the same line. */
export const SECTIONS_SYNOPSIS = 'resource-lint sections --report FILE [--format json|text]';

export const VOCAB_SYNOPSIS = [
  'resource-lint vocab usage [--format json]',
  'resource-lint vocab rename <vocabulary> <old> <new> [--dry-run]',
  'resource-lint vocab retire <vocabulary> <term> [--replace-with <term>] [--dry-run]',
];

export const USAGE = `Usage: resource-lint [paths or globs…] [options]
       ${SECTIONS_SYNOPSIS}
       ${VOCAB_SYNOPSIS.join('\n       ')}

Checks the YAML frontmatter of resource files. Without paths, every resource file under
--root (per resourceAuthoring.resourceGlobs in <root>/.vscode/settings.json) is checked.

Options:
  --root DIR          workspace folder: settings, vocabularies and reports come from it (default: .)
  --report FILE       a report that section references point into (repeatable)
  --format FORMAT     stylish (default), json, sarif or github (workflow annotations)
  --fix               apply every preferred fix, then report what is left
  --max-warnings N    exit 1 when there are more than N warnings (-1: no limit, the default)
  --quiet             report errors only (--max-warnings still counts warnings)
  --baseline FILE     report only findings not recorded in FILE (default: resourceAuthoring.baseline)
  --baseline-write FILE
                      record every finding in FILE (a baseline to commit), then report none
  --changed-since REF check only the files changed since the git ref REF (merge base),
                      uncommitted and untracked ones included, and their duplicate partners
  --cache             reuse the results of unchanged files (kept in <root>/.resource-lint-cache)
  --cache-location FILE  where --cache keeps them
  -h, --help          show this help
  -v, --version       print the version

Exit status: 0 no errors (and warnings within --max-warnings), 1 errors found,
2 usage or configuration error.
`;

/** Parses the lint command's arguments; never throws: a bad flag is a usage error (exit 2). */
export function parseLintArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  // parseArgs takes "-1" after a flag for another flag; ESLint's "--max-warnings -1" (no limit) must work.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) args.push(`--max-warnings=${argv[++i]}`);
    else args.push(argv[i]);
  }
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string' },
        report: { type: 'string', multiple: true },
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        baseline: { type: 'string' },
        'baseline-write': { type: 'string' },
        'changed-since': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // Node's messages name the flag ("Unknown option '--frmat'"); keep their first sentence.
    return { command: 'usage-error', message: (e as Error).message.split('. ')[0].replace(/\.$/, '') + '.' };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const format = values.format ?? 'stylish';
  if (!FORMATS.includes(format as OutputFormat)) {
    return { command: 'usage-error', message: `Unknown format '${format}': use stylish, json, sarif or github.` };
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^(\d+|-1)$/.test(raw))
      return { command: 'usage-error', message: `--max-warnings needs a whole number of 0 or more (or -1 for no limit), not '${raw}'.` };
    maxWarnings = raw === '-1' ? undefined : Number(raw);
  }
  if (values.root === '') return { command: 'usage-error', message: '--root needs a folder.' };
  const reports = values.report ?? [];
  if (reports.some((r) => r === '')) return { command: 'usage-error', message: '--report needs a file.' };
  if (values.baseline === '') return { command: 'usage-error', message: '--baseline needs a file.' };
  if (values['baseline-write'] === '') return { command: 'usage-error', message: '--baseline-write needs a file.' };
  if (values.baseline !== undefined && values['baseline-write'] !== undefined)
    return { command: 'usage-error', message: '--baseline-write records every finding afresh: use it without --baseline.' };
  // The baseline would then hold only the changed files' findings, and lose every other file's.
  if (values['baseline-write'] !== undefined && values['changed-since'] !== undefined)
    return { command: 'usage-error', message: '--baseline-write records every file: use it without --changed-since.' };
  if (values['baseline-write'] !== undefined && positionals.length > 0)
    return { command: 'usage-error', message: '--baseline-write records every file: use it without paths.' };
  if (values['changed-since'] === '') return { command: 'usage-error', message: '--changed-since needs a git ref.' };
  if (values['cache-location'] === '') return { command: 'usage-error', message: '--cache-location needs a file.' };
  if (values['cache-location'] !== undefined && !values.cache) {
    return { command: 'usage-error', message: '--cache-location needs --cache.' };
  }
  return {
    command: 'lint',
    patterns: positionals,
    root: values.root,
    reports,
    format: format as OutputFormat,
    fix: values.fix ?? false,
    maxWarnings,
    quiet: values.quiet ?? false,
    baseline: values.baseline,
    baselineWrite: values['baseline-write'],
    changedSince: values['changed-since'],
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
  };
}
