import type { Diagnostic } from 'vscode-languageserver-types';
import type { Interner } from '../interning';

/**
 * A diagnostic as a report prints it: without the finding's data (what code actions read), the
 * rule's link and the source, which every diagnostic of a run repeats; messages interned. Kept for a whole library, the
 * full objects cost the CLI several times the memory of what it prints.
 */
export function compactDiagnostic(d: Diagnostic, strings: Interner): Diagnostic {
  // A batch of files sharing a problem shares its message: one copy serves them all.
  const message = typeof d.message === 'string' ? strings.intern(d.message) : d.message;
  const out: Diagnostic = { range: d.range, severity: d.severity, code: d.code, message };
  if (d.relatedInformation) out.relatedInformation = d.relatedInformation;
  return out;
}
