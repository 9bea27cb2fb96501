/**
 * GitHub-style heading anchors, as Markdown renderers (and authors) write `#` fragments:
 * lower case, punctuation other than `-` and `_` dropped, each space a hyphen.
 * "4.3 Adaptation" → "43-adaptation".
 */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Letters and digits only, lower case: how labels and titles are compared ("AI safety" = "ai-safety"). */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
