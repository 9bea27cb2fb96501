import type { Configuration } from '../configuration';
import type { ParsedResource } from '../document';
import { joinTouching, type OffsetEdit } from '../edits';
import type { Finding } from '../findings';
import type { ReportIndex } from '../report/indexer';
import type { ReportSet } from '../report/reportSet';
import type { VocabularyName } from '../vocabulary';

/** An edit to a vocabulary data file (for "Add 'X' to resourceTags.json"). */
export interface FileEdit {
  /** The file's URI. */
  uri: string;
  /** The file's text the offsets refer to. */
  text: string;
  edits: OffsetEdit[];
}

/** One way to repair one finding: edits to the resource text and, rarely, to a data file. */
export interface Fix {
  title: string;
  finding: Finding;
  edits: OffsetEdit[];
  /** Unambiguous: the editor may apply it on its own (fix all, `--fix`). */
  preferred: boolean;
  /** Deletes something the author wrote that is not an exact repeat: never preferred. */
  destructive: boolean;
  /**
   * The edits replace a word the author reads as one (a section's number or label) and are offered
   * whole, not shrunk to the characters that change.
   */
  wholeWords?: boolean;
  /** The item's new value, for fixes that change a list item (lets "fix all" spot new repeats). */
  result?: string;
  /** The fix removes the list item (its corrected value is already elsewhere in the list). */
  removesItem?: boolean;
  fileEdit?: FileEdit;
  /** The fix adds this value to this vocabulary's data file (which clears the value's problems in every file). */
  addsTerm?: { vocabulary: VocabularyName; value: string };
}

export interface FixContext {
  parsed: ParsedResource;
  config: Configuration;
  /** All findings of the text, for fixes that must not collide with each other (two renames to one key). */
  findings: readonly Finding[];
  /** The document's URI: Markdown links into the report resolve relative to it. */
  uri: string;
  /** The reports the text's section references were resolved against. */
  reports: ReportSet;
  /** The document's own index when it was checked as a report (its references resolve against itself). */
  self?: ReportIndex;
  /**
   * The caller takes only the preferred fix (fix all, `--fix`, the CLI's `fixable`): a fixer may leave
   * out the alternatives that are never preferred, such as adding a term to a data file.
   */
  preferredOnly?: boolean;
}

export type Fixer = (finding: Finding, ctx: FixContext) => Fix[];

/** Joins touching edits of one fix, so a client never sees an insert and a replace at one offset. */
export const mergeTouching = joinTouching;
