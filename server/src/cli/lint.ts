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
  const relative = (uri: string) => toPosix(path.relative(opts.root, URI.parse(uri).fsPath));
  const results: FileResult[] = [];
  for (const uri of uris) {
    if (totals.unreadable.includes(uri)) continue;
    const found = project.diagnostics(uri);
    const diagnostics = (found?.diagnostics ?? []).map((d, i) => toCli(d, found?.fixable?.[i] ?? false, relative));
    results.push({ file: relative(uri), path: URI.parse(uri).fsPath, diagnostics });
  }
  return { results, fixed: totals.fixed, fixedFiles: totals.fixedFiles, unreadable: totals.unreadable };
}

function toCli(d: Diagnostic, fixable: boolean, relative: (uri: string) => string): CliDiagnostic {
  const out: CliDiagnostic = {
    code: d.code as DiagnosticCode,
    severity: severityName(d.severity),
    message: typeof d.message === 'string' ? d.message : d.message.value,
    range: d.range,
    fixable,
  };
  if (d.relatedInformation?.length) {
    out.related = d.relatedInformation.map((r) => ({ file: relative(r.location.uri), range: r.location.range, message: r.message }));
  }
  return out;
}

const toPosix = (p: string) => p.split(path.sep).join('/');
