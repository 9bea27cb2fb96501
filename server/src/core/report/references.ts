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

/** A link's reference: `target` is the path before `#`, `written` the fragment as written, at `fragmentStart`. */
function linkReference(start: number, end: number, target: string, written: string, fragmentStart: number): SectionReference {
  const fragment = decode(written);
  return {
    kind: 'link',
    start,
    end,
    number: NUMBER_FRAGMENT.test(fragment) ? canonicalNumber(fragment) : null,
    numberStart: fragmentStart,
    numberEnd: fragmentStart + written.length,
    label: null,
    labelStart: fragmentStart,
    labelEnd: fragmentStart,
    target,
    fragment,
  };
}

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
        kind: 'section',
        start: m.index,
        end: numberEnd,
        number,
        numberStart,
        numberEnd,
        label: null,
        labelStart: numberEnd,
        labelEnd: numberEnd,
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
      const fragmentStart = m.index + m[0].lastIndexOf('#' + m[2]) + 1;
      out.push(linkReference(m.index, m.index + m[0].length, m[1], m[2], fragmentStart));
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

// A link destination as `LINK` reads it between the parentheses: a path without `#`, then the fragment.
const DESTINATION = /^([^()\s#<>]*)#([^()\s<>]+)$/;

/**
 * The reference a Markdown link's destination makes (`../reports/report.md#4.3`), read as
 * `parseReferences` reads it in `[text](destination)`; undefined when it makes none. Offsets are into
 * `destination`. For a renderer that has parsed the link already (the card).
 */
export function destinationReference(destination: string): SectionReference | undefined {
  const m = DESTINATION.exec(destination);
  return m ? linkReference(0, destination.length, m[1], m[2], m[1].length + 1) : undefined;
}
