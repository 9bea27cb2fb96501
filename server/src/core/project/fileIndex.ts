import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { duplicateFingerprint } from '../baseline';
import { DuplicateLinkIndex } from '../checks/duplicates';
import { SOURCE } from '../codes';
import { severityOf, type Configuration } from '../configuration';
import { ruleUrl } from '../rules';
import { LSP_SEVERITY } from '../severity';
import type { Fingerprinted } from './baselineStore';
import { LibraryStyle } from './libraryStyle';
import type { DuplicateSuppression } from './suppressedDuplicates';
import { TermUsageIndex } from './termUsage';
import { TermUseIndex } from './termUses';
import type { LineMap } from '../positions';
import type { TermUse, TermValue } from '../vocab/uses';

/** A file's vocabulary term uses: with positions (from a parse of its text), or only its values (the fast path's). */
export type TermSource = { uses: readonly TermUse[]; lines: LineMap } | { values: readonly TermValue[] };

/** One file's verdict: the diagnostics of its own text (not duplicate-resource) and its `link`. */
export interface FileVerdict {
  own: Diagnostic[];
  /** Per diagnostic of `own`, whether fix-all repairs it (only when the project was asked to work it out). */
  fixable?: boolean[];
  /** Per diagnostic of `own`, its baseline fingerprint. */
  fingerprints?: string[];
  link?: string;
  /** Where the link is; unknown when the fast path vouched for the file. */
  linkRange?: Range;
  /** The file's suppression comments for its duplicate-resource report, when it has any. */
  duplicate?: DuplicateSuppression;
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
  /** Every use of every vocabulary term, for navigation and refactoring of the vocabularies. */
  readonly uses = new TermUseIndex();

  constructor(private readonly retainTexts: boolean) {}

  /** Records a file's verdict; returns the files whose duplicate-resource diagnostic may have changed. */
  set(uri: string, verdict: FileVerdict, text: string, config: Configuration, resource: boolean, terms?: TermSource): string[] {
    this.verdicts.set(uri, verdict);
    this.terms.note(uri, verdict.own);
    if (!terms) this.uses.delete(uri);
    else if ('values' in terms) this.uses.setValues(uri, terms.values);
    else this.uses.set(uri, terms.uses, terms.lines);
    if (this.retainTexts) this.texts.set(uri, text);
    // The library's style serves completion, which only an editor asks for (a project that keeps texts).
    if (resource && this.retainTexts) this.style.note(uri, text, config);
    else this.style.forget(uri);
    return this.links.set(uri, verdict.link, verdict.linkRange);
  }

  /** Records a verdict known without the file's text (from the result cache); returns as `set`. */
  setVerdict(uri: string, verdict: FileVerdict): string[] {
    this.verdicts.set(uri, verdict);
    // A cached verdict says nothing of the file's terms: it is not among their uses.
    this.uses.delete(uri);
    this.texts.delete(uri);
    return this.links.set(uri, verdict.link, verdict.linkRange);
  }

  /** Adds the position of a link the fast path left unknown. */
  setLinkRange(uri: string, key: string | undefined, range: Range | undefined): void {
    this.links.set(uri, key, range);
    // Kept in the verdict too, so a cache storing it knows the position next time.
    const verdict = this.verdicts.get(uri);
    if (verdict && range && verdict.link === key) this.verdicts.set(uri, { ...verdict, linkRange: range });
  }

  /** Forgets a file; returns its former duplicate partners. */
  delete(uri: string): string[] {
    this.verdicts.delete(uri);
    this.terms.forget(uri);
    this.uses.delete(uri);
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

  forgetTexts(): void {
    this.texts.clear();
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
  diagnostics(uri: string, config: Configuration, describe: (uri: string) => string): Fingerprinted | undefined {
    const verdict = this.verdicts.get(uri);
    if (!verdict) return undefined;
    // A suppressed duplicate is not shown; the comment that silences it is unused when there is none.
    const suppression = verdict.duplicate;
    const duplicate = suppression ? undefined : this.duplicateDiagnostic(uri, config, describe);
    const extra: { d: Diagnostic; fingerprint: string }[] = suppression
      ? this.links.report(uri, describe)
        ? []
        : suppression.unlessDuplicated.map((d, i) => ({ d, fingerprint: suppression.fingerprints?.[i] ?? '' }))
      : duplicate
        ? [{ d: duplicate, fingerprint: duplicateFingerprint(verdict.link ?? '') }]
        : [];
    if (extra.length === 0) return { diagnostics: verdict.own, fixable: verdict.fixable, fingerprints: verdict.fingerprints };
    const rows = verdict.own.map((d, i) => ({ d, fixable: verdict.fixable?.[i] ?? false, fingerprint: verdict.fingerprints?.[i] ?? '' }));
    rows.push(...extra.map((e) => ({ d: e.d, fixable: false, fingerprint: e.fingerprint })));
    rows.sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character);
    return {
      diagnostics: rows.map((r) => r.d),
      fixable: verdict.fixable ? rows.map((r) => r.fixable) : undefined,
      fingerprints: verdict.fingerprints ? rows.map((r) => r.fingerprint) : undefined,
    };
  }

  private duplicateDiagnostic(uri: string, config: Configuration, describe: (uri: string) => string): Diagnostic | undefined {
    if (!this.links.hasPartners(uri)) return undefined;
    const level = severityOf('duplicate-resource', config, uri);
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
