import type { Range } from 'vscode-languageserver-types';
import type { DiagnosticCode, SeverityName } from '../core';

/** One problem as the CLI reports it (LSP coordinates: 0-based lines, UTF-16 characters). */
export interface CliDiagnostic {
  code: DiagnosticCode;
  severity: SeverityName;
  message: string;
  range: Range;
  fixable: boolean;
  /** The finding's content fingerprint (code, field, offending text: not its line), as the baseline keeps it. */
  fingerprint?: string;
  /** Other places the problem involves (the partners of a duplicate link). */
  related?: { file: string; range: Range; message: string }[];
}

export interface FileResult {
  /** Relative to the root, with `/` separators. */
  file: string;
  /** Absolute path. */
  path: string;
  diagnostics: CliDiagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  fixed: number;
  /** Files --fix rewrote. */
  fixedFiles: number;
}

export function summarise(results: readonly FileResult[], fixed = 0, fixedFiles = 0): Summary {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return { files: results.length, errors, warnings, fixed, fixedFiles };
}
