import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  createProject,
  severityName,
  type DiagnosticCode,
  type Logger,
  type ProgressFactory,
  type Project,
  type ResultCacheOptions,
  type Workspace,
} from '../core';
import type { CliDiagnostic, FileResult } from './results';

export interface LintRun {
  results: FileResult[];
  /** The URI of each result's file. */
  uris: string[];
  fixed: number;
  fixedFiles: number;
  /** Files that could not be read, with the reason. */
  unreadable: string[];
}

/**
 * The project as `resource-lint` runs it: the reports named with --report (none: the settings' globs),
 * stopping on any configuration problem, each text read once and dropped, fixability worked out, and
 * the findings a baseline holds (--baseline, else the setting's) left out.
 * The parity tests (test/core/project/parity.test.ts) create the CLI's project through this too.
 */
export function createLintProject(
  workspace: Workspace,
  options: {
    reports: readonly string[];
    progress?: ProgressFactory;
    logger?: Logger;
    baseline?: string | null;
    cache?: ResultCacheOptions;
  },
): Project {
  return createProject({
    workspace,
    logger: options.logger,
    reports: options.reports,
    stopsOnProblems: true,
    retainTexts: false,
    fixability: true,
    compactDiagnostics: true,
    progress: options.progress,
    // Baselined findings are left out: the exit status and --max-warnings count only the new ones.
    baseline: options.baseline,
    baselineFindings: 'hide',
    cache: options.cache,
  });
}

/**
 * Checks (and with `fix`, repairs) the files through the project, exactly as the editor checks them,
 * and turns each file's diagnostics into the CLI's results. `root` names files root-relatively.
 */
export async function lintFiles(
  project: Project,
  files: readonly string[],
  opts: { root: string; fix?: boolean; warn: (message: string) => void },
): Promise<LintRun> {
  const uris = files.map((f) => (f.includes('://') ? f : URI.file(f).toString()));
  const totals = await project.checkFiles(uris, { fix: opts.fix, onWarning: opts.warn });
  const relative = relativeNamer(opts.root);
  const unreadable = new Set(totals.unreadable);
  const results: FileResult[] = [];
  const checked: string[] = [];
  for (let i = 0; i < uris.length; i++) {
    const uri = uris[i];
    if (unreadable.has(uri)) continue;
    const found = project.diagnostics(uri);
    const diagnostics = found?.diagnostics.length
      ? found.diagnostics.map((d, j) => toCli(d, found.fixable?.[j] ?? false, found.fingerprints?.[j], relative))
      : NONE;
    // A POSIX absolute path is its URI's fsPath already (Windows' fsPath rewrites the drive letter).
    const file = path.sep === '/' && files[i] !== uri && path.isAbsolute(files[i]) ? files[i] : URI.parse(uri).fsPath;
    results.push({ file: relative.path(file), path: file, diagnostics });
    checked.push(uri);
  }
  return { results, uris: checked, fixed: totals.fixed, fixedFiles: totals.fixedFiles, unreadable: totals.unreadable };
}

/**
 * Root-relative `/` names, of URIs and of paths; a path under the root is a slice of it (most
 * files are, and thousands of `path.relative` calls show in a run).
 */
function relativeNamer(root: string): ((uri: string) => string) & { path: (file: string) => string } {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const ofPath = (file: string) => {
    const rest = file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
    if (rest === undefined || (path.sep === '/' ? UNNORMAL_POSIX : UNNORMAL).test(rest)) return toPosix(path.relative(root, file));
    return path.sep === '/' ? rest : toPosix(rest);
  };
  return Object.assign((uri: string) => ofPath(URI.parse(uri).fsPath), { path: ofPath });
}

function toCli(d: Diagnostic, fixable: boolean, fingerprint: string | undefined, relative: (uri: string) => string): CliDiagnostic {
  const out: CliDiagnostic = {
    code: d.code as DiagnosticCode,
    severity: severityName(d.severity),
    message: typeof d.message === 'string' ? d.message : d.message.value,
    range: d.range,
    fixable,
  };
  if (fingerprint) out.fingerprint = fingerprint;
  if (d.relatedInformation?.length) {
    out.related = d.relatedInformation.map((r) => ({ file: relative(r.location.uri), range: r.location.range, message: r.message }));
  }
  return out;
}

/** The diagnostics of every clean file (a result's list is replaced, never changed in place). */
const NONE: CliDiagnostic[] = [];

/** A remainder `path.relative` would write otherwise: empty or dot segments, a trailing separator. */
const UNNORMAL_POSIX = /^$|\/\/|(?:^|\/)\.\.?(?:\/|$)|\/$/;
const UNNORMAL = /^$|[\\/][\\/]|(?:^|[\\/])\.\.?(?:[\\/]|$)|[\\/]$/;

const toPosix = (p: string) => p.split(path.sep).join('/');
