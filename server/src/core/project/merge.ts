import type { CodeAction, CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';

/**
 * Several features (frontmatter, section references) answer the same requests; each answers only where
 * it applies. These helpers merge their answers into one response, so no feature hides another.
 */

/** One completion list of every feature's items; incomplete when any feature says so. */
export function mergeCompletions(...answers: (CompletionList | CompletionItem[] | null | undefined)[]): CompletionList {
  const items: CompletionItem[] = [];
  let isIncomplete = false;
  for (const a of answers) {
    if (!a) continue;
    if (Array.isArray(a)) items.push(...a);
    else {
      items.push(...a.items);
      isIncomplete ||= a.isIncomplete;
    }
  }
  return { isIncomplete, items };
}

function markdownOf(h: Hover): string {
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((m) => (typeof m === 'string' ? m : `\`\`\`${m.language}\n${m.value}\n\`\`\``)).join('\n\n');
  if ('kind' in c) return c.value;
  return `\`\`\`${c.language}\n${c.value}\n\`\`\``;
}

/** Both hovers in one Markdown text (separated by a rule), with the range of the first that has one. */
export function mergeHovers(...answers: (Hover | null | undefined)[]): Hover | null {
  const present = answers.filter((h): h is Hover => !!h);
  if (present.length <= 1) return present[0] ?? null;
  const contents: MarkupContent = { kind: MarkupKind.Markdown, value: present.map(markdownOf).join('\n\n---\n\n') };
  const range = present.find((h) => h.range)?.range;
  return range ? { contents, range } : { contents };
}

/**
 * Whether an action of `kind` answers a request restricted to `only` (LSP: a requested kind matches
 * itself and its sub-kinds, so `source.fixAll` asks for `source.fixAll.resources`).
 */
export function kindRequested(kind: string | undefined, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  if (!kind) return false;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The actions of every feature that the request asks for. */
export function mergeCodeActions(only: readonly string[] | undefined, ...lists: CodeAction[][]): CodeAction[] {
  return lists.flat().filter((a) => kindRequested(a.kind, only));
}
