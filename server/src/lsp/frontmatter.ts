import type {
  CodeAction, CodeActionParams, CompletionList, CompletionParams, DocumentSymbol, DocumentSymbolParams, Hover,
  TextDocumentPositionParams, TextDocuments,
} from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isSectionCode } from '../core/codes';
import { complete } from '../core/complete';
import type { StyleVotes } from '../core/completionStyle';
import { codeActionsFor, fixAllAction, fixAllQuickFix, FIX_ALL_KIND } from '../core/fixes';
import { hover } from '../core/hover';
import type { Analysis, ResourceLanguageService } from '../core/service';
import { frontmatterSymbols } from '../core/symbols';
import { kindRequested } from './combine';
import type { WorkspaceState } from './workspace';

/** The code action kinds this server offers (announced in the capabilities). */
export const FRONTMATTER_CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Completion trigger characters for frontmatter values: `key: `, `[`, `, `, `"`, `- `. */
export const FRONTMATTER_TRIGGER_CHARACTERS = [':', ' ', '[', ',', '"', '-'];

/**
 * Completion, hover and quick fixes for the frontmatter of open resource documents. Thin: every
 * request reads the cached analysis of the document's current version (no file I/O) and calls the core.
 */
export class FrontmatterFeatures {
  /** The client takes InsertReplaceEdits in completion items (its `insertReplaceSupport`). */
  insertReplace = false;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: ResourceLanguageService,
    private readonly workspace: WorkspaceState,
    /** How the workspace's resources write their values (kept by the workspace check; no I/O here). */
    private readonly libraryStyle: () => StyleVotes | undefined = () => undefined,
  ) {}

  private analysis(uri: string): { doc: TextDocument; analysis: Analysis } | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !this.workspace.isResource(uri)) return undefined;
    const analysis = this.service.analyze({ uri, version: doc.version, text: doc.getText() });
    return analysis.role === 'resource' ? { doc, analysis } : undefined;
  }

  completion(p: CompletionParams): CompletionList | null {
    const found = this.analysis(p.textDocument.uri);
    if (!found) return null;
    return complete(found.analysis, this.service.configuration, found.doc.offsetAt(p.position), {
      insertReplace: this.insertReplace,
      library: this.libraryStyle(),
    });
  }

  hover(p: TextDocumentPositionParams): Hover | null {
    const found = this.analysis(p.textDocument.uri);
    if (!found) return null;
    return hover(found.analysis, this.service.configuration, found.doc.offsetAt(p.position));
  }

  codeActions(p: CodeActionParams): CodeAction[] {
    const found = this.analysis(p.textDocument.uri);
    if (!found) return [];
    const config = this.service.configuration;
    const only = p.context.only;
    const actions: CodeAction[] = [];
    if (kindRequested(CodeActionKind.QuickFix, only)) {
      const ours = p.context.diagnostics.filter((d) => d.source === 'resources');
      // Section references answer for their own diagnostics (lsp/sections.ts).
      actions.push(...codeActionsFor(found.analysis, config, ours.filter((d) => !isSectionCode(d.code)), p.textDocument.uri));
      // At a problem of ours, the light bulb also offers fixing every fixable problem of the file.
      const all = ours.length > 0 ? fixAllQuickFix(found.analysis, config, p.textDocument.uri) : null;
      if (all) actions.push(all);
    }
    // Fix all is a source action: offered when asked for by kind (`source.fixAll` on save, the Source
    // Action menu), and beside the quick fixes when one of them is preferred (clients that list everything).
    const besideQuickFixes = !only && actions.some((a) => a.isPreferred);
    if ((only && kindRequested(FIX_ALL_KIND, only)) || besideQuickFixes) {
      const all = fixAllAction(found.analysis, config, p.textDocument.uri);
      if (all) actions.push(all);
    }
    return actions;
  }

  /** The frontmatter's fields, for Outline and breadcrumbs (the body's headings come from Markdown's own provider). */
  documentSymbols(p: DocumentSymbolParams): DocumentSymbol[] | null {
    const found = this.analysis(p.textDocument.uri);
    return found ? frontmatterSymbols(found.analysis.parsed, found.analysis.lines) : null;
  }
}
