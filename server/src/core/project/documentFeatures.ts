import {
  CodeActionKind,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import { complete } from '../complete';
import { withSkeleton } from '../skeletonCompletion';
import { isSectionCode, SOURCE } from '../codes';
import type { StyleVotes } from '../completionStyle';
import type { Configuration } from '../configuration';
import { codeActionsFor, fixAllAction, fixAllQuickFix, FIX_ALL_KIND, type TermReach } from '../fixes';
import type { OpenDocument, Scheduler } from '../host';
import { hover } from '../hover';
import { LineMap } from '../positions';
import {
  completeSections,
  definitionAt,
  findCitations,
  hoverSection,
  reportSymbols,
  sectionAt,
  sectionLinks,
  sectionLocation,
  sectionSymbols,
  type SectionDocument,
} from '../report/features';
import { reportFor, type ReportSet } from '../report/reportSet';
import type { Analysis, DocumentRole } from '../service';
import { frontmatterSymbols } from '../symbols';
import type { CitationCount, Citations } from './citations';
import { kindRequested, mergeCodeActions, mergeCompletions, mergeHovers } from './merge';

/** The code action kinds the project answers (announced in the server's capabilities). */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** The time the per-diagnostic quick fixes of one request may take; fix-all is offered whatever it leaves. */
const CODE_ACTION_BUDGET_MS = 40;

/** An open document with its role and its analysis of the current version. */
export interface OpenAnalysis {
  doc: OpenDocument;
  role: DocumentRole;
  analysis: Analysis;
}

export interface FeatureContext {
  configuration(): Configuration;
  reports(): ReportSet;
  /** Indexes an open report's current text when the set holds another (an edit not yet taken in). */
  indexReport(uri: string, text: string): boolean;
  libraryStyle(): StyleVotes;
  /** How many problems across the checked files adding a missing term would clear. */
  termReach: TermReach;
  citations: Citations;
  scheduler: Scheduler;
  hoverCountWaitMs: number;
}

/**
 * The answers for one open document: frontmatter features where it is a resource, section features
 * wherever it cites a report (or is one). Every answer reads the cached analysis; none reads a file
 * except what counts citations across the workspace.
 */
export class DocumentFeatures {
  constructor(private readonly ctx: FeatureContext) {}

  /** The document as the section features see it: its own report index when it is one of the reports. */
  private view(open: OpenAnalysis): SectionDocument {
    const { doc, analysis } = open;
    const reports = this.ctx.reports();
    let self = reportFor(reports, doc.uri);
    if (self && self.text !== doc.text) {
      this.ctx.indexReport(doc.uri, doc.text);
      self = reportFor(this.ctx.reports(), doc.uri);
    }
    const lines = analysis.lines;
    return {
      uri: doc.uri,
      text: doc.text,
      position: (o) => lines.position(o),
      offset: (p) => lines.offset(p),
      ...(self && self.text === doc.text ? { self } : {}),
    };
  }

  completion(open: OpenAnalysis, position: Position, options: { insertReplace?: boolean }): CompletionList {
    if (open.analysis.tooLarge) return { isIncomplete: false, items: [] };
    const offset = open.analysis.lines.offset(position);
    const fields =
      open.role === 'resource'
        ? complete(open.analysis, this.ctx.configuration(), offset, {
            insertReplace: options.insertReplace === true,
            library: this.ctx.libraryStyle(),
          })
        : null;
    const merged = mergeCompletions(fields, completeSections(this.view(open), offset, this.ctx.reports()));
    return open.role === 'resource' && open.analysis.parsed.text.trim() === ''
      ? withSkeleton(merged, this.ctx.configuration(), this.ctx.libraryStyle())
      : merged;
  }

  async hover(open: OpenAnalysis, position: Position): Promise<Hover | null> {
    if (open.analysis.tooLarge) return null;
    const offset = open.analysis.lines.offset(position);
    const fields = open.role === 'resource' ? hover(open.analysis, this.ctx.configuration(), offset) : null;
    return mergeHovers(fields, await this.sectionHover(open, offset));
  }

  private async sectionHover(open: OpenAnalysis, offset: number): Promise<Hover | null> {
    const view = this.view(open);
    const reports = this.ctx.reports();
    const at = sectionAt(view, offset, reports);
    if (!at) return null;
    // The count needs every file's text once: a hover waits for it only a moment (not at all when the
    // wait is 0: then only a count already known is shown), and says so; the next hover has it.
    const counting = this.ctx.citations.count(at.report, at.section, reports);
    let count: CitationCount | undefined;
    if (this.ctx.hoverCountWaitMs <= 0) {
      count = this.ctx.citations.known(at.section, reports);
    } else {
      let timer: { dispose(): void } | undefined;
      const waited = new Promise<undefined>((resolve) => {
        timer = this.ctx.scheduler.after(this.ctx.hoverCountWaitMs, () => resolve(undefined));
      });
      count = await Promise.race([counting, waited]);
      timer?.dispose();
    }
    if (!count) void counting.catch(() => undefined);
    return hoverSection(view, offset, reports, () => count ?? 'counting');
  }

  definition(open: OpenAnalysis, position: Position): Location | null {
    if (open.analysis.tooLarge) return null;
    return definitionAt(this.view(open), open.analysis.lines.offset(position), this.ctx.reports());
  }

  async references(open: OpenAnalysis, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
    if (open.analysis.tooLarge) return null;
    const reports = this.ctx.reports();
    const at = sectionAt(this.view(open), open.analysis.lines.offset(position), reports);
    if (!at) return null;
    const texts = await this.ctx.citations.texts(reports);
    const byUri = new Map(texts.map((t) => [t.uri, t.text]));
    const citations = findCitations(texts, at.report, at.section, reports);
    const out: Location[] = [];
    // The declaration, unless a citation is that very place (a section known from an overview entry
    // or its first citation): listed twice it would be one result more than the hover's count says.
    const isDeclaration = (c: { uri: string; start: number }): boolean => c.uri === at.report.uri && c.start === at.section.start;
    if (includeDeclaration && !citations.some(isDeclaration)) out.push(sectionLocation(at.report, at.section));
    const maps = new Map<string, LineMap>();
    for (const c of citations) {
      let lines = maps.get(c.uri);
      if (!lines) maps.set(c.uri, (lines = c.uri === open.doc.uri ? open.analysis.lines : new LineMap(byUri.get(c.uri) ?? '')));
      out.push({ uri: c.uri, range: lines.range(c.start, c.end) });
    }
    return out;
  }

  links(open: OpenAnalysis): DocumentLink[] {
    if (open.analysis.tooLarge) return [];
    return sectionLinks(this.view(open), this.ctx.reports());
  }

  /** A resource's fields and a report's sections (a file can be both). */
  symbols(open: OpenAnalysis): DocumentSymbol[] | null {
    if (open.analysis.tooLarge) return null;
    const fields = open.role === 'resource' ? frontmatterSymbols(open.analysis.parsed, open.analysis.lines) : null;
    const self = this.view(open).self;
    const sections = self ? reportSymbols(self) : null;
    return fields || sections ? [...(fields ?? []), ...(sections ?? [])] : null;
  }

  workspaceSymbols(query: string): SymbolInformation[] {
    return sectionSymbols(this.ctx.reports(), query);
  }

  codeActions(open: OpenAnalysis, _range: Range, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
    const { analysis, doc } = open;
    if (analysis.tooLarge) return [];
    const config = this.ctx.configuration();
    const actions: CodeAction[] = [];
    const deadline = this.ctx.scheduler.now() + CODE_ACTION_BUDGET_MS;
    const outOfTime = () => this.ctx.scheduler.now() > deadline;
    if (open.role === 'resource') {
      if (kindRequested(CodeActionKind.QuickFix, only)) {
        const ours = diagnostics.filter((d) => d.source === SOURCE);
        actions.push(
          ...codeActionsFor(
            analysis,
            config,
            ours.filter((d) => !isSectionCode(d.code)),
            doc.uri,
            this.ctx.termReach,
            outOfTime,
          ),
        );
        // At a problem of ours, the light bulb also offers fixing every fixable problem of the file.
        const all = ours.length > 0 ? fixAllQuickFix(analysis, config, doc.uri) : null;
        if (all) actions.push(all);
      }
      // Fix all is a source action: offered when asked for by kind (`source.fixAll` on save, the Source
      // Action menu), and beside the quick fixes when one of them is preferred (clients that list everything).
      const besideQuickFixes = !only && actions.some((a) => a.isPreferred);
      if ((only && kindRequested(FIX_ALL_KIND, only)) || besideQuickFixes) {
        const all = fixAllAction(analysis, config, doc.uri);
        if (all) actions.push(all);
      }
    }
    // Section references answer for their own diagnostics, in resources and reports alike; fix-all
    // stays the frontmatter's (a report has none).
    const sections = codeActionsFor(
      analysis,
      config,
      diagnostics.filter((d) => d.source === SOURCE && isSectionCode(d.code)),
      doc.uri,
      undefined,
      outOfTime,
    );
    return mergeCodeActions(only, actions, sections);
  }
}
