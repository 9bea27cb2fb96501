import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * A diagnostic as a report prints it: without the finding's data (what code actions read), the
 * rule's link and the source, which every diagnostic of a run repeats. Kept for a whole library, the
 * full objects cost the CLI several times the memory of what it prints.
 */
export function compactDiagnostic(d: Diagnostic): Diagnostic {
  const out: Diagnostic = { range: d.range, severity: d.severity, code: d.code, message: d.message };
  if (d.relatedInformation) out.relatedInformation = d.relatedInformation;
  return out;
}
