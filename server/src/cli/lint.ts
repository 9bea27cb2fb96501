import { readFileSync } from 'fs';
import { URI } from 'vscode-uri';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DuplicateLinkIndex, linkOf } from '../core/checks/duplicates';
import type { DiagnosticCode } from '../core/codes';
import type { Configuration } from '../core/configuration';
import { NO_REPORTS, type ReportSet } from '../core/report/reportSet';
import { checkResourceText, fromAnalysis, type FileCheck } from '../core/lint';
import { analyzeText, toDiagnostics, type Analysis } from '../core/service';
import { severityOf } from '../core/settings';
import { severityName } from '../core/severity';
import { ConfigurationError } from './io';
import type { Progress } from './progress';
import type { CliDiagnostic, FileResult } from './results';

/** What `--fix` plugs in: given one file's analysis, repair what can be repaired and say how much. */
export interface FixSupport {
  fix(file: { path: string; text: string; analysis: Analysis }): Promise<{ analysis: Analysis; fixes: number; written: boolean }>;
  /** Whether a finding has a preferred fix (the JSON format's `fixable`). */
  fixable(diagnostic: Diagnostic, analysis: Analysis): boolean;
}

export interface LintRun {
  results: FileResult[];
  fixed: number;
  fixedFiles: number;
}

/** A file's text as an editor shows it: without a UTF-8 BOM (positions count from after it; --fix puts it back). */
function readText(file: string): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    throw new ConfigurationError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function toCli(analysis: Analysis, config: Configuration, fixes: FixSupport | undefined): CliDiagnostic[] {
  return toDiagnostics(analysis, config).map((d) => ({
    code: d.code as DiagnosticCode,
    severity: severityName(d.severity),
    message: typeof d.message === 'string' ? d.message : d.message.value,
    range: d.range,
    fixable: fixes ? fixes.fixable(d, analysis) : false,
  }));
}

/**
 * Checks every file (fast path first, the full analysis only where there is something to report),
 * then the workspace-level duplicate check across them. Files are read one at a time and only
 * their diagnostics are kept, so memory does not grow with the library's text.
 */
export async function lintFiles(opts: {
  files: readonly string[];
  root: string;
  config: Configuration;
  progress: Progress;
  /** The quick fixes: say which problems are fixable, and repair them with --fix. */
  fixes?: FixSupport;
  fix?: boolean;
  /** The reports section references resolve against. */
  reports?: ReportSet;
  /** Files to check as reports (their own section references only, no frontmatter), as the editor does. */
  isReportFile?: (absolute: string) => boolean;
}): Promise<LintRun> {
  const context = { reports: opts.reports ?? NO_REPORTS };
  const { root, config, fixes } = opts;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  // Most files lie under the root: slicing is much cheaper than path.relative for each of thousands.
  const relative = (abs: string) => (abs.startsWith(prefix) ? abs.slice(prefix.length) : path.relative(root, abs)).split(path.sep).join('/');
  const links = new DuplicateLinkIndex();
  const results: FileResult[] = [];
  let fixed = 0;
  let fixedFiles = 0;
  for (let i = 0; i < opts.files.length; i++) {
    const file = opts.files[i];
    const rel = relative(file);
    const text = readText(file);
    // A file URI, as the editor has it: Markdown links to the report resolve relative to it.
    const uri = URI.file(file).toString();
    const asReport = opts.isReportFile?.(file) === true;
    let check: FileCheck = asReport
      ? { analysis: analyzeText(text, config, uri, 0, { ...context, role: 'report' }) }
      : checkResourceText(text, config, uri, context);
    if (opts.fix && fixes && check.analysis && check.analysis.findings.length > 0) {
      const outcome = await fixes.fix({ path: file, text, analysis: check.analysis });
      fixed += outcome.fixes;
      if (outcome.written) fixedFiles++;
      check = asReport ? { analysis: outcome.analysis } : fromAnalysis(outcome.analysis);
    }
    links.set(rel, check.link, check.linkRange);
    const diagnostics = check.analysis ? toCli(check.analysis, config, fixes) : [];
    results.push({ file: rel, path: file, diagnostics });
    opts.progress.tick(i + 1);
  }
  addDuplicates(results, links, config);
  opts.progress.done();
  return { results, fixed, fixedFiles };
}

function addDuplicates(results: FileResult[], links: DuplicateLinkIndex, config: Configuration): void {
  const level = severityOf('duplicate-resource', config.settings);
  if (level === 'off') return;
  const byFile = new Map(results.map((r) => [r.file, r]));
  // Files the fast path vouched for have no link position yet: read those few again in full.
  for (const rel of links.missingRanges()) {
    const result = byFile.get(rel);
    if (!result) continue;
    const link = linkOf(analyzeText(readText(result.path), config, rel));
    links.set(rel, link?.key, link?.range);
  }
  for (const rel of links.duplicated()) {
    const result = byFile.get(rel);
    const report = links.report(rel);
    if (!result || !report) continue;
    result.diagnostics.push({
      code: 'duplicate-resource',
      severity: level,
      message: report.message,
      range: report.range,
      fixable: false,
      related: report.others.filter((o) => o.range).map((o) => ({ file: o.file, range: o.range!, message: `The same link in ${o.file}` })),
    });
    result.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
