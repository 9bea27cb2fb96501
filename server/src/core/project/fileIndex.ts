import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DuplicateLinkIndex } from '../checks/duplicates';
import { SOURCE } from '../codes';
import type { Configuration } from '../configuration';
import { ruleUrl } from '../rules';
import { severityOf } from '../settings';
import { LSP_SEVERITY } from '../severity';
import { LibraryStyle } from './libraryStyle';
import { TermUsageIndex } from './termUsage';

/** One file's verdict: the diagnostics of its own text (not duplicate-resource) and its `link`. */
export interface FileVerdict {
  own: Diagnostic[];
  /** Per diagnostic of `own`, whether fix-all repairs it (only when the project was asked to work it out). */
  fixable?: boolean[];
  link?: string;
  /** Where the link is; unknown when the fast path vouched for the file. */
  linkRange?: Range;
}

/**
 * Everything the project knows about each checked file: its verdict, its link in the duplicate index,
 * its share of the library's writing style, and (when kept) its text. Keyed by URI.
 */
export class FileIndex {
  private readonly verdicts = new Map<string, FileVerdict>();
  private readonly links = new DuplicateLinkIndex();
  private readonly texts = new Map<string, string>();
  readonly style = new LibraryStyle();
  /** The vocabulary values the files' `invalid-value` problems find missing, counted across files. */
  readonly terms = new TermUsageIndex();

  constructor(private readonly retainTexts: boolean) {}

  /** Records a file's verdict; returns the files whose duplicate-resource diagnostic may have changed. */
  set(uri: string, verdict: FileVerdict, text: string, config: Configuration, resource: boolean): string[] {
    this.verdicts.set(uri, verdict);
    this.terms.note(uri, verdict.own);
    if (this.retainTexts) this.texts.set(uri, text);
    if (resource) this.style.note(uri, text, config);
    else this.style.forget(uri);
    return this.links.set(uri, verdict.link, verdict.linkRange);
  }

  /** Adds the position of a link the fast path left unknown. */
  setLinkRange(uri: string, key: string | undefined, range: Range | undefined): void {
    this.links.set(uri, key, range);
  }

  /** Forgets a file; returns its former duplicate partners. */
  delete(uri: string): string[] {
    this.verdicts.delete(uri);
    this.terms.forget(uri);
    this.texts.delete(uri);
    this.style.forget(uri);
    return this.links.delete(uri);
  }

  has(uri: string): boolean {
    return this.verdicts.has(uri);
  }

  verdict(uri: string): FileVerdict | undefined {
    return this.verdicts.get(uri);
  }

  text(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  /** A text read for another purpose (citations), kept so the next pass reads nothing. */
  keepText(uri: string, text: string): void {
    if (this.retainTexts) this.texts.set(uri, text);
  }

  forgetText(uri: string): void {
    this.texts.delete(uri);
  }

  uris(): string[] {
    return [...this.verdicts.keys()];
  }

  /** Files that share their link with another but whose link position is not known yet. */
  missingLinkRanges(): string[] {
    return this.links.missingRanges();
  }

  duplicated(): string[] {
    return this.links.duplicated();
  }

  /** A file's diagnostics: its own, and duplicate-resource when another file has its link; sorted by position. */
  diagnostics(
    uri: string,
    config: Configuration,
    describe: (uri: string) => string,
  ): { diagnostics: Diagnostic[]; fixable?: boolean[] } | undefined {
    const verdict = this.verdicts.get(uri);
    if (!verdict) return undefined;
    const duplicate = this.duplicateDiagnostic(uri, config, describe);
    if (!duplicate) return { diagnostics: verdict.own, fixable: verdict.fixable };
    const rows = verdict.own.map((d, i) => ({ d, fixable: verdict.fixable?.[i] ?? false }));
    rows.push({ d: duplicate, fixable: false });
    rows.sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character);
    return { diagnostics: rows.map((r) => r.d), fixable: verdict.fixable ? rows.map((r) => r.fixable) : undefined };
  }

  private duplicateDiagnostic(uri: string, config: Configuration, describe: (uri: string) => string): Diagnostic | undefined {
    const level = severityOf('duplicate-resource', config.settings);
    if (level === 'off') return undefined;
    const report = this.links.report(uri, describe);
    if (!report) return undefined;
    return {
      range: report.range,
      severity: LSP_SEVERITY[level],
      code: 'duplicate-resource',
      codeDescription: { href: ruleUrl('duplicate-resource') },
      source: SOURCE,
      message: report.message,
      relatedInformation: report.others.flatMap((o) =>
        o.range ? [{ location: { uri: o.file, range: o.range }, message: `The same link in ${describe(o.file)}` }] : [],
      ),
    };
  }
}
