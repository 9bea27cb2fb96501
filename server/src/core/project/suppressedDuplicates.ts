import type { Diagnostic } from 'vscode-languageserver-types';
import type { Configuration } from '../configuration';
import { toDiagnostics, type Analysis } from '../service';

/**
 * What a file's suppression comments say about its duplicate-resource report, which the workspace
 * makes: whether they silence it, and the unused-suppression diagnostics to show when no other file
 * shares the link (a directive for duplicate-resource is used only when there is a duplicate).
 */
export interface DuplicateSuppression {
  suppressed: boolean;
  unlessDuplicated: Diagnostic[];
  /** The baseline's fingerprints of `unlessDuplicated`, in order. */
  fingerprints?: string[];
}

export function duplicateSuppression(analysis: Analysis, config: Configuration): DuplicateSuppression | undefined {
  const { duplicateSuppressed, unlessDuplicated } = analysis.suppression;
  if (!duplicateSuppressed) return undefined;
  return { suppressed: true, unlessDuplicated: toDiagnostics({ ...analysis, findings: unlessDuplicated }, config) };
}
