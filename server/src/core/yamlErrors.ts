import type { ErrorCode } from 'yaml';

/**
 * The `yaml` library's error kinds as sentences an author of a resource file understands. Keyed by
 * every `ErrorCode` the library defines, so a new kind in a later version fails the type check (and
 * the test that reads the library's list) instead of reaching authors in the parser's own words.
 * The parser's text is kept beside it in the diagnostic's `data` for the log.
 */
const SENTENCES: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'An alias (*name) cannot have its own anchor or tag; write the value itself instead.',
  BAD_ALIAS: 'This anchor (&name) or alias (*name) has no usable name; give it a name without a trailing colon, or write the value itself.',
  BAD_DIRECTIVE:
    'A line starting with % is a YAML directive, which resource frontmatter does not use; remove it or put the text in quotes.',
  BAD_DQ_ESCAPE: 'This backslash sequence is not valid inside double quotes; write \\\\ for a backslash, or use single quotes.',
  BAD_INDENT:
    'This line is indented differently from the lines around it; indent the items of one list or field by the same number of spaces.',
  BAD_PROP_ORDER: 'An anchor or tag must come after the - or ? that starts the item, not before it.',
  BAD_SCALAR_START: 'A value cannot start with this character (@, `, % and some others are reserved in YAML); put the value in quotes.',
  BLOCK_AS_IMPLICIT_KEY:
    "This line has a second ': ' after the field's own; put the value in quotes (title: \"a: b\"), or start nested fields on a new, indented line.",
  BLOCK_IN_FLOW: 'A "- item" list or "key: value" lines cannot appear inside [ ] or { }; write the items as a, b inside the brackets.',
  BAD_COLLECTION_TYPE: 'This tag does not fit the kind of value it is on (a list, a set of fields or a single value); remove the tag.',
  DUPLICATE_KEY: 'This field is given more than once; keep one of them.',
  IMPOSSIBLE: 'The frontmatter has a construct the YAML reader cannot handle here; rewrite this line as plain "key: value".',
  KEY_OVER_1024_CHARS: 'This field name is longer than 1024 characters; a field name must be short and on one line.',
  MISSING_CHAR: 'A character YAML needs is missing here (a closing quote or bracket, a comma between items, or a space after the colon).',
  MULTILINE_IMPLICIT_KEY:
    "This line has no 'key: value' form, or the field name runs over more than one line; write each field as 'name: value' on one line (an indented line continues the value above it).",
  MULTIPLE_ANCHORS: 'This value has more than one anchor (&name); keep one.',
  MULTIPLE_DOCS: 'The frontmatter holds more than one YAML document (a line "---" or "..." inside it); a resource has one block of fields.',
  MULTIPLE_TAGS: 'This value has more than one tag (!tag); keep one, or none.',
  NON_STRING_KEY: 'A field name must be plain text, not a list or a set of fields.',
  RESOURCE_EXHAUSTION: 'This YAML expands to far more data than it contains (repeated aliases); write the values out instead.',
  TAB_AS_INDENT: 'This line is indented with a tab; YAML allows only spaces for indentation.',
  TAG_RESOLVE_FAILED: 'This tag (!name) is not one the frontmatter understands; remove it.',
  UNEXPECTED_TOKEN:
    'This character does not belong here (a stray bracket, comma or colon, or text after a closed value); remove it or put the value in quotes.',
};

/** More exact sentences for the parser messages one code covers several of. */
const REFINED: { code: ErrorCode; parser: RegExp; sentence: string }[] = [
  {
    code: 'MISSING_CHAR',
    parser: /^Missing closing "quote/,
    sentence: 'This double-quoted value is never closed: add the closing " at its end.',
  },
  {
    code: 'MISSING_CHAR',
    parser: /^Missing closing 'quote/,
    sentence: "This single-quoted value is never closed: add the closing ' at its end (write '' for an apostrophe inside it).",
  },
  { code: 'MISSING_CHAR', parser: /^Missing , (or : )?between/, sentence: 'The items of this list need commas between them: [a, b].' },
  {
    code: 'MISSING_CHAR',
    parser: /^Missing space after :/,
    sentence: "A ':' inside [ ] or { } needs a space after it; put a value containing ':' in quotes.",
  },
  {
    code: 'MISSING_CHAR',
    parser: /^Implicit map keys need to be followed by map values/,
    sentence: "This line is not a 'key: value' field: add ': value' after the name, or indent it to continue the value above.",
  },
  {
    code: 'MISSING_CHAR',
    parser: /^Comments must be separated/,
    sentence: 'A # starts a comment only after a space; put a value containing # in quotes.',
  },
  {
    code: 'MISSING_CHAR',
    parser: /^Sequence item without - indicator/,
    sentence: 'This line sits among list items but does not start with "- ".',
  },
  {
    code: 'BAD_INDENT',
    parser: /^Flow (sequence|mapping) in block collection must be sufficiently indented and end with a/,
    sentence: 'This [ ] list or { } set is never closed: add the closing bracket at its end.',
  },
  {
    code: 'BAD_INDENT',
    parser: /^All sequence items must start at the same column/,
    sentence: 'The "- " items of one list must start at the same column.',
  },
  { code: 'UNEXPECTED_TOKEN', parser: /^Unexpected , in/, sentence: 'This comma has no item before or after it; remove it.' },
  {
    code: 'UNEXPECTED_TOKEN',
    parser: /^Unexpected empty item/,
    sentence: 'This list has an empty item between two commas; remove one comma.',
  },
  {
    code: 'UNEXPECTED_TOKEN',
    parser: /^Unexpected flow-(seq|map)-end/,
    sentence: 'This closing bracket has no opening bracket; remove it.',
  },
];

export const YAML_ERROR_CODES = Object.keys(SENTENCES) as ErrorCode[];

/** The sentence for one of yaml's errors (its code and its message). */
export function yamlErrorSentence(code: ErrorCode, parserMessage: string): string {
  const refined = REFINED.find((r) => r.code === code && r.parser.test(parserMessage));
  return refined?.sentence ?? SENTENCES[code] ?? `The frontmatter is not valid YAML here.`;
}

/** yaml's message without the source excerpt and position it appends on later lines. */
export function parserSentence(message: string): string {
  return message
    .split('\n')[0]
    .trim()
    .replace(/\s*at line \d+, column \d+.*$/, '');
}
