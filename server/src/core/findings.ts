import type { DiagnosticCode } from './codes';
import type { VocabularyName } from './vocabulary';

/** What a fix needs to know about a problem, carried on the diagnostic (`Diagnostic.data`). */
export interface FindingData {
  /** The top-level field concerned. */
  field?: string;
  /** Data path of the offending node, e.g. `['learnTags', 2]`. */
  path?: (string | number)[];
  /** The offending value as written (scalar values only). */
  value?: string | number | boolean | null;
  /** Allowed values, when there is a closed set. */
  expected?: string[];
  vocabulary?: VocabularyName;
  /** Section references: the cited number (canonical; null for a link by heading slug) and the label written after it. */
  number?: string | null;
  label?: string | null;
  /** Section references: the URI of the report the reference was resolved against. */
  report?: string;
  [key: string]: unknown;
}

export interface RelatedLocation {
  /** Absolute path or URI of the other file, as the host named it. */
  file: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
  message: string;
}

/** One problem in one text: a code, a message for authors, and the narrowest span (UTF-16 offsets). */
export interface Finding {
  code: DiagnosticCode;
  message: string;
  start: number;
  end: number;
  data?: FindingData;
  related?: RelatedLocation[];
}
