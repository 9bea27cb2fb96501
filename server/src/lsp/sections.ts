import type {
  CodeAction, CodeActionParams, CompletionItem, CompletionParams, DocumentLink, DocumentLinkParams, DocumentSymbol,
  DocumentSymbolParams, Hover, Location, ReferenceParams, SymbolInformation, TextDocumentPositionParams, TextDocuments,
  WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  completeSections, definitionAt, findCitations, hoverSection, reportSymbols, sectionAt, sectionLinks, sectionLocation,
  sectionSymbols, type CitingText, type SectionDocument,
} from '../core/report/features';
import { isSectionCode, SOURCE } from '../core/codes';
import { codeActionsFor } from '../core/fixes';
import { LineMap } from '../core/positions';
import type { ReportIndex, ReportSection } from '../core/report/indexer';
import { reportFor } from '../core/report/reportSet';
import type { ResourceLanguageService } from '../core/service';
import { loadReports } from '../node/loadReports';
import { WorkspaceTexts } from './citations';
import type { WorkspaceState } from './workspace';

/**
 * Report sections in the server: keeps the service's reports current (disk, watched-file events, edits
 * in open report documents) and answers the section features by calling the pure core.
 */
/**
 * How long a hover waits for the workspace's citation count before answering without it
 * (`RESOURCE_AUTHORING_HOVER_COUNT_WAIT_MS` overrides it, for tests of the answer without it).
 */
const HOVER_COUNT_WAIT_MS = Number(process.env.RESOURCE_AUTHORING_HOVER_COUNT_WAIT_MS ?? 150);

export class SectionFeatures {
  /** Resolves when the reports of the current settings have been read. */
  ready: Promise<void> = Promise.resolve();
  private readonly texts: WorkspaceTexts;
  private pendingRevalidate: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: ResourceLanguageService,
    private readonly workspace: WorkspaceState,
    private readonly revalidate: () => void,
    private readonly log: (message: string) => void,
  ) {
    this.texts = new WorkspaceTexts(
      () => workspace.root,
      (rel) => workspace.configuration.isResource(rel) || workspace.configuration.isReport(rel),
      () => this.documents.all().filter((d) => this.workspace.isResource(d.uri) || this.isReport(d.uri)).map((d) => this.citing(d)),
    );
  }

  isReport(uri: string): boolean {
    const rel = this.workspace.relativePath(uri);
    return (rel !== undefined && this.workspace.configuration.isReport(rel)) || reportFor(this.service.reports, uri) !== undefined;
  }

  /** Re-reads every report (settings changed, or a report file changed on disk). */
  reload(): Promise<void> {
    this.texts.invalidate();
    this.ready = this.ready.then(async () => {
      const root = this.workspace.root;
      if (!root) return;
      try {
        const loaded = await loadReports(root, this.workspace.configuration.settings);
        for (const p of loaded.problems) this.log(p);
        // An open report's editor text wins over the file on disk.
        const open = new Map(this.documents.all().map((d) => [d.uri, d.getText()]));
        this.service.setReports(loaded.reports.map((r) => ({ uri: r.uri, text: open.get(r.uri) ?? r.text })));
      } catch (e) {
        this.log(`Reading the reports failed: ${(e as Error).message}`);
      }
    });
    return this.ready;
  }

  /** A watched file changed: true when it is (or may be) a report, after reloading. */
  noteFileChange(uri: string): boolean {
    this.texts.invalidate();
    if (!this.isReport(uri)) return false;
    void this.reload().then(this.revalidate);
    return true;
  }

  /** An open document changed: when it is a report, re-index it and (soon) re-check everything that cites it. */
  noteDocumentChange(doc: TextDocument): void {
    if (!this.service.updateReport(doc.uri, doc.getText())) return;
    if (this.pendingRevalidate) clearTimeout(this.pendingRevalidate);
    this.pendingRevalidate = setTimeout(() => {
      this.pendingRevalidate = undefined;
      this.revalidate();
    }, 150);
  }

  /** An open report was closed without saving: go back to its text on disk. */
  noteDocumentClose(uri: string): void {
    if (reportFor(this.service.reports, uri)) void this.reload().then(this.revalidate);
  }

  private self(uri: string, text: string): ReportIndex | undefined {
    const known = reportFor(this.service.reports, uri);
    if (known) return known.text === text ? known : undefined;
    return undefined;
  }

  private view(doc: TextDocument): SectionDocument {
    const text = doc.getText();
    let self = this.self(doc.uri, text);
    if (!self && this.isReport(doc.uri)) {
      // A report not yet (or differently) indexed: index this text once for this request.
      this.service.updateReport(doc.uri, text);
      self = this.self(doc.uri, text);
    }
    return { uri: doc.uri, text, position: (o) => doc.positionAt(o), offset: (p) => doc.offsetAt(p), ...(self ? { self } : {}) };
  }

  private citing(doc: TextDocument): CitingText {
    const text = doc.getText();
    const self = this.self(doc.uri, text);
    return { uri: doc.uri, text, ...(self ? { self } : {}) };
  }

  private doc(uri: string): TextDocument | undefined {
    const d = this.documents.get(uri);
    return d && (this.workspace.isResource(uri) || this.isReport(uri)) ? d : undefined;
  }

  completion(p: CompletionParams): CompletionItem[] | null {
    const d = this.doc(p.textDocument.uri);
    if (!d) return null;
    const v = this.view(d);
    return completeSections(v, d.offsetAt(p.position), this.service.reports);
  }

  /** Counts per section, kept while the workspace texts stay the same array (see `recentTexts`). */
  private counted = new WeakMap<CitingText[], Map<ReportSection, { places: number; files: number }>>();

  private async citationCount(report: ReportIndex, section: ReportSection): Promise<{ places: number; files: number }> {
    const texts = await this.texts.recentTexts();
    let counts = this.counted.get(texts);
    if (!counts) this.counted.set(texts, (counts = new Map()));
    let count = counts.get(section);
    if (!count) {
      // The same texts as Find All References (reports with their own index), so the counts agree.
      const found = findCitations(this.withSelf(texts), report, section, this.service.reports);
      count = { places: found.length, files: new Set(found.map((f) => f.uri)).size };
      counts.set(section, count);
    }
    return count;
  }

  async hover(p: TextDocumentPositionParams): Promise<Hover | null> {
    const d = this.doc(p.textDocument.uri);
    if (!d) return null;
    const v = this.view(d);
    const offset = d.offsetAt(p.position);
    const at = sectionAt(v, offset, this.service.reports);
    if (!at) return null;
    // The count needs every file's text once (about 1 s at 15,000 files): a hover does not wait for it
    // longer than a moment, and says so; the pass goes on and the next hover has the count.
    const counting = this.citationCount(at.report, at.section);
    const count = await Promise.race([counting, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), HOVER_COUNT_WAIT_MS))]);
    if (!count) void counting.catch(() => undefined);
    return hoverSection(v, offset, this.service.reports, () => count ?? 'counting');
  }

  definition(p: TextDocumentPositionParams): Location | null {
    const d = this.doc(p.textDocument.uri);
    return d ? definitionAt(this.view(d), d.offsetAt(p.position), this.service.reports) : null;
  }

  async references(p: ReferenceParams): Promise<Location[] | null> {
    const d = this.doc(p.textDocument.uri);
    if (!d) return null;
    const at = sectionAt(this.view(d), d.offsetAt(p.position), this.service.reports);
    if (!at) return null;
    const texts = await this.texts.texts();
    const byUri = new Map(texts.map((t) => [t.uri, t]));
    const reports = this.service.reports;
    const citations = findCitations(this.withSelf(texts), at.report, at.section, reports);
    const out: Location[] = [];
    // The declaration, unless a citation is that very place (a section known from an overview entry
    // or its first citation): listed twice it would be one result more than the hover's count says.
    const declared = sectionLocation(at.report, at.section);
    const isDeclaration = (c: { uri: string; start: number }): boolean => c.uri === at.report.uri && c.start === at.section.start;
    if (p.context.includeDeclaration && !citations.some(isDeclaration)) out.push(declared);
    // Positions in the text the citation was found in (open or read from disk), one map per file.
    const lines = new Map<string, LineMap>();
    for (const c of citations) {
      let map = lines.get(c.uri);
      if (!map) lines.set(c.uri, (map = new LineMap(byUri.get(c.uri)!.text)));
      out.push({ uri: c.uri, range: map.range(c.start, c.end) });
    }
    return out;
  }

  private withSelf(texts: CitingText[]): CitingText[] {
    const reports = this.service.reports;
    return texts.map((t) => {
      if (t.self) return t;
      const r = reportFor(reports, t.uri);
      return r && r.text === t.text ? { ...t, self: r } : t;
    });
  }

  links(p: DocumentLinkParams): DocumentLink[] | null {
    const d = this.doc(p.textDocument.uri);
    return d ? sectionLinks(this.view(d), this.service.reports) : null;
  }

  documentSymbols(p: DocumentSymbolParams): DocumentSymbol[] | null {
    const d = this.documents.get(p.textDocument.uri);
    if (!d || !this.isReport(d.uri)) return null;
    const v = this.view(d);
    return v.self ? reportSymbols(v.self) : null;
  }

  workspaceSymbols(p: WorkspaceSymbolParams): SymbolInformation[] {
    return sectionSymbols(this.service.reports, p.query);
  }

  codeActions(p: CodeActionParams): CodeAction[] {
    const d = this.doc(p.textDocument.uri);
    if (!d) return [];
    const role = this.isReport(d.uri) ? 'report' : 'resource';
    const analysis = this.service.analyze({ uri: d.uri, version: d.version, text: d.getText(), role });
    const ours = p.context.diagnostics.filter((x) => x.source === SOURCE && isSectionCode(x.code));
    return codeActionsFor(analysis, this.service.configuration, ours, d.uri);
  }
}
