import type { CodeAction, CodeLens, Diagnostic, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { fingerprintDiagnostics } from '../baseline';
import { linkOf } from '../checks/duplicates';
import { createConfiguration, type Configuration } from '../configuration';
import { findingOfDiagnostic } from '../findingLink';
import { fixUntilStable, hasPreferredFix } from '../fixes';
import type { Disposable, FileChange, Logger, OpenDocument, Scheduler, Workspace, WorkspaceEvent } from '../host';
import { checkResourceText } from '../lint';
import { compactDiagnostic } from './compactDiagnostic';
import { flatString, Interner } from '../interning';

/** The verdict of every clean file shares these (never changed in place). */
const NO_DIAGNOSTICS: Diagnostic[] = [];
const NO_FINGERPRINTS: string[] = [];
import { insideFolder, relativeTo, uriOf } from '../paths';
import type { ReportSet } from '../report/reportSet';
import { analyzeText, toDiagnostics, type Analysis, type DocumentRole } from '../service';
import { DEFAULT_SETTINGS, normaliseSettings, settingsProblems, type Settings } from '../settings';
import { AnalysisCache } from './analyses';
import { BaselineStore, recordBaseline } from './baselineStore';
import { renderCardFor, type RenderedCard } from './card';
import { Citations } from './citations';
import { CoalescedRun } from './coalescedRun';
import { DocumentFeatures } from './documentFeatures';
import { cachedReader, ResultCache } from './resultCache';
import { hashText } from '../hash';
import { duplicatePartners } from './duplicatePartners';
import { FileIndex, type FileVerdict, type TermSource } from './fileIndex';
import { termUsesOf, termValuesOf } from '../vocab/uses';
import { VocabularyFeatures, type TermUsageRow } from './vocabularyFeatures';
import type { TermChange } from '../vocab/termEdits';
import { mergeHovers } from './merge';
import { duplicateSuppression } from './suppressedDuplicates';
import { isConfigFile, readConfigFile, withConfigFile } from './configFile';
import { isDataFile, loadConfiguration, type ConfigurationSources } from './loadConfiguration';
import { ReportStore } from './reportStore';
import { SiteTemplateStore } from './siteTemplate';
import { planNewResource } from './newResource';
import type { NewResourceParams, NewResourceResult } from '../../../../protocol/src/requests';
import { workspaceSummary, type ScanSummary } from './summary';
import type { FileDiagnostics, FileStatus, FixTotals, LibraryCoverage, LoadOutcome, Project, ProjectOptions, TermEdit } from './types';
import { fixWorkspace, type FixSubject, type WorkspaceFix } from './workspaceFix';

/** Files read at once during a check; other requests get in between batches. */
const BATCH = 16;
/** Checks of fewer files than this finish too fast for a progress bar to help. */
const PROGRESS_MIN_FILES = 200;
/** The longest a check runs without letting a request in. */
const SLICE_MS = 2;
/** An edit in a report re-checks the files citing it once typing pauses this long. */
const REPORT_EDIT_DELAY_MS = 150;
/** URIs built at once from a listing before giving way. */
const URI_SLICE = 1000;

const SILENT: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const STRAIGHT_THROUGH: Scheduler = {
  yield: () => Promise.resolve(),
  after: (_ms, task) => {
    let cancelled = false;
    void Promise.resolve().then(() => {
      if (!cancelled) task();
    });
    return { dispose: () => (cancelled = true) };
  },
  now: () => Date.now(),
};

function message(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export function createProject(options: ProjectOptions): Project {
  return new ResourceProject(options);
}

class ResourceProject implements Project {
  readonly workspace: Workspace;
  private readonly log: Logger;
  private readonly scheduler: Scheduler;
  private config: Configuration = createConfiguration();
  private settingsNow: Settings = DEFAULT_SETTINGS;
  /** The editor's settings as the last load read them (JSON), to tell a real change from a repeated notification. */
  private settingsRead: string | undefined;
  /** Messages and fingerprints of the diagnostics kept (with `compactDiagnostics`). */
  private readonly strings = new Interner();
  private sources: ConfigurationSources | undefined;
  private loaded: string[] = [];
  private outcome: LoadOutcome | undefined;
  private readonly reportStore = new ReportStore();
  private readonly siteTemplate = new SiteTemplateStore();
  private readonly analyses = new AnalysisCache();
  private readonly files: FileIndex;
  private readonly baselines: BaselineStore;
  private readonly citations: Citations;
  private readonly features: DocumentFeatures;
  private readonly vocab: VocabularyFeatures;
  /** Every resource of the folder has been checked once since the last load: a term no file uses is unused. */
  private termsComplete = false;
  /** The data files' diagnostics as last announced, to announce them again only when they change. */
  private dataFileShown = '';
  private readonly loads = new CoalescedRun(() => this.loadOnce());
  private readonly checks: CoalescedRun;
  private ready: Promise<void> = Promise.resolve();
  private lastScan: ScanSummary | undefined;
  /** The workspace check under way (closed resource files checked of all found); undefined when none is. */
  private scanning: LibraryCoverage | undefined;
  private started = false;
  private reportEdit: Disposable | undefined;
  private readonly diagnosticListeners = new Set<(uris: readonly string[]) => void>();
  private readonly loadListeners = new Set<(outcome: LoadOutcome) => void>();
  private readonly subscription: Disposable | undefined;
  /** Per file, a count of the changes that make a disk read begun earlier stale (see checkClosed). */
  private readonly diskGenerations = new Map<string, number>();

  constructor(private readonly options: ProjectOptions) {
    this.workspace = options.workspace;
    this.log = options.logger ?? SILENT;
    this.scheduler = options.scheduler ?? STRAIGHT_THROUGH;
    // The CLI neither keeps texts nor completes: only the editor's project keeps both.
    this.files = new FileIndex(options.retainTexts !== false);
    this.baselines = new BaselineStore(options.baseline, options.baselineFindings);
    this.citations = new Citations(
      () => this.closedCitingTexts(),
      () => this.workspace.openDocuments().filter((d) => this.roleOf(d.uri) !== undefined),
    );
    this.checks = new CoalescedRun(async () => {
      try {
        await this.checkAllOnce();
      } catch (e) {
        this.log.error(`Checking the workspace failed: ${message(e)}`);
      }
    });
    this.features = new DocumentFeatures({
      configuration: () => this.config,
      reports: () => this.reportStore.current,
      indexReport: (uri, text) => this.reportStore.update(uri, text),
      libraryStyle: () => this.files.style.votes,
      termReach: (vocabulary, value) => this.files.terms.usage(vocabulary, value),
      citations: this.citations,
      scheduler: this.scheduler,
      hoverCountWaitMs: options.hoverCountWaitMs ?? 150,
    });
    this.vocab = new VocabularyFeatures({
      configuration: () => this.config,
      uses: this.files.uses,
      text: async (uri) => this.workspace.openDocument(uri)?.text ?? this.files.text(uri) ?? this.workspace.readText(uri),
      openDocument: (uri) => this.workspace.openDocument(uri),
      describe: (uri) => this.describe(uri),
      complete: () => this.termsComplete,
      scheduler: this.scheduler,
    });
    this.subscription = this.workspace.onDidChange?.((event) => this.onWorkspaceEvent(event));
  }

  get configuration(): Configuration {
    return this.config;
  }

  get reports(): ReportSet {
    return this.reportStore.current;
  }

  get lastLoad(): LoadOutcome | undefined {
    return this.outcome;
  }

  get loadedFiles(): readonly string[] {
    return this.loaded;
  }

  settled(): Promise<void> {
    return this.ready;
  }

  start(): Promise<void> {
    this.started = true;
    this.ready = this.reloadThenCheck();
    return this.ready;
  }

  async load(): Promise<LoadOutcome> {
    this.ready = this.loads.run();
    await this.ready;
    return this.outcome!;
  }

  /** Reloads, then checks everything and says in the log what the project works with. Never rejects: requests wait on it. */
  private reloadThenCheck(): Promise<void> {
    const loaded = this.loads
      .run()
      .catch((e: unknown) => this.log.error(`Loading the settings, vocabularies and reports failed: ${message(e)}`));
    void loaded
      .then(() => this.checkAll())
      .then(() => this.log.info(this.summary()))
      .catch((e: unknown) => this.log.error(`Reloading and checking the folder failed: ${message(e)}`));
    return loaded;
  }

  /**
   * The editor says the settings changed: reload and check again only if they did. It says so right
   * after `initialized` too, with the settings the start-up load has just read; a reload then would
   * cancel the scan and list and check the tree a second time.
   */
  private reloadIfSettingsChanged(): Promise<void> {
    return this.ready.then(async () => {
      let raw: unknown;
      try {
        raw = await this.workspace.settings();
      } catch {
        raw = undefined; // reading failed: the reload says why
      }
      if (raw !== undefined && this.settingsRead !== undefined && JSON.stringify(raw) === this.settingsRead) return;
      await this.reloadThenCheck();
    });
  }

  private async loadOnce(): Promise<void> {
    const ws = this.workspace;
    let raw: unknown;
    this.settingsRead = undefined;
    try {
      raw = await ws.settings();
      this.settingsRead = JSON.stringify(raw);
    } catch (e) {
      this.log.warn(`Could not read settings (${(e as Error).message}); using defaults.`);
      raw = {};
    }
    const discovered = ws.folder ? await ws.findFiles((rel) => isDataFile(rel) || isConfigFile(rel)) : [];
    const file = await readConfigFile(ws, discovered);
    const problemsOfSettings = [...file.problems, ...settingsProblems(raw)];
    const settings = normaliseSettings(withConfigFile(file.section, raw));
    const loaded = await loadConfiguration({ workspace: ws, settings, discovered, stopsOnProblems: this.options.stopsOnProblems });
    if (file.uri) loaded.files.push(file.uri);
    loaded.untrustedNotes.push(...file.untrustedNotes);
    for (const note of loaded.untrustedNotes) this.log.warn(note);
    for (const p of loaded.configuration.problems) this.log.warn(p);
    const reportsRead = await this.reportStore.read(ws, loaded.configuration.isReport, this.options.reports, (uri) => this.describe(uri));
    for (const p of reportsRead.problems) this.log.warn(p);
    const baselineRead = await this.baselines.load(ws, settings, this.options.stopsOnProblems);
    for (const note of baselineRead.untrustedNotes) this.log.warn(note);
    for (const p of baselineRead.problems) this.log.warn(p);
    this.settingsNow = settings;
    this.config = loaded.configuration;
    this.sources = loaded.sources;
    this.termsComplete = false;
    // The baseline file is watched with the configuration's files; its change re-reads only it.
    this.loaded = this.baselines.uri ? [...loaded.files, this.baselines.uri] : loaded.files;
    this.citations.invalidateClosed();
    // The texts kept are checked against the disk again: files no watcher covers may have changed.
    this.files.forgetTexts();
    this.outcome = {
      settingsProblems: problemsOfSettings,
      configurationProblems: [...loaded.configuration.problems, ...baselineRead.problems],
      untrustedNotes: [...loaded.untrustedNotes, ...baselineRead.untrustedNotes],
      reportProblems: reportsRead.problems,
      reportsFailed: reportsRead.failed,
    };
    for (const listener of this.loadListeners) listener(this.outcome);
  }

  // Roles: decided here, once, for every feature and host.

  relativePath(uri: string): string | undefined {
    const folder = this.workspace.folder;
    if (!folder) {
      const parsed = URI.parse(uri);
      return parsed.scheme === 'file' || parsed.scheme === 'untitled' ? parsed.path.replace(/^\//, '') : undefined;
    }
    return insideFolder(folder, uri);
  }

  private describe(uri: string): string {
    const folder = this.workspace.folder;
    return this.relativePath(uri) ?? (folder ? relativeTo(folder, uri) : undefined) ?? uri;
  }

  roleOf(uri: string): DocumentRole | undefined {
    const rel = this.relativePath(uri);
    if (rel !== undefined && this.config.isResource(rel)) return 'resource';
    if (this.reportStore.has(uri) || (rel !== undefined && this.isReportPath(rel))) return 'report';
    return undefined;
  }

  /** Report files by path: the settings' globs, unless reports were named explicitly. */
  private isReportPath(rel: string): boolean {
    return !this.options.reports?.length && this.config.isReport(rel);
  }

  private get checksClosedFiles(): boolean {
    return this.workspace.folder !== undefined && this.settingsNow.workspaceDiagnostics;
  }

  // Diagnostics.

  diagnostics(uri: string): FileDiagnostics | undefined {
    if (this.vocab.serves(uri)) {
      const version = this.workspace.openDocument(uri)?.version;
      return { uri, ...(version !== undefined ? { version } : {}), diagnostics: this.vocab.diagnostics(uri) };
    }
    const found = this.files.diagnostics(uri, this.config, (u) => this.describe(u));
    if (!found) return undefined;
    const version = this.workspace.openDocument(uri)?.version;
    const shown = this.baselines.active ? this.baselines.apply(this.describe(uri), found) : found;
    return { uri, ...(version !== undefined ? { version } : {}), ...shown };
  }

  /** Every finding of the files (their fingerprints), by the name the baseline gives each file. */
  private fingerprintsOf(uris: readonly string[]): Map<string, string[]> {
    const byFile = new Map<string, string[]>();
    for (const uri of uris) {
      const found = this.files.diagnostics(uri, this.config, (u) => this.describe(u));
      if (found?.fingerprints) byFile.set(this.describe(uri), found.fingerprints);
    }
    return byFile;
  }

  recordBaseline(uris: readonly string[]): string {
    return recordBaseline(this.fingerprintsOf(uris));
  }

  baselineFixed(uris: readonly string[], everyFile: boolean): number | undefined {
    // Without a baseline there is nothing to count: the files' fingerprints are not gathered.
    if (!this.baselines.active) return undefined;
    return this.baselines.gone(this.fingerprintsOf(uris), everyFile);
  }

  onDidChangeDiagnostics(listener: (uris: readonly string[]) => void): Disposable {
    this.diagnosticListeners.add(listener);
    return { dispose: () => this.diagnosticListeners.delete(listener) };
  }

  onDidLoad(listener: (outcome: LoadOutcome) => void): Disposable {
    this.loadListeners.add(listener);
    return { dispose: () => this.loadListeners.delete(listener) };
  }

  private changed(uris: readonly string[]): void {
    if (uris.length === 0) return;
    for (const listener of this.diagnosticListeners) listener(uris);
    // The data files' diagnostics follow the use counts: announced again when they change.
    if (this.diagnosticListeners.size === 0) return;
    const dataFiles = this.vocab.dataFiles();
    const shown = JSON.stringify(dataFiles.map((uri) => this.vocab.diagnostics(uri)));
    if (shown === this.dataFileShown) return;
    this.dataFileShown = shown;
    if (!uris.every((u) => dataFiles.includes(u))) for (const listener of this.diagnosticListeners) listener(dataFiles);
  }

  /** The verdict of one text: the full analysis when given (open documents), else the cheapest check that agrees with it. */
  private verdict(
    uri: string,
    text: string,
    role: DocumentRole,
    analysis?: Analysis,
  ): { verdict: FileVerdict; analysis?: Analysis; terms?: TermSource } {
    const config = this.config;
    const reports = this.reportStore.current;
    let link: string | undefined;
    let linkRange: FileVerdict['linkRange'];
    let data: Record<string, unknown> | undefined;
    try {
      if (!analysis) {
        if (role === 'resource') {
          const check = checkResourceText(text, config, uri, { reports });
          analysis = check.analysis;
          link = check.link;
          linkRange = check.linkRange;
          data = check.data;
        } else {
          analysis = analyzeText(text, config, uri, 0, { reports, role });
        }
      } else if (role === 'resource') {
        const l = linkOf(analysis);
        link = l?.key;
        linkRange = l?.range;
      }
    } catch (e) {
      // Nothing a file contains may stop the others being checked: log it, show nothing for it.
      this.log.error(`Checking ${uri} failed: ${message(e)}`);
      return { verdict: { own: [] } };
    }
    // A clean file: its link is all that is kept of it (flat, not a slice of its text), and its term values.
    if (!analysis)
      return {
        verdict: { own: NO_DIAGNOSTICS, fingerprints: NO_FINGERPRINTS, link: link && flatString(link), linkRange },
        terms: { values: termValuesOf(data) },
      };
    for (const f of analysis.failures) this.log.error(`Checking ${uri} failed: ${f}`);
    const own = toDiagnostics(analysis, config);
    const fixable = this.options.fixability ? own.map((d) => this.isFixable(analysis!, d)) : undefined;
    const fingerprints = fingerprintDiagnostics(own, text, analysis.lines);
    const duplicate = role === 'resource' ? duplicateSuppression(analysis, config) : undefined;
    if (duplicate) duplicate.fingerprints = fingerprintDiagnostics(duplicate.unlessDuplicated, text, analysis.lines);
    const compact = this.options.compactDiagnostics;
    const kept = compact ? own.map((d) => compactDiagnostic(d, this.strings)) : own;
    const prints = compact ? fingerprints.map((f) => this.strings.intern(f)) : fingerprints;
    return {
      verdict: {
        own: kept,
        ...(fixable ? { fixable } : {}),
        fingerprints: prints,
        link: link && flatString(link),
        linkRange,
        ...(duplicate ? { duplicate } : {}),
      },
      analysis,
      ...(role === 'resource' ? { terms: { uses: termUsesOf(analysis.parsed), lines: analysis.lines } } : {}),
    };
  }

  private isFixable(analysis: Analysis, d: Diagnostic): boolean {
    const finding = findingOfDiagnostic(analysis, d);
    return finding !== undefined && hasPreferredFix(finding, analysis, this.config);
  }

  private analysisOf(doc: OpenDocument, role: DocumentRole): Analysis {
    return this.analyses.get(doc, role, this.config, this.reportStore.current);
  }

  /** An open document changed (or was opened): check the editor's text. */
  private checkOpen(uri: string): void {
    const doc = this.workspace.openDocument(uri);
    const role = this.roleOf(uri);
    if (!doc || !role) {
      this.forget(uri);
      // A data file edited in the editor: its own diagnostics follow its text.
      if (this.vocab.serves(uri)) this.changed([uri]);
      return;
    }
    let analysis: Analysis | undefined;
    try {
      analysis = this.analysisOf(doc, role);
    } catch (e) {
      this.log.error(`Checking ${uri} failed: ${message(e)}`);
    }
    const { verdict, terms } = analysis ? this.verdict(uri, doc.text, role, analysis) : { verdict: { own: [] }, terms: undefined };
    const affected = this.files.set(uri, verdict, doc.text, this.config, role === 'resource', terms);
    this.changed([uri]);
    void this.refreshPartners(affected);
  }

  /** Drops a file (deleted, closed with closed files unchecked, or no longer a resource or report). */
  private forget(uri: string, refreshPartners = true): string[] {
    const known = this.files.has(uri);
    const partners = this.files.delete(uri);
    if (known) this.changed([uri]);
    if (refreshPartners) void this.refreshPartners(partners);
    return partners;
  }

  checkAll(): Promise<void> {
    return this.checks.run();
  }

  private async checkAllOnce(): Promise<void> {
    const started = this.scheduler.now();
    const config = this.config;
    const open = this.workspace.openDocuments();
    for (const doc of open) this.checkOpen(doc.uri);
    const openUris = new Set(open.map((d) => d.uri));
    const folder = this.workspace.folder;
    if (!this.checksClosedFiles || !folder) {
      for (const uri of this.files.uris()) if (!openUris.has(uri)) this.forget(uri);
      this.lastScan = { ms: this.scheduler.now() - started };
      return;
    }
    const found = await this.workspace.findFiles((rel) => config.isResource(rel) || this.isReportPath(rel));
    const uris = await this.urisOf(folder, found);
    const present = new Set(uris);
    // Asked now, not from the list taken before the listing: a document opened meanwhile is the editor's.
    for (const uri of this.files.uris()) if (!present.has(uri) && !this.workspace.openDocument(uri)) this.forget(uri);
    const closed = uris.filter((u) => !openUris.has(u));
    this.scanning = { checked: uris.length - closed.length, total: uris.length };
    const progress =
      closed.length >= PROGRESS_MIN_FILES && this.options.progress
        ? await this.options.progress('Checking resource files', closed.length)
        : undefined;
    try {
      const dirty = new Set<string>();
      for (let i = 0; i < closed.length && !this.checks.pending; i += BATCH) {
        const batch = closed.slice(i, i + BATCH);
        for (const uri of await this.checkClosed(batch, true)) dirty.add(uri);
        for (const uri of batch) dirty.delete(uri);
        this.scanning = { checked: uris.length - closed.length + Math.min(i + BATCH, closed.length), total: uris.length };
        // A document opened meanwhile has published its own state, with its version.
        this.changed(batch.filter((uri) => !this.workspace.openDocument(uri)));
        progress?.report(Math.min(i + BATCH, closed.length), closed.length);
        await this.scheduler.yield();
      }
      await this.refreshPartners([...dirty, ...this.files.duplicated()]);
      if (!this.checks.pending) {
        const resources = found.filter((rel) => config.isResource(rel)).length;
        this.lastScan = { resources, reports: found.length - resources, ms: this.scheduler.now() - started };
        this.termsComplete = true;
        this.changed(this.vocab.dataFiles());
        // The positions of the terms the fast path read are parsed once, in the background, for references and renames.
        if (this.options.retainTexts !== false) void this.indexTermPositions();
      }
    } finally {
      this.scanning = undefined;
      progress?.done();
    }
  }

  /**
   * Checks files that are not open from their text (kept from an earlier read when `reuse`), records
   * their verdicts; returns the files whose duplicate-resource diagnostic may have changed.
   */
  private async checkClosed(uris: readonly string[], reuse: boolean): Promise<string[]> {
    const generations = uris.map((uri) => this.diskGenerations.get(uri) ?? 0);
    const texts = await Promise.all(uris.map((uri) => (reuse ? this.files.text(uri) : undefined) ?? this.workspace.readText(uri)));
    const affected: string[] = [];
    let slice = this.scheduler.now();
    for (let i = 0; i < uris.length; i++) {
      // Files with findings get the full analysis (about 1 ms each): give way once a slice has run its budget.
      if (this.scheduler.now() - slice > SLICE_MS) {
        await this.scheduler.yield();
        slice = this.scheduler.now();
      }
      const uri = uris[i];
      if (this.workspace.openDocument(uri)) continue; // opened meanwhile: the editor's text wins
      // Changed on disk, opened or closed since the read: a newer check of it is under way, whose state must not be overwritten.
      if ((this.diskGenerations.get(uri) ?? 0) !== generations[i]) continue;
      const text = texts[i];
      const role = this.roleOf(uri);
      if (text === undefined || !role) {
        affected.push(...this.forget(uri, false));
        continue;
      }
      const { verdict, terms } = this.verdict(uri, text, role);
      affected.push(...this.files.set(uri, verdict, text, this.config, role === 'resource', terms));
    }
    return affected;
  }

  /** Parses where the terms are in the files the fast path vouched for, in the background; the log says when it is done. */
  private async indexTermPositions(): Promise<void> {
    const started = this.scheduler.now();
    const files = this.files.uses.unresolved().length;
    try {
      await this.vocab.resolve(undefined, { background: true });
      if (files > 0)
        this.log.info(`Indexed the term uses of ${files.toLocaleString('en')} files in ${Math.round(this.scheduler.now() - started)} ms.`);
    } catch (e) {
      this.log.error(`Indexing the term uses failed: ${message(e)}`);
    }
  }

  /** Reads and checks files not open in the editor, then tells their duplicate partners. */
  private async refreshClosed(uris: string[]): Promise<void> {
    const affected = await this.checkClosed(uris, false);
    this.changed(uris);
    await this.refreshPartners(affected);
  }

  /** Finds where the link is in partners the fast path vouched for, then tells `uris` and them. */
  private async refreshPartners(uris: readonly string[]): Promise<string[]> {
    if (uris.length === 0) return [];
    const missing = this.files.missingLinkRanges();
    // In batches: a library with many duplicates re-reads hundreds of files here when texts are not kept.
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const texts = await Promise.all(
        batch.map((uri) => this.workspace.openDocument(uri)?.text ?? this.files.text(uri) ?? this.workspace.readText(uri)),
      );
      batch.forEach((uri, j) => {
        const text = texts[j];
        if (text === undefined) return;
        const link = linkOf(analyzeText(text, this.config, uri));
        this.files.setLinkRange(uri, link?.key, link?.range);
      });
      if (i + BATCH < missing.length) await this.scheduler.yield();
    }
    this.changed([...new Set([...uris, ...missing])]);
    return missing;
  }

  async checkFiles(uris: readonly string[], options: { fix?: boolean; onWarning?: (message: string) => void } = {}): Promise<FixTotals> {
    await this.ready;
    const totals: FixTotals = { fixed: 0, fixedFiles: 0, unreadable: [] };
    const progress = this.options.progress ? await this.options.progress(options.fix ? 'Fixing' : 'Checking', uris.length) : undefined;
    const cache = this.options.cache ? await ResultCache.open(this.options.cache, await this.configurationParts()) : undefined;
    // With --fix every file is read (and repaired): the cache is only refreshed.
    const reader = cachedReader(this.workspace, cache, !options.fix, (uri) => this.roleOf(uri) ?? 'resource');
    const affected: string[] = [];
    const read = (from: number) => Promise.all(uris.slice(from, from + BATCH).map(reader));
    let ahead = read(0);
    for (let start = 0; start < uris.length; start += BATCH) {
      const texts = await ahead;
      // The next batch is read while this one is checked: read one by one, files leave the CPU idle.
      if (start + BATCH < uris.length) ahead = read(start + BATCH);
      for (let j = 0; j < texts.length; j++) {
        const i = start + j;
        const uri = uris[i];
        const { text, cached, stamp, hash } = texts[j];
        // The host chose these files (a glob on the command line, a folder outside the root): one the
        // settings give no role is checked as a resource, never passed unchecked.
        const role = this.roleOf(uri) ?? 'resource';
        if (cached) {
          affected.push(...this.files.setVerdict(uri, cached));
          progress?.report(i + 1, uris.length);
          continue;
        }
        if (text === undefined) {
          totals.unreadable.push(uri);
          cache?.forget(uri);
          affected.push(...this.forget(uri, false));
          progress?.report(i + 1, uris.length);
          continue;
        }
        const first = this.verdict(uri, text, role);
        let verdict = first.verdict;
        let terms = first.terms;
        const analysis = first.analysis;
        let finalText = text;
        if (options.fix && analysis && analysis.findings.length > 0) {
          const fixed = await this.fixFile(uri, text, analysis, options.onWarning);
          if (fixed) {
            totals.fixed += fixed.resolved;
            totals.fixedFiles++;
            finalText = fixed.analysis.parsed.text;
            ({ verdict, terms } = this.verdict(uri, finalText, role, fixed.analysis));
          }
        }
        if (cache) {
          // A rewritten file has a new stamp: the next run reads it once and finds its content here.
          if (finalText === text) cache.put(uri, stamp, hash ?? hashText(text), role, verdict);
          else cache.put(uri, undefined, hashText(finalText), role, verdict);
        }
        affected.push(...this.files.set(uri, verdict, finalText, this.config, role === 'resource', terms));
        progress?.report(i + 1, uris.length);
      }
    }
    progress?.done();
    this.changed(uris);
    const located = await this.refreshPartners([...affected, ...this.files.duplicated()]);
    for (const uri of located) cache?.refine(uri, this.files.verdict(uri));
    await cache?.save().catch((e: unknown) => this.log.warn(`Could not write the cache: ${(e as Error).message}`));
    return totals;
  }

  /** What a file's verdict depends on besides its text: the result cache is valid for these only. */
  private async configurationParts(): Promise<string[]> {
    // The baseline is applied to verdicts after the cache, so it is no part of what they depend on.
    const inputs = this.loaded.filter((uri) => uri !== this.baselines.uri);
    const texts = await Promise.all(inputs.map((uri) => this.workspace.readText(uri)));
    const reports = this.reportStore.current.reports.map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Map ? [...v] : v)));
    return [
      this.workspace.folder ?? '',
      JSON.stringify(this.settingsNow),
      JSON.stringify(this.options.reports ?? []),
      String(this.options.fixability ?? false),
      ...inputs.map((uri, i) => `${uri}\0${texts[i] ?? ''}`),
      ...reports,
    ];
  }

  async duplicatePartners(uris: readonly string[]): Promise<string[]> {
    await this.ready;
    const folder = this.workspace.folder;
    if (!folder) return [];
    const linkOfText = (uri: string, text: string) => checkResourceText(text, this.config, uri, { reports: this.reports }).link;
    const own = uris.filter((uri) => this.roleOf(uri) === 'resource');
    const texts = await Promise.all(own.map((uri) => this.workspace.readText(uri)));
    const links = new Set(own.flatMap((uri, i) => (texts[i] === undefined ? [] : (linkOfText(uri, texts[i]) ?? []))));
    const given = new Set(uris);
    const found = await this.workspace.findFiles((rel) => this.config.isResource(rel));
    const candidates = found.map((rel) => uriOf(folder, rel)).filter((uri) => !given.has(uri));
    return duplicatePartners({ workspace: this.workspace, links, candidates, linkOf: linkOfText });
  }

  /** Repairs one file with fix-all until nothing more changes, and writes it; undefined when nothing was written. */
  private async fixFile(uri: string, text: string, analysis: Analysis, warn?: (message: string) => void) {
    // The analysis carries its reports and role: later passes are checked the same way.
    const result = fixUntilStable(analysis, this.config);
    if (result.analysis.parsed.text === text) return undefined;
    const write = this.workspace.writeText;
    if (!write) return undefined;
    const outcome = await write.call(this.workspace, uri, text, result.analysis.parsed.text);
    if (outcome !== true) {
      warn?.(
        `${this.describe(uri)}: ${outcome === false ? 'not fixed, the file changed on disk or is not valid UTF-8 where the fixes go' : `could not write the fixes (${outcome})`}.`,
      );
      return undefined;
    }
    return result;
  }

  async fixWorkspace(options: { cancelled?: () => boolean } = {}): Promise<WorkspaceFix | undefined> {
    await this.ready;
    const config = this.config;
    const folder = this.workspace.folder;
    const found = folder ? await this.workspace.findFiles((rel) => config.isResource(rel) || this.isReportPath(rel)) : [];
    const open = this.workspace.openDocuments().filter((d) => this.roleOf(d.uri));
    const uris = [...new Set([...found.map((rel) => uriOf(folder!, rel)), ...open.map((d) => d.uri)])];
    const progress =
      uris.length >= PROGRESS_MIN_FILES && this.options.progress ? await this.options.progress('Finding fixes', uris.length) : undefined;
    try {
      return await fixWorkspace({
        config,
        scheduler: this.scheduler,
        subjects: uris,
        subject: (batch) => this.fixSubjects(batch),
        progress,
        ...options,
      });
    } finally {
      progress?.done();
    }
  }

  /** Files as the workspace fix sees them: open ones from the editor, closed ones read unless checked and clean. */
  private async fixSubjects(uris: readonly string[]): Promise<(FixSubject | undefined)[]> {
    const reports = this.reportStore.current;
    const texts = await Promise.all(
      uris.map((uri) => {
        if (this.workspace.openDocument(uri) || this.files.verdict(uri)?.own.length === 0) return undefined;
        return this.files.text(uri) ?? this.workspace.readText(uri);
      }),
    );
    return uris.map((uri, i) => {
      const role = this.roleOf(uri) ?? 'resource';
      const doc = this.workspace.openDocument(uri);
      if (doc) return { uri, version: doc.version, analysis: this.analysisOf(doc, role) };
      const text = texts[i];
      return text === undefined ? undefined : { uri, version: null, analysis: analyzeText(text, this.config, uri, 0, { reports, role }) };
    });
  }

  // Following the workspace.

  private onWorkspaceEvent(event: WorkspaceEvent): void {
    // The site's tile is read again on its next use after a change of its files or the settings.
    if (
      event.type === 'settings' ||
      (event.type === 'files' && event.changes.some((c) => this.siteTemplate.affects(c.uri))) ||
      (event.type === 'document' && this.siteTemplate.affects(event.uri))
    )
      this.siteTemplate.invalidate();
    if (!this.started) return;
    // An edit in an open document changes only the overlay of the citing texts.
    if (event.type !== 'document' || event.kind === 'closed') this.citations.invalidateClosed();
    switch (event.type) {
      case 'settings':
        this.ready = this.reloadIfSettingsChanged();
        return;
      case 'files':
        this.onFileChanges(event.changes);
        return;
      case 'document':
        if (event.kind === 'closed') this.onDocumentClosed(event.uri);
        else this.onDocumentChanged(event.uri);
    }
  }

  private onFileChanges(changes: readonly FileChange[]): void {
    let reload = false;
    let reports = false;
    let baseline = false;
    const recheck: string[] = [];
    const loaded = new Set(this.loaded);
    for (const c of changes) {
      const rel = this.relativePath(c.uri);
      this.bumpGeneration(c.uri);
      if (c.kind !== 'created') this.files.forgetText(c.uri);
      // Settings arrive as their own event; the editor reads settings.json, not us.
      if (rel === '.vscode/settings.json') continue;
      if (c.uri === this.baselines.uri) {
        baseline = true;
        continue;
      }
      const configures = rel !== undefined && (isConfigFile(rel) || (isDataFile(rel) && !rel.split('/').includes('node_modules')));
      if (loaded.has(c.uri) || configures) {
        reload = true;
        continue;
      }
      if (this.reportStore.has(c.uri) || (rel !== undefined && this.isReportPath(rel))) reports = true;
      if (c.kind === 'deleted') {
        // A deleted folder arrives as one event: forget every file under it.
        const prefix = c.uri.endsWith('/') ? c.uri : `${c.uri}/`;
        for (const known of this.files.uris()) {
          if ((known === c.uri || known.startsWith(prefix)) && !this.workspace.openDocument(known)) this.forget(known);
        }
      } else if (this.checksClosedFiles && !this.workspace.openDocument(c.uri) && this.roleOf(c.uri)) {
        recheck.push(c.uri);
      }
    }
    // Reports are read with the settings and data files, in one coalesced reload: a report read of
    // its own could finish after a newer reload and put back the reports of older settings.
    if (reload || reports) {
      this.ready = this.reloadThenCheck();
      return;
    }
    if (baseline) {
      this.ready = this.ready
        .then(() => this.rereadBaseline())
        .catch((e: unknown) => this.log.error(`Reading the baseline failed: ${message(e)}`));
    }
    if (recheck.length > 0) void this.ready.then(() => this.refreshClosed(recheck));
  }

  /** The baseline changed on disk: what it holds back changes, every file's diagnostics with it. */
  private async rereadBaseline(): Promise<void> {
    const problem = await this.baselines.read(this.workspace);
    if (problem) this.log.warn(`${problem} Every finding is shown meanwhile.`);
    this.changed(this.files.uris());
  }

  private onDocumentChanged(uri: string): void {
    const doc = this.workspace.openDocument(uri);
    if (doc && this.reportStore.update(uri, doc.text)) {
      // The files citing the report are checked again once typing pauses.
      this.reportEdit?.dispose();
      this.reportEdit = this.scheduler.after(REPORT_EDIT_DELAY_MS, () => {
        this.reportEdit = undefined;
        void this.checkAll();
      });
    }
    void this.ready.then(() => this.checkOpen(uri));
  }

  /** A file's disk text or open state changed: reads of it begun before are stale. */
  private bumpGeneration(uri: string): void {
    this.diskGenerations.set(uri, (this.diskGenerations.get(uri) ?? 0) + 1);
  }

  private onDocumentClosed(uri: string): void {
    this.bumpGeneration(uri);
    this.analyses.forget(uri);
    if (this.reportStore.has(uri)) {
      // Back to the report's text on disk, and to what the files citing it make of that.
      this.ready = this.reloadThenCheck();
    }
    void this.ready.then(() => {
      if (!this.checksClosedFiles || !this.roleOf(uri)) this.forget(uri);
      else return this.refreshClosed([uri]);
    });
  }

  // Citations: every resource and report file's text, open ones from the editor.

  private async closedCitingTexts(): Promise<Map<string, string>> {
    const folder = this.workspace.folder;
    const byUri = new Map<string, string>();
    if (!folder) return byUri;
    const config = this.config;
    const found = await this.workspace.findFiles((rel) => config.isResource(rel) || this.isReportPath(rel));
    // Open documents are laid over these on each request: their disk text is not needed.
    const uris = (await this.urisOf(folder, found)).filter((uri) => !this.workspace.openDocument(uri));
    for (let i = 0; i < uris.length; i += 64) {
      const batch = uris.slice(i, i + 64);
      const texts = await Promise.all(batch.map((uri) => this.files.text(uri) ?? this.workspace.readText(uri)));
      batch.forEach((uri, j) => {
        const text = texts[j];
        if (text === undefined) return;
        byUri.set(uri, text);
        this.files.keepText(uri, text);
      });
      if (i + 64 < uris.length) await this.scheduler.yield();
    }
    return byUri;
  }

  /** The URIs of root-relative paths, built in slices: 15,000 take tens of milliseconds, which a keystroke must not wait for. */
  private async urisOf(folder: string, paths: readonly string[]): Promise<string[]> {
    const uris: string[] = [];
    for (let i = 0; i < paths.length; i += URI_SLICE) {
      for (const rel of paths.slice(i, i + URI_SLICE)) uris.push(uriOf(folder, rel));
      if (i + URI_SLICE < paths.length) await this.scheduler.yield();
    }
    return uris;
  }

  // Features of open documents.

  private openAnalysis(uri: string): { doc: OpenDocument; role: DocumentRole; analysis: Analysis } | undefined {
    const doc = this.workspace.openDocument(uri);
    const role = doc && this.roleOf(uri);
    if (!doc || !role) return undefined;
    return { doc, role, analysis: this.analysisOf(doc, role) };
  }

  completion(uri: string, position: Parameters<Project['completion']>[1], options: { insertReplace?: boolean } = {}) {
    const open = this.openAnalysis(uri);
    return open ? this.features.completion(open, position, options) : null;
  }

  async hover(uri: string, position: Parameters<Project['hover']>[1]) {
    if (this.vocab.serves(uri)) return this.vocab.hover(uri, position);
    const open = this.openAnalysis(uri);
    if (!open) return null;
    const term = open.role === 'resource' ? this.vocab.hover(uri, position, open.analysis) : null;
    return mergeHovers(await this.features.hover(open, position), term);
  }

  definition(uri: string, position: Parameters<Project['definition']>[1]) {
    if (this.vocab.serves(uri)) return this.vocab.definition(uri, position);
    const open = this.openAnalysis(uri);
    if (!open) return null;
    return (
      (open.role === 'resource' ? this.vocab.definition(uri, position, open.analysis) : null) ?? this.features.definition(open, position)
    );
  }

  async references(uri: string, position: Parameters<Project['references']>[1], includeDeclaration: boolean) {
    if (this.vocab.serves(uri)) return this.vocab.references(uri, position, includeDeclaration);
    const open = this.openAnalysis(uri);
    if (!open) return null;
    const terms = open.role === 'resource' ? await this.vocab.references(uri, position, includeDeclaration, open.analysis) : null;
    return terms ?? this.features.references(open, position, includeDeclaration);
  }

  // The vocabularies as code (vocabularyFeatures.ts).

  codeLenses(uri: string): CodeLens[] | null {
    return this.vocab.codeLenses(uri);
  }

  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null {
    if (this.vocab.serves(uri)) return this.vocab.prepareRename(uri, position);
    const open = this.openAnalysis(uri);
    return open?.role === 'resource' ? this.vocab.prepareRename(uri, position, open.analysis) : null;
  }

  async rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | { error: string } | null> {
    await this.ready;
    const open = this.vocab.serves(uri) ? undefined : this.openAnalysis(uri);
    if (!this.vocab.serves(uri) && open?.role !== 'resource') return null;
    const plan = await this.vocab.rename(uri, position, newName, open?.analysis);
    if (!plan) return null;
    if (plan.error) return { error: plan.error };
    return this.vocab.workspaceEdit(plan, `Rename to '${newName}'`, false);
  }

  async termActions(uri: string, range: Range, only?: readonly string[]): Promise<CodeAction[]> {
    await this.ready;
    return this.vocab.serves(uri) ? this.vocab.codeActions(uri, range, only) : [];
  }

  async resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    await this.ready;
    return (await this.vocab.resolveAction(action)) ?? action;
  }

  termUsage(): TermUsageRow[] {
    return this.vocab.usage();
  }

  async termEdit(change: TermChange, options: { confirm?: boolean } = {}): Promise<TermEdit> {
    await this.ready;
    const plan = await this.vocab.plan(change);
    if (plan.error) return { plan };
    const label =
      change.kind === 'retire'
        ? `Retire '${change.value}'`
        : change.kind === 'label'
          ? `Relabel '${change.value}'`
          : `Rename '${change.value}' to '${change.to}'`;
    return { plan, edit: this.vocab.workspaceEdit(plan, label, options.confirm !== false) };
  }

  documentLinks(uri: string) {
    const open = this.openAnalysis(uri);
    return open ? this.features.links(open) : null;
  }

  documentSymbols(uri: string) {
    const open = this.openAnalysis(uri);
    return open ? this.features.symbols(open) : null;
  }

  workspaceSymbols(query: string) {
    return this.features.workspaceSymbols(query);
  }

  codeActions(uri: string, range: Parameters<Project['codeActions']>[1], diagnostics: readonly Diagnostic[], only?: readonly string[]) {
    const open = this.openAnalysis(uri);
    return open ? this.features.codeActions(open, range, diagnostics, only) : [];
  }

  async renderCard(uri: string): Promise<RenderedCard | null> {
    if (!this.workspace.openDocument(uri)) return null;
    const site = await this.siteTemplate.current(this.workspace, this.settingsNow.card);
    // Read after the wait: the card shows the document as it is now.
    const doc = this.workspace.openDocument(uri);
    if (!doc) return null;
    const role = this.roleOf(uri);
    // The card renders any open Markdown document; it says when the file is not a resource.
    const analysis = this.analysisOf(doc, role === 'report' ? 'report' : 'resource');
    return renderCardFor(analysis, this.config, this.reportStore.current, role === 'resource', site, this.settingsNow.card);
  }

  newResource(params: NewResourceParams): Promise<NewResourceResult> {
    return planNewResource(
      {
        workspace: this.workspace,
        config: this.config,
        library: this.files.style.votes,
        resources: this.files.uris().filter((u) => this.roleOf(u) === 'resource'),
        relativePath: (uri) => this.relativePath(uri),
      },
      params,
    );
  }

  fileStatus(uri: string): FileStatus {
    const role = this.roleOf(uri) ?? null;
    if (!role) return { role, problems: 0, sections: null };
    const sections = role === 'report' ? (this.reportStore.current.reports.find((r) => r.uri === uri)?.sections.length ?? 0) : null;
    const status: FileStatus = { role, problems: this.diagnostics(uri)?.diagnostics.length ?? 0, sections };
    const library = role === 'resource' ? this.libraryCoverage() : undefined;
    return library ? { ...status, library } : status;
  }

  /** What the duplicate-link check has seen of the library, unless it is all of it. */
  private libraryCoverage(): LibraryCoverage | undefined {
    if (!this.checksClosedFiles) {
      const open = this.workspace.openDocuments().filter((d) => this.roleOf(d.uri) === 'resource').length;
      return { checked: open, total: null };
    }
    return this.scanning && this.scanning.checked < (this.scanning.total ?? 0) ? { ...this.scanning } : undefined;
  }

  summary(): string {
    const folder = this.workspace.folder;
    return workspaceSummary({
      root: folder ? URI.parse(folder).fsPath : undefined,
      sources: this.sources,
      reports: this.reportStore.current.reports.map((r) => ({ path: this.describe(r.uri), sections: r.sections.length })),
      scan: this.lastScan,
    });
  }

  dispose(): void {
    this.subscription?.dispose();
    this.reportEdit?.dispose();
    this.diagnosticListeners.clear();
    this.loadListeners.clear();
  }
}
