import { pathToFileURL } from 'url';
import { DIAGNOSTIC_CODES, RULE_DESCRIPTIONS, ruleUrl, type DiagnosticCode, type SeverityName } from '../../core';
import type { FileResult } from '../results';

/** One line per rule: what the code means, for code scanning's rule list. */
const RULE_TEXT: Record<DiagnosticCode, string> = {
  'frontmatter-missing': 'A resource file has no YAML frontmatter block.',
  'frontmatter-unclosed': 'The opening --- of the frontmatter has no closing ---.',
  'yaml-syntax': 'The frontmatter is not valid YAML.',
  required: 'A required field is absent.',
  'empty-value': 'A required field is present but empty.',
  'invalid-type': 'A field has the wrong type (e.g. text where a list or a boolean is expected).',
  'invalid-value': 'A value is outside its vocabulary or list of allowed values.',
  'duplicate-value': 'The same item appears twice in a list.',
  'unknown-field': 'A field the schema does not define.',
  'invalid-url': 'The link is not an absolute http(s) URL.',
  'duplicate-resource': 'Another resource in the workspace has the same link.',
  'unknown-section': 'A section reference names a section number the report does not have.',
  'section-label-mismatch': "A section reference's label names another section, or none.",
  'no-report': 'A file has section references but no report is configured or found.',
  'unused-suppression': 'A suppression comment silences nothing.',
  'invalid-suppression': 'A suppression comment names no codes, an unknown code or an unknown directive.',
};

const LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

interface Position {
  line: number;
  character: number;
}

/** SARIF regions are 1-based in lines and columns; columns count UTF-16 code units, as LSP does. */
function region(range: { start: Position; end: Position }) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * A root-relative path as a relative URI reference (RFC 3986): each segment percent-encoded, so `#`
 * and `?` in a file name stay part of the path instead of starting a fragment or a query, and a `:`
 * in the first segment cannot read as a scheme.
 */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function location(file: string, range: { start: Position; end: Position }) {
  return { physicalLocation: { artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' }, region: region(range) } };
}

/** SARIF 2.1.0: one run, one rule per diagnostic code, file URIs relative to the root. */
export function formatSarif(results: readonly FileResult[], root: string, version: string): string {
  const ruleIndex = new Map(CODES.map((c, i) => [c, i]));
  const sarifResults = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const result: Record<string, unknown> = {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [location(r.file, d.range)],
      };
      if (d.related?.length) {
        result.relatedLocations = d.related.map((rel, i) => ({ id: i, ...location(rel.file, rel.range), message: { text: rel.message } }));
      }
      sarifResults.push(result);
    }
  }
  const rootUri = pathToFileURL(root).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'resource-lint',
            semanticVersion: version,
            rules: CODES.map((code) => ({
              id: code,
              name: code.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: RULE_TEXT[code] },
              fullDescription: { text: RULE_DESCRIPTIONS[code] },
              helpUri: ruleUrl(code),
              defaultConfiguration: { level: LEVEL[DIAGNOSTIC_CODES[code]] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
