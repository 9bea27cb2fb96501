import type { FileResult, Summary } from '../results';

/** The `--format json` document (README, "Command line"): exactly `{version, summary, results}`, every checked file listed. */
export function formatJson(results: readonly FileResult[], summary: Summary): string {
  const doc = {
    version: 1,
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, fixed: summary.fixed },
    results: results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        range: {
          start: { line: d.range.start.line, character: d.range.start.character },
          end: { line: d.range.end.line, character: d.range.end.character },
        },
        fixable: d.fixable,
      })),
    })),
  };
  return JSON.stringify(doc) + '\n';
}
