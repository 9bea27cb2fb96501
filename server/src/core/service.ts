import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { SOURCE } from './codes';
import type { Configuration } from './configuration';
import { parseResource, type ParsedResource } from './document';
import type { Finding } from './findings';
import { LineMap } from './positions';
import { severityOf } from './settings';
import { checkBlock } from './checks/block';
import { checkSchema } from './checks/schema';

/** One text to check. `version` keys the cache: the same version is never checked twice. */
export interface ResourceText {
  uri: string;
  version: number;
  text: string;
}

/** Everything known about one version of one resource text. */
export interface Analysis {
  uri: string;
  version: number;
  configId: number;
  parsed: ParsedResource;
  findings: Finding[];
  lines: LineMap;
  /** Checks that threw on this text (a bug, not an author's problem); the host logs them. */
  failures: string[];
}

/** A family of checks: parsed text and configuration in, findings out. */
export type Check = (parsed: ParsedResource, config: Configuration) => Finding[];

const CHECKS: Check[] = [
  checkBlock,
  (parsed, config) => checkSchema(parsed, { schema: config.schema, vocabularies: config.vocabularies }),
];

/** The pure pipeline: text → parsed frontmatter with positions → findings. */
export function analyzeText(text: string, config: Configuration, uri = 'mem://resource', version = 0): Analysis {
  const parsed = parseResource(text);
  const findings: Finding[] = [];
  const failures: string[] = [];
  for (const check of CHECKS) {
    // One check failing must not cost the author the findings of the others.
    try {
      findings.push(...check(parsed, config));
    } catch (e) {
      failures.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    }
  }
  return { uri, version, configId: config.id, parsed, findings, lines: new LineMap(text), failures };
}

const LSP_SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** LSP diagnostics for an analysis, with the severities of the settings (`off` drops the code). */
export function toDiagnostics(analysis: Analysis, config: Configuration): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of analysis.findings) {
    const level = severityOf(f.code, config.settings);
    if (level === 'off') continue;
    const d: Diagnostic = {
      range: analysis.lines.range(f.start, f.end),
      severity: LSP_SEVERITY[level],
      code: f.code,
      source: SOURCE,
      message: f.message,
    };
    if (f.data) d.data = f.data;
    if (f.related) {
      d.relatedInformation = f.related.map((r) => ({ location: { uri: r.file, range: { start: r.start, end: r.end } }, message: r.message }));
    }
    out.push(d);
  }
  return out;
}

/**
 * The language service: per-document analyses cached by version and configuration, so a document
 * is parsed and checked once per edit however many features ask about it.
 */
export class ResourceLanguageService {
  private readonly cache = new Map<string, Analysis>();

  constructor(private config: Configuration) {}

  get configuration(): Configuration {
    return this.config;
  }

  setConfiguration(config: Configuration): void {
    this.config = config;
    this.cache.clear();
  }

  analyze(doc: ResourceText): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.configId === this.config.id && hit.parsed.text === doc.text) return hit;
    const analysis = analyzeText(doc.text, this.config, doc.uri, doc.version);
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  diagnostics(doc: ResourceText): Diagnostic[] {
    return toDiagnostics(this.analyze(doc), this.config);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
