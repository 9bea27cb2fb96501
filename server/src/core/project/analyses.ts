import type { Configuration } from '../configuration';
import type { OpenDocument } from '../host';
import type { ReportSet } from '../report/reportSet';
import { analyzeText, type Analysis, type DocumentRole } from '../service';

/**
 * The analyses of open documents, cached by version, configuration and report generation: a document
 * is parsed and checked once per edit however many features ask about it.
 */
export class AnalysisCache {
  private readonly cache = new Map<string, Analysis>();

  get(doc: OpenDocument, role: DocumentRole, config: Configuration, reports: ReportSet): Analysis {
    const hit = this.cache.get(doc.uri);
    if (
      hit &&
      hit.version === doc.version &&
      hit.configId === config.id &&
      hit.reports.generation === reports.generation &&
      hit.role === role &&
      hit.parsed.text === doc.text
    )
      return hit;
    const analysis = analyzeText(doc.text, config, doc.uri, doc.version, { reports, role });
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
