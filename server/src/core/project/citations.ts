import type { CitingText } from '../report/features';
import type { ReportIndex, ReportSection } from '../report/indexer';
import { findCitations } from '../report/features';
import { reportFor, type ReportSet } from '../report/reportSet';
import type { OpenDocument } from '../host';

/** How often a section is cited: places and files. */
export interface CitationCount {
  places: number;
  files: number;
}

interface Assembled {
  closedGeneration: number;
  closed: Map<string, string>;
  reports: ReportSet;
  open: readonly OpenDocument[];
  texts: CitingText[];
  counts: Map<ReportSection, CitationCount>;
}

/**
 * The texts that may cite report sections: every resource and report file, open ones with the editor's
 * text. The closed files' texts are gathered once per state of the folder (`invalidateClosed`: a file,
 * the settings or the reports changed); the open documents are laid over them on each request, so a
 * keystroke costs a hover only the overlay, not a pass over the folder. Counts are kept while the
 * assembled texts stay the same.
 */
export class Citations {
  private closedGeneration = 0;
  private closed: { generation: number; texts: Promise<Map<string, string>> } | undefined;
  private last: Assembled | undefined;

  constructor(
    private readonly collectClosed: () => Promise<Map<string, string>>,
    private readonly openDocuments: () => readonly OpenDocument[],
  ) {}

  invalidateClosed(): void {
    this.closedGeneration++;
  }

  /** Every citing text, reports carrying their own index (so their references are read as the report reads them). */
  async texts(reports: ReportSet): Promise<CitingText[]> {
    return (await this.assemble(reports)).texts;
  }

  async count(report: ReportIndex, section: ReportSection, reports: ReportSet): Promise<CitationCount> {
    const assembled = await this.assemble(reports);
    let count = assembled.counts.get(section);
    if (!count) {
      // The same texts as Find All References, so the counts agree.
      const found = findCitations(assembled.texts, report, section, reports);
      count = { places: found.length, files: new Set(found.map((f) => f.uri)).size };
      assembled.counts.set(section, count);
    }
    return count;
  }

  /** The count when it is already known for the current texts, without waiting for anything. */
  known(section: ReportSection, reports: ReportSet): CitationCount | undefined {
    const last = this.last;
    if (!last || last.closedGeneration !== this.closedGeneration || last.reports !== reports) return undefined;
    if (!sameDocuments(last.open, this.openDocuments())) return undefined;
    return last.counts.get(section);
  }

  private closedTexts(): Promise<Map<string, string>> {
    if (this.closed?.generation !== this.closedGeneration) {
      const texts = this.collectClosed();
      this.closed = { generation: this.closedGeneration, texts };
      // A failed pass is not remembered: the next request tries again.
      texts.catch(() => {
        if (this.closed?.texts === texts) this.closed = undefined;
      });
    }
    return this.closed.texts;
  }

  private async assemble(reports: ReportSet): Promise<Assembled> {
    const closed = await this.closedTexts();
    const open = this.openDocuments();
    const last = this.last;
    if (last && last.closed === closed && last.reports === reports && sameDocuments(last.open, open)) return last;
    const byUri = new Map(closed);
    for (const doc of open) byUri.set(doc.uri, doc.text);
    const texts: CitingText[] = [];
    for (const [uri, text] of byUri) {
      const self = reportFor(reports, uri);
      texts.push(self && self.text === text ? { uri, text, self } : { uri, text });
    }
    this.last = { closedGeneration: this.closedGeneration, closed, reports, open, texts, counts: new Map() };
    return this.last;
  }
}

function sameDocuments(a: readonly OpenDocument[], b: readonly OpenDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d.uri === b[i].uri && d.version === b[i].version && d.text === b[i].text);
}
