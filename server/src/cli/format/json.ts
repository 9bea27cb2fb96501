import type { FileResult, Summary } from '../results';

/** Files per chunk of the streamed document: large enough that writes are few, small enough that no copy of the whole is made. */
const FILES_PER_CHUNK = 1000;

/**
 * The `--format json` document (README, "Command line"): exactly `{version, summary, results}`, every
 * checked file listed, in chunks that join to `JSON.stringify` of the whole document. Written chunk by
 * chunk, a library of 150,000 files never holds the document (nor a copy of every result) at once.
 */
export function* jsonChunks(results: readonly FileResult[], summary: Summary): Generator<string> {
  const head = { version: 1, summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, fixed: summary.fixed } };
  yield `${JSON.stringify(head).slice(0, -1)},"results":[`;
  for (let i = 0; i < results.length; i += FILES_PER_CHUNK) {
    const part = results.slice(i, i + FILES_PER_CHUNK).map((r) => JSON.stringify(jsonResult(r)));
    yield (i > 0 ? ',' : '') + part.join(',');
  }
  yield ']}\n';
}

function jsonResult(r: FileResult) {
  return {
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
  };
}
