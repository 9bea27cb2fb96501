/** The diagnostic codes (the README's "What is checked" tables), with their default severities. */
export const DIAGNOSTIC_CODES = {
  'frontmatter-missing': 'error',
  'frontmatter-unclosed': 'error',
  'yaml-syntax': 'error',
  required: 'error',
  'empty-value': 'error',
  'invalid-type': 'error',
  'invalid-value': 'error',
  'duplicate-value': 'warning',
  'unknown-field': 'warning',
  'invalid-url': 'error',
  'duplicate-resource': 'warning',
  'unknown-section': 'error',
  'section-label-mismatch': 'warning',
  'no-report': 'information',
  'unused-suppression': 'warning',
  'invalid-suppression': 'error',
  'unused-term': 'hint',
  'duplicate-label': 'warning',
  'file-too-large': 'information',
} as const satisfies Record<string, SeverityName>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = SeverityName | 'off';

export const SOURCE = 'resources';

/** The codes of the section-reference checks (the README's "Section references"); the others concern the frontmatter or the workspace. */
const SECTION_CODES: ReadonlySet<string> = new Set<DiagnosticCode>(['unknown-section', 'section-label-mismatch', 'no-report']);

export function isSectionCode(code: unknown): boolean {
  return typeof code === 'string' && SECTION_CODES.has(code);
}

export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, value);
}
