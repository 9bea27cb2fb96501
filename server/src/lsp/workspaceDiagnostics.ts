import { promises as fs } from 'fs';
import * as path from 'path';
import { type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DuplicateLinkIndex, linkOf } from '../core/checks/duplicates';
import { SOURCE } from '../core/codes';
import { checkResourceText, type FileCheck } from '../core/lint';
import { ruleUrl } from '../core/rules';
import { analyzeText, toDiagnostics, type DocumentRole, type ResourceLanguageService } from '../core/service';
import { severityOf } from '../core/settings';
import { LSP_SEVERITY } from '../core/severity';
import { listFiles } from '../node/files';
import { yieldToEvents } from '../node/yieldToEvents';
import { CoalescedRun } from './coalescedRun';
import { LibraryStyle } from './libraryStyle';
import type { WorkspaceState } from './workspace';

/** Files read at once during a scan; the server yields to other requests between batches. */
const BATCH = 16;
/** Scans of fewer files than this finish too fast for a progress bar to help. */
const PROGRESS_MIN_FILES = 200;

/** The longest the scan runs without letting a keystroke in. */
const SLICE_MS = 2;
/** URIs built at once from the listing before yielding. */
const URI_SLICE = 1000;

/** The last complete scan, for the server's log. */
export interface ScanSummary {
  /** Resource files found in the folder; undefined when only open files are checked. */
  resources?: number;
  /** Report files checked with them. */
  reports?: number;
  /** Wall-clock time of the scan, from listing the folder to the last file published. */
  ms: number;
}

/**
 * The diagnostics of every resource file: open documents from the editor's text, all others (when
 * `resourceAuthoring.workspaceDiagnostics` is on) from disk — a scan at start and after any change of
 * settings, vocabularies or reports, then file by file as watched-file events arrive. Also owns the
 * workspace-level `duplicate-resource` check, which needs every file's link.
 */
export class WorkspaceDiagnostics {
  /** Per file URI, the diagnostics of its own text (without duplicate-resource). */
  private readonly own = new Map<string, Diagnostic[]>();
  private readonly links = new DuplicateLinkIndex();
  private readonly published = new Set<string>();
  /** Set when a scan runs to its end (one cut short because a newer one is pending leaves it alone). */
  lastScan: ScanSummary | undefined;
  /** The style of the resource files checked here, for completion in files without one of their own. */
  readonly style = new LibraryStyle();
  private readonly scans = new CoalescedRun(async () => {
    try {
      await this.scan();
    } catch (e) {
      this.connection.console.error(`Checking the workspace failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  });

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: ResourceLanguageService,
    private readonly workspace: WorkspaceState,
    /** Report files are checked too (their own section references). */
    private readonly isReport: (uri: string) => boolean = () => false,
  ) {}

  /** Whether files that are not open are checked (the setting, and a folder to scan). */
  get enabled(): boolean {
    return this.workspace.root !== undefined && this.workspace.configuration.settings.workspaceDiagnostics;
  }

  private roleOf(uri: string): DocumentRole | undefined {
    return this.workspace.isResource(uri) ? 'resource' : this.isReport(uri) ? 'report' : undefined;
  }

  /** An open document changed (or was opened): check the editor's text and publish. */
  validate(doc: TextDocument): void {
    const role = this.roleOf(doc.uri);
    if (!role) {
      this.forget(doc.uri);
      return;
    }
    let diagnostics: Diagnostic[] = [];
    let link: ReturnType<typeof linkOf>;
    try {
      const text = { uri: doc.uri, version: doc.version, text: doc.getText(), role } as const;
      const analysis = this.service.analyze(text);
      for (const f of analysis.failures) this.connection.console.error(`Checking ${doc.uri} failed: ${f}`);
      diagnostics = this.service.diagnostics(text);
      if (role === 'resource') {
        link = linkOf(analysis);
        this.style.note(doc.uri, text.text, this.workspace.configuration);
      }
    } catch (e) {
      // The server outlives anything a document contains: log, publish nothing for this version.
      this.connection.console.error(`Checking ${doc.uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
    this.own.set(doc.uri, diagnostics);
    const affected = this.links.set(doc.uri, link?.key, link?.range);
    this.publish(doc.uri);
    void this.publishPartners(affected);
  }

  /**
   * Re-checks everything: open documents first, then (when enabled) every resource and report file
   * on disk. Concurrent calls collapse into one more run.
   */
  validateAll(): Promise<void> {
    return this.scans.run();
  }

  /** An open document was closed: keep showing its file's problems (as on disk) when the workspace is checked. */
  async closed(uri: string): Promise<void> {
    if (!this.enabled || !this.roleOf(uri)) {
      this.forget(uri);
      return;
    }
    await this.refreshFromDisk([uri]);
  }

  /** A watched file was created, changed or deleted (a rename is a delete and a create). */
  async noteFileChange(uri: string, kind: 'created' | 'changed' | 'deleted'): Promise<void> {
    if (kind === 'deleted') {
      // A deleted folder arrives as one event: forget every file under it.
      const prefix = uri.endsWith('/') ? uri : `${uri}/`;
      for (const known of [...this.own.keys()]) {
        if ((known === uri || known.startsWith(prefix)) && !this.documents.get(known)) this.forget(known);
      }
      return;
    }
    if (!this.enabled || this.documents.get(uri) || !this.roleOf(uri)) return;
    await this.refreshFromDisk([uri]);
  }

  /** The number of problems published for a file (its own and duplicate-resource); 0 when none or unknown. */
  problemCount(uri: string): number {
    const own = this.own.get(uri);
    if (!own) return 0;
    return own.length + (this.duplicateDiagnostic(uri) ? 1 : 0);
  }

  private async scan(): Promise<void> {
    const started = performance.now();
    const config = this.workspace.configuration;
    const open = this.documents.all();
    for (const doc of open) this.validate(doc);
    const openUris = new Set(open.map((d) => d.uri));
    const root = this.workspace.root;
    if (!this.enabled || !root) {
      for (const uri of [...this.own.keys()]) if (!openUris.has(uri)) this.forget(uri);
      this.lastScan = { ms: performance.now() - started };
      return;
    }
    const found = await listFiles(root, (rel) => config.isResource(rel) || config.isReport(rel));
    // 15,000 URIs take ~45 ms to build: in slices, so a keystroke meanwhile is not kept waiting.
    const uris: string[] = [];
    for (let i = 0; i < found.length; i += URI_SLICE) {
      for (const rel of found.slice(i, i + URI_SLICE)) uris.push(URI.file(path.join(root, rel)).toString());
      if (i + URI_SLICE < found.length) await yieldToEvents();
    }
    const present = new Set(uris);
    for (const uri of [...this.own.keys()]) if (!present.has(uri) && !openUris.has(uri)) this.forget(uri);
    const closed = uris.filter((u) => !openUris.has(u));
    const progress = closed.length >= PROGRESS_MIN_FILES ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Checking resource files', 0, `0/${closed.length}`, false);
    try {
      const dirty = new Set<string>();
      for (let i = 0; i < closed.length && !this.scans.pending; i += BATCH) {
        const batch = closed.slice(i, i + BATCH);
        for (const uri of await this.checkFromDisk(batch)) dirty.add(uri);
        for (const uri of batch) {
          dirty.delete(uri);
          this.publish(uri);
        }
        const done = Math.min(i + BATCH, closed.length);
        progress?.report(Math.round((done / closed.length) * 100), `${done}/${closed.length}`);
        await yieldToEvents();
      }
      await this.publishPartners([...dirty, ...this.links.duplicated()]);
      if (!this.scans.pending) {
        const resources = found.filter((rel) => config.isResource(rel)).length;
        this.lastScan = { resources, reports: found.length - resources, ms: performance.now() - started };
      }
    } finally {
      progress?.done();
    }
  }

  /** Reads, checks and publishes files (not open in the editor), then their duplicate partners. */
  private async refreshFromDisk(uris: string[]): Promise<void> {
    const affected = await this.checkFromDisk(uris);
    for (const uri of uris) this.publish(uri);
    await this.publishPartners(affected);
  }

  /** Checks files from disk and records their diagnostics and links; returns the files whose duplicate report may have changed. */
  private async checkFromDisk(uris: readonly string[]): Promise<string[]> {
    const texts = await Promise.all(uris.map((uri) => readText(uri)));
    const affected: string[] = [];
    let slice = performance.now();
    for (let i = 0; i < uris.length; i++) {
      // Files with findings get the full analysis (~1 ms each): yield once a slice has run its budget.
      if (performance.now() - slice > SLICE_MS) {
        await yieldToEvents();
        slice = performance.now();
      }
      const uri = uris[i];
      if (this.documents.get(uri)) continue; // opened meanwhile: the editor's text wins
      const text = texts[i];
      const role = this.roleOf(uri);
      if (text === undefined || !role) {
        affected.push(...this.forget(uri, false));
        continue;
      }
      if (role === 'resource') this.style.note(uri, text, this.workspace.configuration);
      const check = this.check(uri, text, role);
      this.own.set(uri, check.analysis ? toDiagnostics(check.analysis, this.workspace.configuration) : []);
      affected.push(...this.links.set(uri, check.link, check.linkRange));
    }
    return affected;
  }

  private check(uri: string, text: string, role: DocumentRole): FileCheck {
    const config = this.workspace.configuration;
    const reports = this.service.reports;
    try {
      if (role === 'resource') return checkResourceText(text, config, uri, { reports });
      return { analysis: analyzeText(text, config, uri, 0, { reports, role }) };
    } catch (e) {
      this.connection.console.error(`Checking ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return {};
    }
  }

  /** Publishes files whose duplicate partners changed, first finding where the link is in files the fast path vouched for. */
  private async publishPartners(uris: readonly string[]): Promise<void> {
    if (uris.length === 0) return;
    const missing = this.links.missingRanges();
    // In batches, yielding between them: a library with many duplicates re-reads hundreds of files here.
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const texts = await Promise.all(batch.map((uri) => {
        const doc = this.documents.get(uri);
        return doc ? doc.getText() : readText(uri);
      }));
      batch.forEach((uri, j) => {
        const text = texts[j];
        if (text === undefined) return;
        const link = linkOf(analyzeText(text, this.workspace.configuration, uri));
        this.links.set(uri, link?.key, link?.range);
      });
      if (i + BATCH < missing.length) await yieldToEvents();
    }
    for (const uri of new Set([...uris, ...missing])) this.publish(uri);
  }

  private duplicateDiagnostic(uri: string): Diagnostic | undefined {
    const level = severityOf('duplicate-resource', this.workspace.configuration.settings);
    if (level === 'off') return undefined;
    const name = (u: string) => this.workspace.relativePath(u) ?? u;
    const report = this.links.report(uri, name);
    if (!report) return undefined;
    return {
      range: report.range,
      severity: LSP_SEVERITY[level],
      code: 'duplicate-resource',
      codeDescription: { href: ruleUrl('duplicate-resource') },
      source: SOURCE,
      message: report.message,
      relatedInformation: report.others.filter((o) => o.range).map((o) => ({ location: { uri: o.file, range: o.range! }, message: `The same link in ${name(o.file)}` })),
    };
  }

  private publish(uri: string): void {
    const own = this.own.get(uri);
    if (!own) {
      this.clear(uri);
      return;
    }
    const duplicate = this.duplicateDiagnostic(uri);
    const diagnostics = duplicate ? [...own, duplicate].sort(byPosition) : own;
    const version = this.documents.get(uri)?.version;
    // A closed file with nothing to show needs a message only to withdraw problems published before:
    // otherwise the editor already shows it clean. In a large library that is nearly every file, and the flood of
    // empty publications would queue in front of the diagnostics of the file being typed in.
    if (version === undefined && diagnostics.length === 0) {
      this.clear(uri);
      return;
    }
    this.published.add(uri);
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  /** Drops a file (deleted, closed with workspace diagnostics off, or no longer a resource); returns its former partners. */
  private forget(uri: string, publishPartners = true): string[] {
    this.own.delete(uri);
    this.style.forget(uri);
    const partners = this.links.delete(uri);
    this.clear(uri);
    if (publishPartners) void this.publishPartners(partners);
    return partners;
  }

  private clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** A file's text as the editor would show it (no BOM); undefined when it cannot be read. */
async function readText(uri: string): Promise<string | undefined> {
  try {
    const text = await fs.readFile(URI.parse(uri).fsPath, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
