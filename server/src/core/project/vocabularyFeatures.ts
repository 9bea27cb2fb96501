import { exceedsSizeLimits } from '../sizeLimit';
import {
  CodeActionKind,
  DiagnosticTag,
  MarkupKind,
  type ChangeAnnotation,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type Hover,
  type Location,
  type Position,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { SOURCE, type DiagnosticCode } from '../codes';
import { severityOf, type Configuration } from '../configuration';
import { parseResource, type ParsedResource, type Span } from '../document';
import { toTextEdits, type OffsetEdit } from '../edits';
import type { OpenDocument, Scheduler } from '../host';
import { LineMap } from '../positions';
import { ruleUrl } from '../rules';
import { LSP_SEVERITY } from '../severity';
import { VOCABULARY_FILES, VOCABULARY_NAMES, type Vocabulary, type VocabularyName } from '../vocabulary';
import { categoryEntries, vocabularyEntries, type DataEntry } from '../vocab/dataFile';
import { categoryEdits, dataFileEdits, renameUseEdit, resourceEdits, targetOf, type TermChange } from '../vocab/termEdits';
import { termUsesOf, type TermValue } from '../vocab/uses';
import type { TermUseIndex } from './termUses';

/** The command a client runs to retire a term whose uses need a replacement (it asks which, then requests the edit). */
export const RETIRE_TERM_COMMAND = 'resourceAuthoring.retireTerm';
/** The command a code lens runs to show a term's references (the client turns the arguments into editor types). */
export const SHOW_TERM_REFERENCES_COMMAND = 'resourceAuthoring.showTermReferences';
export const REFACTOR_RETIRE = `${CodeActionKind.Refactor}.retireTerm`;

/** The arguments of RETIRE_TERM_COMMAND. */
export interface RetireTermArguments {
  /** The data file the action was offered in (its folder's server answers the request). */
  uri: string;
  vocabulary: VocabularyName;
  value: string;
  /** The terms it may be replaced with (every other term of its vocabulary). */
  candidates: { value: string; label?: string }[];
  /** Resources whose single value would be left empty: the replacement is required. */
  required: number;
}

/** What a "Retire term" action carries until it is resolved. */
interface RetireActionData {
  retire: TermValue;
}

/** A term's uses across the library, as `resource-lint vocab usage` prints them. */
export interface TermUsageRow {
  vocabulary: VocabularyName;
  value: string;
  label: string | null;
  resources: number;
}

/** An open resource as its analysis has it. */
export interface ResourceView {
  parsed: ParsedResource;
  lines: LineMap;
}

/** Where a term was found under the cursor, and which part of it (its value, or its label in the data file). */
interface TermAt extends TermValue {
  range: Range;
  part: 'value' | 'label';
  /** The text between the quotes, as it is renamed. */
  inner: Range;
}

/** A term change worked out: one edit per file, what it does, or why it cannot be made. */
export interface TermEditPlan {
  /** Each file's edits (LSP ranges of the text the project knows for it). */
  changes: { uri: string; edits: TextEdit[] }[];
  /** Resources changed. */
  resources: number;
  /** Whether the change merges onto (or replaces with) an existing term. */
  merge: boolean;
  error?: string;
}

export interface VocabularyContext {
  configuration(): Configuration;
  uses: TermUseIndex;
  /** A file's current text: the open document's, the one kept from the check, else read. */
  text(uri: string): Promise<string | undefined>;
  openDocument(uri: string): OpenDocument | undefined;
  describe(uri: string): string;
  /** Every resource of the folder has been checked once: counts of zero mean unused. */
  complete(): boolean;
  scheduler: Scheduler;
}

/** Positions parsed at once before giving way to requests. */
const RESOLVE_BATCH = 64;
/** The longest the background pass parses before letting requests in. */
const BACKGROUND_SLICE_MS = 2;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The vocabularies as code: definition, references, hover, code lens, rename (and merge), retire and
 * the data files' own diagnostics, for the editor and `resource-lint vocab`, all from one index of
 * term uses (TermUseIndex) that follows the files as they are checked.
 */
export class VocabularyFeatures {
  constructor(private readonly ctx: VocabularyContext) {}

  private vocabularies(): Vocabulary[] {
    const v = this.ctx.configuration().vocabularies;
    return VOCABULARY_NAMES.map((n) => v[n]);
  }

  /** The vocabulary whose data file this is, if any. */
  private dataFileOf(uri: string): Vocabulary | undefined {
    return this.vocabularies().find((v) => v.uri === uri);
  }

  private categoriesUri(): string | undefined {
    return this.ctx.configuration().vocabularies.categoriesFile?.uri;
  }

  /** True for the data files this serves (the vocabularies' and the categories file). */
  serves(uri: string): boolean {
    return this.dataFileOf(uri) !== undefined || uri === this.categoriesUri();
  }

  /** A data file's text as the editor shows it, else as it was loaded. */
  private dataText(uri: string): string | undefined {
    const open = this.ctx.openDocument(uri)?.text;
    if (open !== undefined) return open;
    if (uri === this.categoriesUri()) return this.ctx.configuration().vocabularies.categoriesFile?.text;
    return this.dataFileOf(uri)?.text;
  }

  private entries(vocabulary: Vocabulary): { text: string; items: DataEntry[] } | undefined {
    if (!vocabulary.uri) return undefined;
    const text = this.dataText(vocabulary.uri);
    const list = text === undefined ? undefined : this.parsedEntries(text, VOCABULARY_FILES[vocabulary.name].key);
    return list && text !== undefined ? { text, items: list.items } : undefined;
  }

  // The data files are parsed once per text: their diagnostics are compared after every batch of a scan.
  private entriesMemo: { text: string; key: string; list: ReturnType<typeof vocabularyEntries> }[] = [];
  private categoriesMemo: { text: string; list: ReturnType<typeof categoryEntries> } | undefined;

  private parsedEntries(text: string, key: string): ReturnType<typeof vocabularyEntries> {
    const hit = this.entriesMemo.find((m) => m.key === key && m.text === text);
    if (hit) return hit.list;
    const list = vocabularyEntries(text, key);
    this.entriesMemo = [{ text, key, list }, ...this.entriesMemo.filter((m) => m.key !== key)];
    return list;
  }

  private parsedCategories(text: string): ReturnType<typeof categoryEntries> {
    if (this.categoriesMemo?.text !== text) this.categoriesMemo = { text, list: categoryEntries(text) };
    return this.categoriesMemo.list;
  }

  /** The term at a position: in a resource (given its text), in a data file, or a focus in the categories file. */
  termAt(uri: string, position: Position, resource?: ResourceView): TermAt | undefined {
    const data = this.dataFileOf(uri);
    if (data) {
      const found = this.entries(data);
      if (!found) return undefined;
      const lines = new LineMap(found.text);
      const offset = lines.offset(position);
      for (const e of found.items) {
        if (within(e.valueSpan, offset)) return at(data.name, e.value, 'value', e.valueSpan, lines);
        if (e.labelSpan && within(e.labelSpan, offset)) return at(data.name, e.value, 'label', e.labelSpan, lines);
      }
      return undefined;
    }
    if (uri === this.categoriesUri()) {
      const text = this.dataText(uri);
      if (text === undefined) return undefined;
      const lines = new LineMap(text);
      const offset = lines.offset(position);
      for (const c of this.parsedCategories(text) ?? []) {
        for (const f of c.focuses.items) if (within(f.span, offset)) return at('focus', f.value, 'value', f.span, lines);
      }
      return undefined;
    }
    if (!resource) return undefined;
    const { parsed, lines } = resource;
    const offset = lines.offset(position);
    const use = termUsesOf(parsed).find((u) => offset >= u.start && offset <= u.end);
    if (!use || !this.ctx.configuration().vocabularies[use.vocabulary].values.has(use.value)) return undefined;
    return at(use.vocabulary, use.value, 'value', use, lines, use.quote !== 'plain');
  }

  /** Where a term is defined: its entry's value in the data file. */
  declaration(term: TermValue): Location | undefined {
    const vocabulary = this.ctx.configuration().vocabularies[term.vocabulary];
    const found = this.entries(vocabulary);
    const entry = found?.items.find((e) => e.value === term.value);
    if (!found || !entry || !vocabulary.uri) return undefined;
    return { uri: vocabulary.uri, range: new LineMap(found.text).range(entry.valueSpan.start, entry.valueSpan.end) };
  }

  definition(uri: string, position: Position, resource?: ResourceView): Location | null {
    const term = this.termAt(uri, position, resource);
    if (!term) return null;
    return this.declaration(term) ?? null;
  }

  /** Parses the positions of the files the index knows only by their values (all, or those given), giving way between batches. */
  async resolve(uris?: readonly string[], options: { background?: boolean } = {}): Promise<void> {
    const index = this.ctx.uses;
    const todo = (uris ?? index.unresolved()).filter((u) => !index.resolved(u));
    if (todo.length === 0) return;
    const scheduler = this.ctx.scheduler;
    let slice = scheduler.now();
    for (let i = 0; i < todo.length; i += RESOLVE_BATCH) {
      const batch = todo.slice(i, i + RESOLVE_BATCH);
      const texts = await Promise.all(batch.map((u) => this.ctx.text(u)));
      for (let j = 0; j < batch.length; j++) {
        // In the background, a keystroke waits no longer than one slice for the parses to give way.
        if (options.background && scheduler.now() - slice > BACKGROUND_SLICE_MS) {
          await scheduler.yield();
          slice = scheduler.now();
        }
        const uri = batch[j];
        const text = texts[j];
        if (text === undefined || index.resolved(uri)) continue;
        // A file past the size limits is not analysed, so it uses no term.
        const uses = exceedsSizeLimits(text, this.ctx.configuration().settings.limits) ? [] : termUsesOf(parseResource(text));
        index.set(uri, uses, new LineMap(text));
      }
      if (i + RESOLVE_BATCH < todo.length) {
        await scheduler.yield();
        slice = scheduler.now();
      }
    }
  }

  /** Every use of a term across the library, with its data-file entry (and, for a focus, the categories naming it). */
  async locations(term: TermValue, includeDeclaration: boolean): Promise<Location[]> {
    const files = this.ctx.uses.files(term.vocabulary, term.value);
    await this.resolve(files);
    const out: Location[] = [];
    if (includeDeclaration) {
      const declaration = this.declaration(term);
      if (declaration) out.push(declaration);
    }
    for (const uri of files) this.ctx.uses.ranges(uri, term, out);
    const categories = this.categoriesUri();
    const text = categories && term.vocabulary === 'focus' ? this.dataText(categories) : undefined;
    if (categories && text !== undefined) {
      const lines = new LineMap(text);
      for (const c of this.parsedCategories(text) ?? []) {
        for (const f of c.focuses.items)
          if (f.value === term.value) out.push({ uri: categories, range: lines.range(f.span.start, f.span.end) });
      }
    }
    return out;
  }

  async references(uri: string, position: Position, includeDeclaration: boolean, resource?: ResourceView): Promise<Location[] | null> {
    const term = this.termAt(uri, position, resource);
    return term ? this.locations(term, includeDeclaration) : null;
  }

  private label(term: TermValue): string | undefined {
    return this.ctx.configuration().vocabularies[term.vocabulary].terms.find((t) => t.value === term.value)?.label;
  }

  private usedBy(term: TermValue): string {
    const n = this.ctx.uses.count(term.vocabulary, term.value);
    const counted = this.ctx.complete() ? '' : ' checked so far';
    return n === 0 ? `Used by no resource${counted}.` : `Used by ${plural(n, 'resource')}${counted}.`;
  }

  /** On a data file's entry: the term, its label and its use count; in a resource: the use count (the field hover says the rest). */
  hover(uri: string, position: Position, resource?: ResourceView): Hover | null {
    const term = this.termAt(uri, position, resource);
    if (!term) return null;
    const noun = VOCABULARY_FILES[term.vocabulary].noun;
    const label = this.label(term);
    const head = resource === undefined ? `**${label ?? term.value}** (${noun} \`${term.value}\`)\n\n` : '';
    return { contents: { kind: MarkupKind.Markdown, value: `${head}${this.usedBy(term)}` }, range: term.range };
  }

  /** "used by N resources" above each entry of a vocabulary's data file; the command shows the references. */
  codeLenses(uri: string): CodeLens[] | null {
    const data = this.dataFileOf(uri);
    const found = data && this.entries(data);
    if (!data || !found) return null;
    const lines = new LineMap(found.text);
    return found.items.map((e) => {
      const range = lines.range(e.valueSpan.start, e.valueSpan.end);
      const n = this.ctx.uses.count(data.name, e.value);
      const title = n === 0 ? (this.ctx.complete() ? 'unused' : 'used by no resource checked so far') : `used by ${plural(n, 'resource')}`;
      return { range, command: { title, command: SHOW_TERM_REFERENCES_COMMAND, arguments: [uri, range.start] } };
    });
  }

  prepareRename(uri: string, position: Position, resource?: ResourceView): { range: Range; placeholder: string } | null {
    const term = this.termAt(uri, position, resource);
    if (!term) return null;
    // A bundled vocabulary has no file of the workspace's to change.
    if (!this.ctx.configuration().vocabularies[term.vocabulary].uri) return null;
    return { range: term.inner, placeholder: term.part === 'label' ? (this.label(term) ?? '') : term.value };
  }

  async rename(uri: string, position: Position, newName: string, resource?: ResourceView): Promise<TermEditPlan | null> {
    const term = this.termAt(uri, position, resource);
    if (!term) return null;
    const change: TermChange =
      term.part === 'label'
        ? { kind: 'label', vocabulary: term.vocabulary, value: term.value, label: newName }
        : { kind: 'rename', vocabulary: term.vocabulary, value: term.value, to: newName.trim() };
    return this.plan(change);
  }

  /** Works out a change of a term across the data files and every resource using it. */
  async plan(change: TermChange): Promise<TermEditPlan> {
    const vocabulary = this.ctx.configuration().vocabularies[change.vocabulary];
    const fail = (error: string): TermEditPlan => ({ changes: [], resources: 0, merge: false, error });
    const noun = VOCABULARY_FILES[change.vocabulary].noun;
    if (!vocabulary.uri || vocabulary.text === undefined)
      return fail(
        `The ${noun} vocabulary is ${vocabulary.source}: add the workspace's own ${VOCABULARY_FILES[change.vocabulary].file} to change it.`,
      );
    if (!vocabulary.values.has(change.value)) return fail(`'${change.value}' is not a ${noun} in ${vocabulary.source}.`);
    const to = targetOf(change);
    if (change.kind === 'rename' && (to === '' || to === change.value))
      return fail(to === '' ? 'The new name is empty.' : `'${change.value}' is its name already.`);
    if (change.kind === 'retire' && to !== null && (to === change.value || !vocabulary.values.has(to)))
      return fail(`'${to}' is not another ${noun} in ${vocabulary.source}.`);
    const merge = change.kind !== 'label' && to !== null && vocabulary.values.has(to);
    const dataText = this.dataText(vocabulary.uri) ?? vocabulary.text;
    const dataEdits = dataFileEdits(dataText, change, merge);
    if (!dataEdits)
      return fail(
        change.kind === 'label' ? `'${change.value}' has no label to rename.` : `'${change.value}' is not in ${vocabulary.source}.`,
      );
    const changes: TermEditPlan['changes'] = [{ uri: vocabulary.uri, edits: textEdits(dataText, dataEdits) }];
    // A label is the data file's alone; a value is written in the resources (and, for a focus, the categories).
    if (change.kind === 'label') return { changes, resources: 0, merge: false };
    const categories = this.ctx.configuration().vocabularies.categoriesFile;
    if (change.vocabulary === 'focus' && categories) {
      const text = this.dataText(categories.uri) ?? categories.text;
      const edits = categoryEdits(text, change.value, to);
      if (edits.length > 0) changes.push({ uri: categories.uri, edits: textEdits(text, edits) });
    }
    const files = this.ctx.uses.files(change.vocabulary, change.value).sort();
    await this.resolve(files);
    let blocked = 0;
    let resources = 0;
    for (let i = 0; i < files.length; i++) {
      const uri = files[i];
      const uses = this.ctx.uses.uses(uri) ?? [];
      const mine = uses.filter((u) => u.vocabulary === change.vocabulary && u.value === change.value);
      if (mine.length === 0) continue;
      // The common case, answered from the index alone: the value renamed where the file has no `to` to merge with.
      const simple = to !== null && !uses.some((u) => u.vocabulary === change.vocabulary && u.value === to);
      let edits: TextEdit[];
      if (simple) edits = mine.map((u) => renameUseEdit(u, to));
      else {
        const text = await this.ctx.text(uri);
        if (text === undefined) continue;
        const result = resourceEdits(parseResource(text), change.vocabulary, change.value, to);
        if ('blocked' in result) {
          blocked++;
          continue;
        }
        edits = textEdits(text, result.edits);
      }
      changes.push({ uri, edits });
      resources++;
      if (i % 500 === 499) await this.ctx.scheduler.yield();
    }
    if (blocked > 0) {
      return fail(
        `'${change.value}' is the ${change.vocabulary} of ${plural(blocked, 'resource')}, which cannot be left without one: retire it with a replacement.`,
      );
    }
    return { changes, resources, merge };
  }

  /** "Retire term 'x'" on a data file's entry: with the edit when nothing needs replacing, else a command that asks for the replacement. */
  async codeActions(uri: string, range: Range, only?: readonly string[]): Promise<CodeAction[]> {
    if (
      only &&
      only.length > 0 &&
      !only.some((o) => REFACTOR_RETIRE === o || REFACTOR_RETIRE.startsWith(`${o}.`) || o === CodeActionKind.QuickFix)
    )
      return [];
    const term = this.termAt(uri, range.start);
    if (!term || !this.dataFileOf(uri)) return [];
    const vocabulary = this.ctx.configuration().vocabularies[term.vocabulary];
    const n = this.ctx.uses.count(term.vocabulary, term.value);
    const title = `Retire ${VOCABULARY_FILES[term.vocabulary].noun} '${term.value}'${n > 0 ? ` (used by ${plural(n, 'resource')})` : ''}`;
    const diagnostics = this.diagnostics(uri).filter((d) => d.code === 'unused-term' && (d.data as TermValue).value === term.value);
    // A focus or a type is every resource's one value: in use, it needs a replacement. The edit itself is
    // worked out only when the action is chosen (codeAction/resolve): the light bulb asks at every move.
    const needsReplacement = term.vocabulary !== 'learnTags' && n > 0;
    if (!needsReplacement) {
      const data: RetireActionData = { retire: { vocabulary: term.vocabulary, value: term.value } };
      return [{ title, kind: REFACTOR_RETIRE, diagnostics, data }];
    }
    const required = this.ctx.uses.files(term.vocabulary, term.value).length;
    const args: RetireTermArguments = {
      uri,
      vocabulary: term.vocabulary,
      value: term.value,
      candidates: vocabulary.terms
        .filter((t) => t.value !== term.value)
        .map((t) => (t.label ? { value: t.value, label: t.label } : { value: t.value })),
      required,
    };
    return [
      {
        title: `${title}, replacing it with…`,
        kind: REFACTOR_RETIRE,
        diagnostics,
        command: { title, command: RETIRE_TERM_COMMAND, arguments: [args] },
      },
    ];
  }

  /** The edit of a "Retire term" action offered without one; undefined for any other action. */
  async resolveAction(action: CodeAction): Promise<CodeAction | undefined> {
    const retire = (action.data as Partial<RetireActionData> | undefined)?.retire;
    if (!retire || action.kind !== REFACTOR_RETIRE) return undefined;
    const plan = await this.plan({ kind: 'retire', vocabulary: retire.vocabulary, value: retire.value });
    if (plan.error) return { ...action, disabled: { reason: plan.error } };
    return { ...action, edit: this.workspaceEdit(plan, `Retire '${retire.value}'`) };
  }

  /**
   * One WorkspaceEdit for a plan: a text edit per file (for an open document, at its version), every
   * edit under one change annotation; `confirm` asks the editor for its refactor preview first.
   */
  workspaceEdit(plan: TermEditPlan, label: string, confirm = true): WorkspaceEdit {
    const id = 'term';
    const annotation: ChangeAnnotation = {
      label,
      needsConfirmation: confirm,
      description: `${plural(plan.resources, 'resource')} and the data file`,
    };
    const documentChanges: TextDocumentEdit[] = plan.changes.map((c) => ({
      textDocument: { uri: c.uri, version: this.ctx.openDocument(c.uri)?.version ?? null },
      edits: c.edits.map((e) => ({ ...e, annotationId: id })),
    }));
    return { documentChanges, changeAnnotations: { [id]: annotation } };
  }

  /** The data files' own problems: unused terms (once every resource was checked), repeated values and labels, categories naming no focus. */
  diagnostics(uri: string): Diagnostic[] {
    const config = this.ctx.configuration();
    const out: Diagnostic[] = [];
    const push = (code: DiagnosticCode, span: Span, lines: LineMap, message: string, data?: unknown, tags?: DiagnosticTag[]) => {
      const level = severityOf(code, config, uri);
      if (level === 'off') return;
      out.push({
        range: lines.range(span.start, span.end),
        severity: LSP_SEVERITY[level],
        code,
        codeDescription: { href: ruleUrl(code) },
        source: SOURCE,
        message,
        ...(data !== undefined ? { data } : {}),
        ...(tags ? { tags } : {}),
      });
    };
    const data = this.dataFileOf(uri);
    if (data) {
      const found = this.entries(data);
      if (!found) return out;
      const lines = new LineMap(found.text);
      const values = new Map<string, string>();
      const labels = new Map<string, string>();
      for (const e of found.items) {
        if (values.has(e.value))
          push('duplicate-value', e.valueSpan, lines, `'${e.value}' is in ${data.source} already: remove this entry.`);
        values.set(e.value, e.value);
        if (e.label !== undefined && e.labelSpan) {
          const other = labels.get(e.label.trim().toLowerCase());
          if (other !== undefined && other !== e.value)
            push(
              'duplicate-label',
              e.labelSpan,
              lines,
              `'${e.value}' has the label "${e.label}" of '${other}': authors cannot tell them apart.`,
            );
          else labels.set(e.label.trim().toLowerCase(), e.value);
        }
        if (this.ctx.complete() && this.ctx.uses.count(data.name, e.value) === 0) {
          push(
            'unused-term',
            e.valueSpan,
            lines,
            `No resource uses the ${VOCABULARY_FILES[data.name].noun} '${e.value}'.`,
            { vocabulary: data.name, value: e.value },
            [DiagnosticTag.Unnecessary],
          );
        }
      }
      return out;
    }
    if (uri === this.categoriesUri()) {
      const text = this.dataText(uri);
      if (text === undefined) return out;
      const lines = new LineMap(text);
      const focuses = config.vocabularies.focus;
      for (const c of this.parsedCategories(text) ?? []) {
        for (const f of c.focuses.items) {
          if (!focuses.values.has(f.value))
            push(
              'invalid-value',
              f.span,
              lines,
              `The category '${c.id}' names the focus '${f.value}', which ${focuses.source} does not have.`,
            );
        }
      }
    }
    return out;
  }

  /** The data files' URIs, whose diagnostics follow the use counts. */
  dataFiles(): string[] {
    const uris = this.vocabularies().flatMap((v) => (v.uri ? [v.uri] : []));
    const categories = this.categoriesUri();
    return categories ? [...uris, categories] : uris;
  }

  /** Every term of every vocabulary with its label and how many resources use it. */
  usage(): TermUsageRow[] {
    return this.vocabularies().flatMap((v) =>
      v.terms.map((t) => ({ vocabulary: v.name, value: t.value, label: t.label ?? null, resources: this.ctx.uses.count(v.name, t.value) })),
    );
  }
}

const within = (span: Span, offset: number): boolean => offset >= span.start && offset <= span.end;

function at(vocabulary: VocabularyName, value: string, part: TermAt['part'], span: Span, lines: LineMap, quoted = true): TermAt {
  const inner = quoted && span.end - span.start >= 2 ? { start: span.start + 1, end: span.end - 1 } : span;
  return { vocabulary, value, part, range: lines.range(span.start, span.end), inner: lines.range(inner.start, inner.end) };
}

function textEdits(text: string, edits: readonly OffsetEdit[]): TextEdit[] {
  return toTextEdits(new LineMap(text), edits);
}
