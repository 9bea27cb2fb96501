import type { Diagnostic } from 'vscode-languageserver-types';
import type { VocabularyName } from '../vocabulary';

/** How many problems, in how many files, one missing vocabulary term accounts for. */
export interface TermUsage {
  problems: number;
  files: number;
}

const keyOf = (vocabulary: string, value: string): string => `${vocabulary}\u0000${value}`;

/** The vocabulary terms a file's diagnostics find missing (`invalid-value` on a vocabulary field), with their counts. */
function missingTermsOf(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.code !== 'invalid-value') continue;
    const data = d.data as { vocabulary?: unknown; value?: unknown } | undefined;
    if (typeof data?.vocabulary !== 'string' || typeof data.value !== 'string') continue;
    const key = keyOf(data.vocabulary, data.value);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * Which values missing from a vocabulary the checked files use, and how often: kept up to date as each
 * file's diagnostics are recorded, so "Add 'X' to resourceFocuses.json" can say how many problems it
 * clears without looking at any other file.
 */
export class TermUsageIndex {
  private readonly byFile = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, TermUsage>();

  /** Records a file's diagnostics (replacing what it had). */
  note(uri: string, diagnostics: readonly Diagnostic[]): void {
    this.forget(uri);
    const terms = missingTermsOf(diagnostics);
    if (terms.size === 0) return;
    this.byFile.set(uri, terms);
    for (const [key, n] of terms) {
      const total = this.totals.get(key) ?? { problems: 0, files: 0 };
      this.totals.set(key, { problems: total.problems + n, files: total.files + 1 });
    }
  }

  forget(uri: string): void {
    const terms = this.byFile.get(uri);
    if (!terms) return;
    this.byFile.delete(uri);
    for (const [key, n] of terms) {
      const total = this.totals.get(key)!;
      if (total.files === 1) this.totals.delete(key);
      else this.totals.set(key, { problems: total.problems - n, files: total.files - 1 });
    }
  }

  /** The problems and files of the checked workspace that adding `value` to the vocabulary clears. */
  usage(vocabulary: VocabularyName, value: string): TermUsage {
    return this.totals.get(keyOf(vocabulary, value)) ?? { problems: 0, files: 0 };
  }
}
