import type { ChangeAnnotation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Configuration } from '../configuration';
import type { OffsetEdit } from '../edits';
import type { Finding } from '../findings';
import { fixUntilStable, hasPreferredFix } from '../fixes';
import type { ProgressSink, Scheduler } from '../host';
import type { Analysis } from '../service';
import { severityOf } from '../configuration';
import { diffEdits } from '../textDiff';

/** What the workspace's fix-all would change: one edit for every file, and what it repairs. */
export interface WorkspaceFix {
  /** Each file's edits, every one under the change annotation of the problem code it fixes (`needsConfirmation`). */
  edit: WorkspaceEdit;
  /** Problems the edits make disappear. */
  problems: number;
  /** Files the edits change. */
  files: number;
}

/** A file to fix: its analysis, and its version when it is open (the edit then applies to that version only). */
export interface FixSubject {
  uri: string;
  version: number | null;
  analysis: Analysis;
}

export interface WorkspaceFixContext {
  config: Configuration;
  scheduler: Scheduler;
  /** The files to fix, in order; `undefined` for one that cannot be read, or has nothing to fix for certain. */
  subjects: readonly string[];
  subject(uris: readonly string[]): Promise<(FixSubject | undefined)[]>;
  progress?: ProgressSink;
  cancelled?: () => boolean;
}

/** Files analysed at once: requests and a cancellation get in between batches. */
const BATCH = 16;

/**
 * The code an edit fixes: that of the first fixable finding it touches, or, for an edit away from its
 * finding (a missing field is reported on the opening `---` and added further down), of the first
 * fixable finding no edit touches.
 */
function codesOf(edits: readonly OffsetEdit[], fixable: readonly Finding[]): string[] {
  const touches = (e: OffsetEdit, f: Finding) => f.start <= e.end && f.end >= e.start;
  const touched = edits.map((e) => fixable.find((f) => touches(e, f)));
  const untouched = fixable.filter((f) => !edits.some((e) => touches(e, f)));
  return touched.map((f) => (f ?? untouched[0] ?? fixable[0])?.code ?? 'fix');
}

/**
 * "Fix all" over the workspace: every file repaired as `resource-lint --fix` repairs it (the preferred,
 * non-destructive fixes, until nothing more changes), given as minimal edits from the text the editor
 * shows to the fixed one, each annotated with its problem code, so a refactor preview groups them and
 * lets the author untick any. Undefined when cancelled.
 */
export async function fixWorkspace(ctx: WorkspaceFixContext): Promise<WorkspaceFix | undefined> {
  const documentChanges: TextDocumentEdit[] = [];
  const perCode = new Map<string, { edits: number; files: Set<string> }>();
  let problems = 0;
  const total = ctx.subjects.length;
  for (let start = 0; start < total; start += BATCH) {
    if (ctx.cancelled?.()) return undefined;
    const batch = ctx.subjects.slice(start, start + BATCH);
    const subjects = await ctx.subject(batch);
    for (const subject of subjects) {
      if (!subject) continue;
      const { analysis } = subject;
      const fixable = analysis.findings.filter(
        (f) => severityOf(f.code, ctx.config, analysis.uri) !== 'off' && hasPreferredFix(f, analysis, ctx.config),
      );
      if (fixable.length === 0) continue;
      const fixed = fixUntilStable(analysis, ctx.config);
      const edits = diffEdits(analysis.parsed.text, fixed.analysis.parsed.text);
      if (edits.length === 0) continue;
      problems += fixed.resolved;
      const codes = codesOf(edits, fixable);
      documentChanges.push({
        textDocument: { uri: subject.uri, version: subject.version },
        edits: edits.map((e, i) => {
          const code = codes[i];
          const counted = perCode.get(code) ?? { edits: 0, files: new Set<string>() };
          counted.edits++;
          counted.files.add(subject.uri);
          perCode.set(code, counted);
          return { range: analysis.lines.range(e.start, e.end), newText: e.newText, annotationId: code };
        }),
      });
    }
    ctx.progress?.report(Math.min(start + BATCH, total), total);
    await ctx.scheduler.yield();
  }
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  for (const [code, counted] of [...perCode].sort(([a], [b]) => a.localeCompare(b))) {
    const n = counted.files.size;
    changeAnnotations[code] = {
      label: `Fix ${code}`,
      description: `${counted.edits} ${counted.edits === 1 ? 'change' : 'changes'} in ${n} ${n === 1 ? 'file' : 'files'}`,
      needsConfirmation: true,
    };
  }
  return { edit: { documentChanges, changeAnnotations }, problems, files: documentChanges.length };
}
