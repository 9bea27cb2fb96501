import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TermChange } from '../vocab/termEdits';
import type { TermEditPlan, TermUsageRow } from './vocabularyFeatures';
import type { BaselineDisplay } from '../baseline';
import type { Configuration } from '../configuration';
import type { Disposable, Logger, ProgressFactory, Scheduler, Workspace } from '../host';
import type { ReportSet } from '../report/reportSet';
import type { DocumentRole } from '../service';
import type { SettingsProblem } from '../settings';
import type { RenderedCard } from './card';
import type { NewResourceParams, NewResourceResult } from '../../../../protocol/src/requests';
import type { ResultCacheOptions } from './resultCache';
import type { WorkspaceFix } from './workspaceFix';

export interface ProjectOptions {
  workspace: Workspace;
  logger?: Logger;
  /** How long tasks give way to requests; without one they run straight through. */
  scheduler?: Scheduler;
  /** Shows the progress of a long workspace check. */
  progress?: ProgressFactory;
  /** Report files named explicitly (URIs; the CLI's `--report`), instead of those `resourceAuthoring.reports` finds. */
  reports?: readonly string[];
  /** The host stops on any configuration problem (the CLI exits 2): messages then do not say what is used meanwhile. */
  stopsOnProblems?: boolean;
  /**
   * Keep each file's text once read, so citations and duplicate positions never read a file twice
   * (the server). Off in the CLI, which reads each file once and keeps only its diagnostics.
   */
  retainTexts?: boolean;
  /** Work out for each diagnostic whether fix-all repairs it (the CLI's `fixable`). */
  fixability?: boolean;
  /**
   * Keep of each diagnostic only what a report prints (code, severity, message, range, related
   * places), not the data code actions read: the CLI, whose memory then grows with the findings only.
   */
  compactDiagnostics?: boolean;
  /**
   * Reuse each unchanged file's verdict from a cache the host keeps (the CLI's `--cache`): `checkFiles`
   * reads it, answers exactly as without it, and writes it back; with `fix` it only refreshes it.
   */
  cache?: ResultCacheOptions;
  /** How long a § hover waits for the workspace's citation count before answering without it. */
  hoverCountWaitMs?: number;
  /**
   * The baseline file (a URI) instead of the one `resourceAuthoring.baseline` names (the CLI's
   * `--baseline`); null: none, whatever the setting says (the CLI's `--baseline-write`).
   */
  baseline?: string | null;
  /** How baselined findings are shown, instead of `resourceAuthoring.baselineFindings` (the CLI hides them). */
  baselineFindings?: BaselineDisplay;
}

/** What a (re)load of settings, configuration and reports found wrong. */
export interface LoadOutcome {
  settingsProblems: SettingsProblem[];
  configurationProblems: string[];
  untrustedNotes: string[];
  reportProblems: string[];
  /** A report named explicitly could not be read. */
  reportsFailed: boolean;
}

/** A file's diagnostics as the editor shows them and the CLI prints them. */
export interface FileDiagnostics {
  uri: string;
  /** The open document's version they were computed from; undefined for a file on disk. */
  version?: number;
  diagnostics: Diagnostic[];
  /** Per diagnostic, whether fix-all repairs it (when the project was created with `fixability`). */
  fixable?: boolean[];
  /** Per diagnostic, its content fingerprint (code, field, offending text: not its line), as the baseline keeps it. */
  fingerprints?: string[];
}

export interface FixTotals {
  /** Problems the fixes made disappear. */
  fixed: number;
  /** Files rewritten. */
  fixedFiles: number;
  /** Files that could not be read (nothing is known of them). */
  unreadable: string[];
}

/** A change of a vocabulary term worked out: the plan (or why not), and the edit that makes it. */
export interface TermEdit {
  plan: TermEditPlan;
  /** Undefined when the plan has an error. */
  edit?: WorkspaceEdit;
}

export interface FileStatus {
  role: DocumentRole | null;
  problems: number;
  sections: number | null;
  /**
   * For a resource while the duplicate-link check has not seen the whole library: how many resource
   * files it has checked, of how many (null: only the open files are checked). Absent once it has.
   */
  library?: LibraryCoverage;
}

export interface LibraryCoverage {
  checked: number;
  total: number | null;
}

/**
 * Everything workspace-wide, behind one object: settings → configuration, reports, roles, the
 * duplicate-link index, texts, citations and reload order; it answers diagnostics, fix-all and
 * every feature request. The server and the CLI are thin hosts around it.
 */
export interface Project {
  readonly workspace: Workspace;
  readonly configuration: Configuration;
  readonly reports: ReportSet;
  /** The last load's outcome; undefined before the first. */
  readonly lastLoad: LoadOutcome | undefined;
  /** URIs of the files the configuration was read from (vocabularies, categories, a schema, the baseline). */
  readonly loadedFiles: readonly string[];

  /** Loads settings, configuration and reports, then checks the workspace, and follows the workspace's changes. */
  start(): Promise<void>;
  /** Loads (or reloads) settings, configuration and reports only. */
  load(): Promise<LoadOutcome>;
  /** Resolves once the newest settings, configuration and reports are loaded. */
  settled(): Promise<void>;

  /** `resource`, `report`, or undefined for a file the project does not check. */
  roleOf(uri: string): DocumentRole | undefined;
  /** Root-relative path of a file inside the folder; undefined outside. */
  relativePath(uri: string): string | undefined;

  /** Checks every resource and report file (open documents from their text). */
  checkAll(): Promise<void>;
  /**
   * Checks the given files from their text on disk (and with `fix`, repairs and writes them); a file
   * that is neither a resource nor a report by the settings is checked as a resource.
   */
  checkFiles(uris: readonly string[], options?: { fix?: boolean; onWarning?: (message: string) => void }): Promise<FixTotals>;
  /**
   * The resource files, other than `uris`, that share a link with one of them: what must be checked
   * with them for their duplicate-resource findings to be those of a whole check. Reads every
   * resource's link (a line scan, the parser only where that is unsure) and analyses nothing else.
   */
  duplicatePartners(uris: readonly string[]): Promise<string[]>;
  diagnostics(uri: string): FileDiagnostics | undefined;
  /**
   * The text of a baseline file recording every finding of these checked files, baselined or not
   * (what `resource-lint --baseline-write` writes).
   */
  recordBaseline(uris: readonly string[]): string;
  /**
   * How many of the baseline's findings are gone from these checked files (and with `everyFile`, all
   * those of files not among them: deleted or no longer checked); undefined when no baseline is in use.
   */
  baselineFixed(uris: readonly string[], everyFile: boolean): number | undefined;
  /** Fires with the files whose diagnostics changed (or went). */
  onDidChangeDiagnostics(listener: (uris: readonly string[]) => void): Disposable;
  /** Fires after each (re)load. */
  onDidLoad(listener: (outcome: LoadOutcome) => void): Disposable;

  completion(uri: string, position: Position, options?: { insertReplace?: boolean }): CompletionList | null;
  hover(uri: string, position: Position): Promise<Hover | null>;
  definition(uri: string, position: Position): Location | null;
  references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null>;
  documentLinks(uri: string): DocumentLink[] | null;
  documentSymbols(uri: string): DocumentSymbol[] | null;
  workspaceSymbols(query: string): SymbolInformation[];
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  /**
   * Fix all over the folder: the edits `resource-lint --fix` would make to every resource and report
   * file (open ones from the editor's text), annotated by problem code; undefined when cancelled.
   */
  fixWorkspace(options?: { cancelled?: () => boolean }): Promise<WorkspaceFix | undefined>;
  renderCard(uri: string): Promise<RenderedCard | null>;
  /** "Resources: New Resource": the new file's place and its frontmatter snippet. */
  newResource(params: NewResourceParams): Promise<NewResourceResult>;
  /** "used by N resources" above each entry of a vocabulary data file. */
  codeLenses(uri: string): CodeLens[] | null;
  /** The term under the cursor that a rename changes (in a resource or a data file); null where there is none. */
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null;
  /** Renames (or merges) the term under the cursor, or its label in the data file, across the library: one edit. */
  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | { error: string } | null>;
  /** "Retire term" on a data file's entry. */
  termActions(uri: string, range: Range, only?: readonly string[]): Promise<CodeAction[]>;
  /** The edit of an action offered without one ("Retire term": worked out once it is chosen); others come back as they are. */
  resolveCodeAction(action: CodeAction): Promise<CodeAction>;
  /** Every term of every vocabulary, its label and how many checked resources use it. */
  termUsage(): TermUsageRow[];
  /** One change of a term (rename, merge, retire, relabel) as one edit of the data files and every resource using it. */
  termEdit(change: TermChange, options?: { confirm?: boolean }): Promise<TermEdit>;
  fileStatus(uri: string): FileStatus;
  /** One log line: folder, vocabularies and schema with their origin, reports, resources, the last check's time. */
  summary(): string;
  dispose(): void;
}
