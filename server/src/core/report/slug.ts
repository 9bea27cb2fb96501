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
  // Resolving a label compares it with every section's label and title: those few strings recur for every reference.
  let key = looseKeys.get(text);
  if (key === undefined) {
    key = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (looseKeys.size >= MAX_LOOSE_KEYS) looseKeys.clear();
    looseKeys.set(text, key);
  }
  return key;
}

const looseKeys = new Map<string, string>();
const MAX_LOOSE_KEYS = 4096;
