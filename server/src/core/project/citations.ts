import type { CitingText } from '../report/features';
import type { ReportIndex, ReportSection } from '../report/indexer';
import { findCitations } from '../report/features';
import { reportFor, type ReportSet } from '../report/reportSet';

/** How often a section is cited: places and files. */
export interface CitationCount {
  places: number;
  files: number;
}

/**
 * The texts that may cite report sections (every resource and report file, open ones with the
 * editor's text), assembled once per state of the workspace, and the citation counts computed on
 * them. `generation` is bumped by the project whenever a file, a document or the reports change.
 */
export class Citations {
  private generation = 0;
  private assembled: { generation: number; texts: Promise<CitingText[]> } | undefined;
  private counts: { generation: number; bySection: Map<ReportSection, CitationCount> } | undefined;

  constructor(private readonly collect: () => Promise<{ uri: string; text: string }[]>) {}

  invalidate(): void {
    this.generation++;
  }

  /** Every citing text, reports carrying their own index (so their references are read as the report reads them). */
  texts(reports: ReportSet): Promise<CitingText[]> {
    if (this.assembled?.generation !== this.generation) {
      const generation = this.generation;
      const texts = this.collect().then((found) =>
        found.map((t) => {
          const self = reportFor(reports, t.uri);
          return self && self.text === t.text ? { ...t, self } : t;
        }),
      );
      this.assembled = { generation, texts };
      // A failed pass is not remembered: the next request tries again.
      texts.catch(() => {
        if (this.assembled?.texts === texts) this.assembled = undefined;
      });
    }
    return this.assembled.texts;
  }

  async count(report: ReportIndex, section: ReportSection, reports: ReportSet): Promise<CitationCount> {
    const generation = this.generation;
    const texts = await this.texts(reports);
    if (this.counts?.generation !== generation) this.counts = { generation, bySection: new Map() };
    let count = this.counts.bySection.get(section);
    if (!count) {
      // The same texts as Find All References, so the counts agree.
      const found = findCitations(texts, report, section, reports);
      count = { places: found.length, files: new Set(found.map((f) => f.uri)).size };
      this.counts.bySection.set(section, count);
    }
    return count;
  }
}
