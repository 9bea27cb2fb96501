import type { Diagnostic } from 'vscode-languageserver-types';
import { SOURCE } from './codes';
import { severityOf, type Configuration } from './configuration';
import { parseResource, type ParsedResource } from './document';
import { findFrontmatter } from './frontmatter';
import { sizeLimitFinding } from './sizeLimit';
import { FINDING_LINK, findingLinks } from './findingLink';
import type { Finding } from './findings';
import { LineMap } from './positions';
import { ruleUrl } from './rules';
import { LSP_SEVERITY } from './severity';
import { checkBlock } from './checks/block';
import { checkSchema } from './checks/schema';
import { checkSections } from './checks/sections';
import { applySuppressions, type SuppressionOutcome } from './suppressions';
import { buildReportIndex, type ReportIndex } from './report/indexer';
import { NO_REPORTS, reportFor, type ReportSet } from './report/reportSet';

export type DocumentRole = 'resource' | 'report';

/** What an analysis depends on besides the text and the configuration. */
export interface AnalysisContext {
  reports?: ReportSet;
  role?: DocumentRole;
  /** The text already parsed (by the fast path, from js-yaml's events), when it was. */
  parsed?: ParsedResource;
}

/** Everything known about one version of one resource text. */
export interface Analysis {
  uri: string;
  version: number;
  configId: number;
  /** The reports this analysis resolved section references against (its `generation` keys the cache). */
  reports: ReportSet;
  role: DocumentRole;
  /** The document's own index when it is checked as a report. */
  self?: ReportIndex;
  parsed: ParsedResource;
  /** The findings to show: after the suppression comments, with their own reports. */
  findings: Finding[];
  /** What the suppression comments silenced, and what only the workspace can decide (duplicate-resource). */
  suppression: Omit<SuppressionOutcome, 'findings'>;
  lines: LineMap;
  /** Checks that threw on this text (a bug, not an author's problem); the host logs them. */
  failures: string[];
  /**
   * Past the size limits: the text was not parsed, its one finding says so, and every feature gives
   * the empty answer at once.
   */
  tooLarge?: true;
}

/** A family of checks: parsed text and configuration in, findings out. */
export type Check = (parsed: ParsedResource, config: Configuration) => Finding[];

const CHECKS: Check[] = [checkBlock, (parsed, config) => checkSchema(parsed, { schema: config.schema, vocabularies: config.vocabularies })];

/** The index of `text` when it is a report: the one in the set if built from the same text, else built now. */
function selfIndex(reports: ReportSet, uri: string, text: string): ReportIndex {
  const known = reportFor(reports, uri);
  return known && known.text === text ? known : buildReportIndex(text, uri);
}

/**
 * The pure pipeline: text → parsed frontmatter with positions → findings. A report is checked only
 * for its own section references; a resource for its frontmatter and its section references.
 */
export function analyzeText(
  text: string,
  config: Configuration,
  uri = 'mem://resource',
  version = 0,
  context: AnalysisContext = {},
): Analysis {
  const reports = context.reports ?? NO_REPORTS;
  const role = context.role ?? (reportFor(reports, uri) ? 'report' : 'resource');
  const block = text.length > config.settings.limits.fileSize ? null : findFrontmatter(text);
  const tooLarge = sizeLimitFinding(text, config.settings.limits, block);
  if (tooLarge) {
    const parsed: ParsedResource = { text, block: null, yaml: null, data: undefined, syntaxErrors: [] };
    const suppression = { suppressed: [], duplicateSuppressed: false, unlessDuplicated: [] };
    return {
      uri,
      version,
      configId: config.id,
      reports,
      role,
      parsed,
      findings: [tooLarge],
      suppression,
      lines: new LineMap(text),
      failures: [],
      tooLarge: true,
    };
  }
  const parsed = context.parsed?.text === text ? context.parsed : parseResource(text, block);
  const findings: Finding[] = [];
  const failures: string[] = [];
  let self: ReportIndex | undefined;
  const checks: Check[] =
    role === 'report'
      ? [() => checkSections(text, uri, reports, (self = selfIndex(reports, uri, text)))]
      : [...CHECKS, () => checkSections(text, uri, reports)];
  for (const check of checks) {
    // One check failing must not cost the author the findings of the others.
    try {
      findings.push(...check(parsed, config));
    } catch (e) {
      failures.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
  }
  const lines = new LineMap(text);
  const { findings: shown, ...suppression } = applySuppressions(
    parsed,
    withoutAllowedFields(findings, config.forFile(uri).allowFields),
    lines,
  );
  const analysis: Analysis = { uri, version, configId: config.id, reports, role, parsed, findings: shown, suppression, lines, failures };
  if (self) analysis.self = self;
  return analysis;
}

/** Drops `unknown-field` for the top-level fields an override allows: such a field is declared, not a problem (nor something to rename). */
function withoutAllowedFields(findings: Finding[], allowed: ReadonlySet<string>): Finding[] {
  if (allowed.size === 0) return findings;
  return findings.filter((f) => !(f.code === 'unknown-field' && f.data?.path?.length === 1 && allowed.has(String(f.data.field))));
}

/** LSP diagnostics for an analysis, with the severities of the settings (`off` drops the code). */
export function toDiagnostics(analysis: Analysis, config: Configuration): Diagnostic[] {
  const out: Diagnostic[] = [];
  const links = findingLinks(analysis.findings);
  for (const [i, f] of analysis.findings.entries()) {
    const level = severityOf(f.code, config, analysis.uri);
    if (level === 'off') continue;
    const d: Diagnostic = {
      range: analysis.lines.range(f.start, f.end),
      severity: LSP_SEVERITY[level],
      code: f.code,
      codeDescription: { href: ruleUrl(f.code) },
      source: SOURCE,
      message: f.message,
    };
    // The link to the finding goes beside the finding's own data (what the fixes read).
    d.data = { ...f.data, [FINDING_LINK]: links[i] };
    if (f.related) {
      d.relatedInformation = f.related.map((r) => ({
        location: { uri: r.file, range: { start: r.start, end: r.end } },
        message: r.message,
      }));
    }
    out.push(d);
  }
  return out;
}
