import { isSectionCode } from '../codes';
import { visit } from 'yaml';
import { parseResource, type ParsedResource } from '../document';
import { applyOffsetEdits, type OffsetEdit } from '../edits';
import type { Finding } from '../findings';
import { lineBreakOf } from '../frontmatter';
import type { Analysis } from '../service';
import { directivesOf, isSuppressible, type Directive } from '../suppressions';
import type { Fix, Fixer } from './types';

/** unused-suppression: the edit worked out with the report (the code, or the whole comment when none is used). */
export const fixUnusedSuppression: Fixer = (finding) => {
  const edit = finding.data?.edit as OffsetEdit | undefined;
  if (!edit || typeof edit.start !== 'number') return [];
  const code = typeof finding.data?.code === 'string' ? finding.data.code : undefined;
  const whole = code === undefined || edit.end - edit.start > code.length + 2;
  return [
    {
      title: whole ? 'Remove the unused suppression comment' : `Remove '${code}' from the suppression comment`,
      finding,
      edits: [edit],
      preferred: false,
      destructive: true,
    },
  ];
};

/** Adds a code to an existing directive, after its last code (before any ` -- reason`). */
function appendCode(d: Directive, code: string): OffsetEdit {
  const last = d.codes[d.codes.length - 1];
  return { start: last.end, end: last.end, newText: ` ${code}` };
}

/** True when the edited text reads as the same data with no new syntax error: a comment must change nothing else. */
function keepsData(analysis: Analysis, edit: OffsetEdit): boolean {
  const before = analysis.parsed;
  // An insertion outside every scalar of a document without errors adds only a comment: nothing to
  // parse again (in a large file that parse took longer than the request may).
  if (before.syntaxErrors.length === 0 && edit.start === edit.end && !insideScalar(before, edit.start)) return true;
  const after = parseResource(applyOffsetEdits(before.text, [edit]));
  return after.syntaxErrors.length <= before.syntaxErrors.length && JSON.stringify(after.data) === JSON.stringify(before.data);
}

/** True when `offset` falls strictly inside a scalar's source (a multi-line or block scalar goes on past its first line). */
function insideScalar(parsed: ParsedResource, offset: number): boolean {
  if (!parsed.yaml || !parsed.block) return true;
  const at = offset - parsed.block.content.start;
  let inside = false;
  visit(parsed.yaml, {
    Scalar(_, node) {
      if (node.range && node.range[0] < at && at < node.range[1]) {
        inside = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return inside;
}

/**
 * "Disable <code> for this line" and "… for this file" for a frontmatter finding: a directive above
 * the finding's line with that line's indentation (above a block list item, as the item), or after
 * the opening `---`; an existing directive for the same line or the file gets the code added instead.
 * Never preferred: silencing is the author's decision, never fix-all's.
 */
export function disableFixes(finding: Finding, analysis: Analysis): Fix[] {
  const { parsed, lines } = analysis;
  const block = parsed.block;
  if (!block || !block.close || !isSuppressible(finding.code) || isSectionCode(finding.code)) return [];
  const text = parsed.text;
  const { directives } = directivesOf(parsed, lines);
  const fixes: Fix[] = [];
  const line = lines.lineAt(finding.start);
  if (line > lines.lineAt(block.open.start) && line < lines.lineAt(block.close.start)) {
    const existing = directives.find((d) => d.kind === 'disable-next-line' && d.targetLine === line && d.ownLine && d.codes.length > 0);
    let edit: OffsetEdit;
    if (existing) {
      edit = appendCode(existing, finding.code);
    } else {
      const lineStart = lines.lineStarts()[line];
      const indent = /^[ \t]*/.exec(text.slice(lineStart, lines.lineEnd(line)))![0];
      edit = {
        start: lineStart,
        end: lineStart,
        newText: `${indent}# resource-lint-disable-next-line ${finding.code}${lineBreakOf(text)}`,
      };
    }
    if (keepsData(analysis, edit)) {
      fixes.push({ title: `Disable ${finding.code} for this line`, finding, edits: [edit], preferred: false, destructive: false });
    }
  }
  const fileWide = directives.find((d) => d.kind === 'disable-file' && d.codes.length > 0);
  const fileEdit = fileWide
    ? appendCode(fileWide, finding.code)
    : { start: block.content.start, end: block.content.start, newText: `# resource-lint-disable-file ${finding.code}${lineBreakOf(text)}` };
  fixes.push({ title: `Disable ${finding.code} for this file`, finding, edits: [fileEdit], preferred: false, destructive: false });
  return fixes;
}
