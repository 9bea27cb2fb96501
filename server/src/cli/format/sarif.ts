import { pathToFileURL } from 'url';
import { DIAGNOSTIC_CODES, RULE_DESCRIPTIONS, RULES_BASE_URL, ruleUrl, type DiagnosticCode, type SeverityName } from '../../core';
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
  'unused-term': 'A vocabulary term that no resource uses (in the data file).',
  'duplicate-label': 'Two terms of a vocabulary data file have the same label.',
  'file-too-large': 'The file or its frontmatter is larger than the size limit and is not analysed.',
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

/** GitHub code scanning takes at most this many results per run; more are left out, and the log says how many. */
export const MAX_SARIF_RESULTS = 25_000;

/** What the SARIF log needs beyond the results. */
export interface SarifContext {
  /** The checked folder (absolute). */
  root: string;
  /** The git work tree containing it (absolute), else the root: URIs are relative to this. */
  repositoryRoot: string;
  version: string;
  /** A hash of a string (hex), for the fingerprints. */
  hash: (s: string) => string;
  /** Results per run (default MAX_SARIF_RESULTS). */
  maxResults?: number;
}

const toPosix = (p: string) => p.replace(/\\/g, '/');

/** A path relative to `from`, with `/` separators ("" for the folder itself). */
function relative(from: string, to: string): string {
  const a = toPosix(from).replace(/\/+$/, '');
  const b = toPosix(to);
  if (b === a) return '';
  return b.startsWith(`${a}/`) ? b.slice(a.length + 1) : b;
}

/** SARIF 2.1.0: one run, one rule per diagnostic code, file URIs relative to the repository root. */
export function formatSarif(results: readonly FileResult[], context: SarifContext): string {
  const ruleIndex = new Map(CODES.map((c, i) => [c, i]));
  const limit = context.maxResults ?? MAX_SARIF_RESULTS;
  // Root-relative result paths become repository-relative: code scanning resolves them against the checkout.
  const prefix = relative(context.repositoryRoot, context.root);
  const inRepository = (file: string) => (prefix ? `${prefix}/${file}` : file);
  const location = (file: string, range: { start: Position; end: Position }) => ({
    physicalLocation: { artifactLocation: { uri: relativeUri(inRepository(file)), uriBaseId: '%SRCROOT%' }, region: region(range) },
  });
  const sarifResults = [];
  let total = 0;
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    const seen = new Map<string, number>();
    for (const d of r.diagnostics) {
      total++;
      if (sarifResults.length >= limit) continue;
      // The baseline's content fingerprint (code, field, offending text: not the line), so code scanning
      // keeps tracking a finding when lines above it are added or removed.
      const basis = `${inRepository(r.file)}\0${d.fingerprint ?? d.code}`;
      const occurrence = seen.get(basis) ?? 0;
      seen.set(basis, occurrence + 1);
      const result: Record<string, unknown> = {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [location(r.file, d.range)],
        partialFingerprints: { 'resourceLintFinding/v1': `${context.hash(basis)}:${occurrence}` },
      };
      if (d.related?.length) {
        result.relatedLocations = d.related.map((rel, i) => ({ id: i, ...location(rel.file, rel.range), message: { text: rel.message } }));
      }
      sarifResults.push(result);
    }
  }
  const left = total - sarifResults.length;
  const notifications = left
    ? [
        {
          level: 'warning',
          message: {
            text: `${left.toLocaleString('en')} of ${total.toLocaleString('en')} results left out: code scanning takes at most ${limit.toLocaleString('en')} per run. Fix or baseline some, or check a subfolder per run.`,
          },
        },
      ]
    : [];
  const baseUri = pathToFileURL(context.repositoryRoot).href.replace(/\/?$/, '/');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'resource-lint',
            semanticVersion: context.version,
            informationUri: RULES_BASE_URL,
            rules: CODES.map((code) => ({
              id: code,
              name: code.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: RULE_TEXT[code] },
              fullDescription: { text: RULE_DESCRIPTIONS[code] },
              help: {
                text: `${RULE_DESCRIPTIONS[code]} See ${ruleUrl(code)}`,
                markdown: `${RULE_DESCRIPTIONS[code]}\n\n[More about \`${code}\`](${ruleUrl(code)})`,
              },
              helpUri: ruleUrl(code),
              defaultConfiguration: { level: LEVEL[DIAGNOSTIC_CODES[code]] },
            })),
          },
        },
        // The category ends with "/" so that GitHub keeps one analysis per checked folder.
        automationDetails: { id: `resource-lint/${prefix || '.'}/` },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: baseUri } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
