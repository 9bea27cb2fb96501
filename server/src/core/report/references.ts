import { canonicalNumber } from './numbers';

/**
 * One place in a text that cites a report section: `§4.3`, `§4.3: adaptation`, `§4.3: Adaptation`
 * (label possibly wrapped onto the next line), or a Markdown link `[text](report.md#4.3)` /
 * `[text](report.md#43-adaptation)`. Offsets are UTF-16 offsets into the text.
 */
export interface SectionReference {
  kind: 'section' | 'link';
  start: number;
  end: number;
  /** The cited number in canonical form; null for a link whose fragment is a heading slug. */
  number: string | null;
  /** Where the number (or the link's fragment) is written. */
  numberStart: number;
  numberEnd: number;
  /** The word after `§4.3:`, as written; null when there is none. */
  label: string | null;
  labelStart: number;
  labelEnd: number;
  /** Links only: the path before `#` (may be empty: the same file) and the fragment (decoded). */
  target?: string;
  fragment?: string;
}

// `§4.3`, `§ 4.3`, and the extraction artefact `§4. 1.4:` (a space after a dot, only before a label).
const SECTION = /§[ \t\u00a0]?(\d{1,3}(?:\.\d{1,3})*)(?!\d)(?:\. (\d{1,3}(?:\.\d{1,3})*)(?=:))?/g;
// After the number: a colon, blanks, at most one line break, then a label word.
const LABEL = /:[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?([\p{L}\p{N}][\p{L}\p{N}_-]*)/uy;
const LINK = /\[[^\]\n]*\]\(\s*<?([^()\s#<>]*)#([^()\s<>]+?)>?(?:\s+"[^"\n]*")?\s*\)/g;
const NUMBER_FRAGMENT = /^\d{1,3}(?:\.\d{1,3})*$/;

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Every section reference in `text`, in order of their start. */
export function parseReferences(text: string): SectionReference[] {
  const out: SectionReference[] = [];
  if (text.includes('§')) {
    SECTION.lastIndex = 0;
    for (let m = SECTION.exec(text); m; m = SECTION.exec(text)) {
      const numberStart = m.index + m[0].indexOf(m[1]);
      const numberEnd = m.index + m[0].length;
      const number = canonicalNumber(m[2] ? `${m[1]}.${m[2]}` : m[1]);
      const ref: SectionReference = {
        kind: 'section', start: m.index, end: numberEnd, number, numberStart, numberEnd,
        label: null, labelStart: numberEnd, labelEnd: numberEnd,
      };
      LABEL.lastIndex = numberEnd;
      const l = LABEL.exec(text);
      if (l) {
        // A hyphen that ends the word is punctuation (or a line-end hyphenation), not label.
        const word = l[1].replace(/[-_]+$/, '');
        ref.labelStart = numberEnd + l[0].length - l[1].length;
        ref.labelEnd = ref.labelStart + word.length;
        ref.label = word;
        ref.end = ref.labelEnd;
        SECTION.lastIndex = ref.end;
      }
      out.push(ref);
    }
  }
  if (text.includes('](')) {
    LINK.lastIndex = 0;
    for (let m = LINK.exec(text); m; m = LINK.exec(text)) {
      const fragment = decode(m[2]);
      const fragStart = m.index + m[0].lastIndexOf('#' + m[2]) + 1;
      out.push({
        kind: 'link', start: m.index, end: m.index + m[0].length,
        number: NUMBER_FRAGMENT.test(fragment) ? canonicalNumber(fragment) : null,
        numberStart: fragStart, numberEnd: fragStart + m[2].length,
        label: null, labelStart: fragStart, labelEnd: fragStart,
        target: m[1], fragment,
      });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}
