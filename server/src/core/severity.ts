import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { SeverityName } from './codes';

/**
 * The severity names of the settings, the card and the command line, and the LSP numbers for them:
 * the one table read in both directions (diagnostics out, the CLI's severity names back).
 */
export const LSP_SEVERITY: Readonly<Record<SeverityName, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const NAMES = new Map<number, SeverityName>(Object.entries(LSP_SEVERITY).map(([name, n]) => [n, name as SeverityName]));

/** The name of an LSP severity; a diagnostic without one is an error (the LSP lets the client choose; ours always set it). */
export function severityName(severity: DiagnosticSeverity | undefined): SeverityName {
  return (severity !== undefined ? NAMES.get(severity) : undefined) ?? 'error';
}

/** Most severe first (error 0 … hint 3), for lists sorted by severity: the LSP numbers them in that order. */
export function severityRank(name: SeverityName): number {
  return LSP_SEVERITY[name] - DiagnosticSeverity.Error;
}
