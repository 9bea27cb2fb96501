import { repository } from '../../../package.json';
import type { DiagnosticCode } from './codes';

/**
 * Where each diagnostic code is explained: one page per code under docs/rules/ in the repository
 * named by package.json, linked from every diagnostic (`codeDescription.href`) and from the SARIF rules
 * (`helpUri`). Defined once so that the editor and code scanning point at the same page.
 */
export const RULES_BASE_URL = `${repository.url.replace(/\.git$/, '')}/blob/main/docs/rules/`;

export function ruleUrl(code: DiagnosticCode): string {
  return `${RULES_BASE_URL}${code}.md`;
}

/**
 * What each code means, in full: the first paragraph of its docs/rules page (a test keeps the two
 * equal) and the SARIF rule's `fullDescription`.
 */
export const RULE_DESCRIPTIONS: Record<DiagnosticCode, string> = {
  'frontmatter-missing':
    'A resource file must start with a YAML frontmatter block: a line "---", the fields, and a closing "---". Without it the site has no title, focus or link for the resource. Also reported for a file that is not UTF-8 text (binary data, UTF-16, Latin-1).',
  'frontmatter-unclosed':
    'The frontmatter opens with "---" but no later line closes it, so the whole file would be read as frontmatter. Reported on the opening line.',
  'yaml-syntax':
    'The frontmatter is not valid YAML, so the site cannot read it: an unclosed quote or bracket, a second ": " in a value that needs quotes, a tab used for indentation, a field given twice, and so on. One diagnostic per error, where it is; the parser\'s own wording is kept in the diagnostic\'s data. Also reported for alias bombs and absurd nesting, which are not checked.',
  required:
    'A field the schema requires (title, focus, source, readability, type, link) is absent. Reported on the opening "---" line, with the field\'s description.',
  'empty-value': 'A required field is present but holds nothing: "", null, no value at all, or an empty list [].',
  'invalid-type':
    'A field holds the wrong kind of value: text where a list belongs (readability: Expert), a quoted word where a boolean belongs (openSource: "no"), a number where text belongs.',
  'invalid-value':
    "A value is not one of the field's allowed values: a learn tag, focus or type that is not in the site's vocabulary data file, or a readability level other than Beginner, Intermediate and Expert. The message suggests the nearest allowed value when there is one.",
  'duplicate-value': 'The same item appears twice in a list (learnTags, readability, keywords); the second one is reported.',
  'unknown-field':
    'A key the resource schema does not define, usually a misspelt field name; the site ignores it. The message suggests the field it most likely means.',
  'invalid-url': 'The link is not an absolute http(s) URL: it must start with https:// or http://.',
  'duplicate-resource':
    'Another resource in the workspace has the same link (scheme and host case and a trailing slash are ignored), so the library lists the same page twice. Related information points at the other file(s).',
  'unknown-section':
    'A section reference (§4.3) names a section number the report does not have. When the label after it names a section, the fix changes the number to that section.',
  'section-label-mismatch':
    "A section reference's number exists, but the label after it (§4.3: adaptation) names another section, or none.",
  'no-report':
    "A file has section references (§4.3), but no report is configured or found, so they cannot be checked. Set resourceAuthoring.reports to the report's path.",
  'unused-suppression':
    "A suppression comment in the frontmatter (# resource-lint-disable-next-line, -disable-line, -disable, -enable, -disable-file) names a code that it silences nothing of: the problem was fixed, moved, or never there. As ESLint's --report-unused-disable-directives, so that suppressions do not outlive their reason.",
  'invalid-suppression':
    'A suppression comment in the frontmatter cannot work: a directive that names no codes, a code resource-lint does not report, a code that cannot be suppressed (yaml-syntax, frontmatter-missing, frontmatter-unclosed, file-too-large and the suppression codes themselves), or a misspelt directive name.',
  'unused-term':
    "A term of a vocabulary data file (a learn tag, a focus, a type) that no resource in the folder uses. Reported in the data file, on the term's value, once every resource has been checked; the code action Retire term removes it.",
  'duplicate-label':
    "Two terms of a vocabulary data file have the same label (case and surrounding spaces ignored), so authors, completion and the site's pages cannot tell them apart. Reported on the second label.",
  'file-too-large':
    'A file longer than resourceAuthoring.limits.fileSize characters (default 10,000,000), or whose frontmatter is longer than resourceAuthoring.limits.frontmatterSize (default 1,000,000), is not analysed: no checks, completion, hover, symbols or fixes, so that one pasted or generated giant cannot stall the editor. One information diagnostic at the top of the file says how long it is and which setting raises the limit.',
};
