import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import {
  createProject,
  insideFolder,
  MemoryWorkspace,
  parseSettingsJson,
  type Project,
  type ProjectOptions,
  withoutBom,
} from '../../../server/src/core';
import { applyTextEdits } from '../../../server/src/core/edits';
import { severityName } from '../../../server/src/core/severity';
import { createLintProject, lintFiles } from '../../../server/src/cli/lint';
import { resolveTargets } from '../../../server/src/cli/targets';
import { nodeScheduler } from '../../../server/src/node/scheduler';
import { MD_REPORT } from '../report/helpers';
import { contributedKeys, explicitSettings } from '../../../client/src/explicitSettings';
import { SETTINGS_SECTION } from '../../../protocol/src/names';

/** The folder of the in-memory workspaces: a `file:` URI, so the CLI's root-relative names work on it. */
export const ROOT = '/ws';
export const FOLDER = URI.file(ROOT).toString();

export const uriOf = (rel: string): string => URI.file(path.posix.join(ROOT, rel)).toString();

const VALID_FIELDS = ['title: "A resource"', 'focus: Bias', 'source: CRFM', 'readability: [Expert]', 'type: Blog'];

/** A valid resource with `link`, extra frontmatter lines and a body. */
export function resource(link: string, body = 'Body.', ...extra: string[]): string {
  return ['---', ...VALID_FIELDS, `link: ${link}`, ...extra, '---', body, ''].join('\n');
}

/** A small Markdown report: chapter 4 with sections 4.3 (and 4.3.1), 4.7 and 4.8, each citing itself correctly. */
export const REPORT = MD_REPORT;

/** The `.vscode/settings.json` text of flat `resourceAuthoring.*` keys, as the CLI reads it. */
export function settingsJson(flat: Record<string, unknown>): string {
  return JSON.stringify(flat, null, 2);
}

let contributed: string[] | undefined;

/**
 * The `resourceAuthoring` section as the extension hands it to the server (`workspace/configuration`):
 * the settings the author set in settings.json, as flat keys, without the defaults VS Code fills in
 * (the client's middleware, client/src/explicitSettings.ts, leaves them out).
 */
export function editorSection(flat: Record<string, unknown>): Record<string, unknown> {
  contributed ??= contributedKeys(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')), SETTINGS_SECTION);
  return explicitSettings(contributed, (key) => ({ workspaceValue: flat[`${SETTINGS_SECTION}.${key}`] }));
}

/** One problem as both hosts can say it: the CLI's fields, with files root-relative. */
export interface Seen {
  code: string;
  severity: string;
  message: string;
  range: Range;
  related?: { file: string; range: Range; message: string }[];
}

const relative = (uri: string): string => insideFolder(FOLDER, uri) ?? uri;

export function seenOf(d: Diagnostic): Seen {
  const seen: Seen = {
    code: String(d.code),
    severity: severityName(d.severity),
    message: typeof d.message === 'string' ? d.message : String(d.message),
    range: d.range,
  };
  if (d.relatedInformation?.length)
    seen.related = d.relatedInformation.map((r) => ({ file: relative(r.location.uri), range: r.location.range, message: r.message }));
  return seen;
}

/** Records the project's log; `scans` counts its summary lines, which it writes once each (re)load's check is done. */
export class RecordingLogger {
  readonly lines: string[] = [];
  scans = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  info = (m: string): void => {
    this.lines.push(`info: ${m}`);
    if (!m.startsWith('[resources] ')) return;
    this.scans++;
    const ready = this.waiters.filter((w) => w.count <= this.scans);
    this.waiters = this.waiters.filter((w) => w.count > this.scans);
    for (const w of ready) w.resolve();
  };

  warn = (m: string): void => void this.lines.push(`warn: ${m}`);
  error = (m: string): void => void this.lines.push(`error: ${m}`);

  /** Resolves once `count` scans have finished. */
  scanned(count: number): Promise<void> {
    if (this.scans >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

export interface ServerProject {
  project: Project;
  logger: RecordingLogger;
}

/**
 * The project as server.ts creates it (on the editor's workspace, here the in-memory one): the Node
 * scheduler, every other option at the server's default; started, and resolved once its first scan is
 * done. `options` overrides (a hover that waits for its count whatever the machine's load).
 */
export async function startServerProject(workspace: MemoryWorkspace, options: Partial<ProjectOptions> = {}): Promise<ServerProject> {
  const logger = new RecordingLogger();
  const project = createProject({ workspace, logger, scheduler: nodeScheduler, hoverCountWaitMs: 150, ...options });
  await project.start();
  await logger.scanned(1);
  await turn();
  return { project, logger };
}

/** One macrotask turn: whatever the last event started on microtasks has run. */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Resolves once `accept` holds, looking now and after each change of diagnostics. Rejects after 5 s
 * without it, saying what was awaited and the last state `show` gives (mocha's timeout would not).
 */
export function until(project: Project, accept: () => boolean, what: string, show: () => unknown = () => undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const look = () => {
      if (accept()) finish();
    };
    const subscription = project.onDidChangeDiagnostics(look);
    const timer = setTimeout(() => finish(new Error(`gave up waiting for ${what}; last: ${JSON.stringify(show())}`)), 5000);
    look();
  });
}

/** Resolves at the next change of diagnostics that names `uri`, then lets that change's follow-ups run. */
export function nextDiagnostics(project: Project, uri: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`gave up waiting for diagnostics of ${uri}`));
    }, 5000);
    const subscription = project.onDidChangeDiagnostics((uris) => {
      if (!uris.includes(uri)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve();
    });
  }).then(turn);
}

/** Diagnostics of a file in the project, as `Seen`s; undefined when the project does not check it. */
export function seenIn(project: Project, rel: string): Seen[] | undefined {
  return project.diagnostics(uriOf(rel))?.diagnostics.map(seenOf);
}

export const codesIn = (project: Project, rel: string): string[] | undefined => seenIn(project, rel)?.map((s) => s.code);

/** A workspace both hosts are given: files by root-relative path, settings as settings.json holds them. */
export interface Case {
  files: Record<string, string>;
  /** Flat `resourceAuthoring.*` keys; written to `.vscode/settings.json` for the CLI, handed over as the editor's section to the server. */
  settings?: Record<string, unknown>;
  trusted?: boolean;
  /** Files open in the editor (with their text on disk), for the server. */
  open?: readonly string[];
}

function filesOf(c: Case): Record<string, string> {
  return c.settings ? { ...c.files, '.vscode/settings.json': settingsJson(c.settings) } : { ...c.files };
}

/** The server's way: the editor's settings section, some files open; started, scanned, every file asked for its diagnostics. */
export async function serverFindings(c: Case): Promise<Map<string, Seen[]>> {
  const workspace = new MemoryWorkspace({
    folder: FOLDER,
    files: filesOf(c),
    settings: editorSection(c.settings ?? {}),
    trusted: c.trusted,
  });
  for (const rel of c.open ?? []) workspace.openDocumentWith(rel);
  const { project, logger } = await startServerProject(workspace);
  const failures = logger.lines.filter((l) => l.startsWith('error: '));
  if (failures.length > 0) throw new Error(failures.join('\n'));
  const found = new Map<string, Seen[]>();
  for (const rel of Object.keys(filesOf(c)).sort()) {
    // The data files' own diagnostics (unused terms, repeated values) are the editor's; the CLI has `vocab usage`.
    if (project.loadedFiles.includes(uriOf(rel))) continue;
    const seen = seenIn(project, rel);
    if (seen) found.set(rel, seen);
  }
  project.dispose();
  return found;
}

/**
 * The server's "Fix All Resource Problems in the Workspace" on the case: each file it changes (root-relative)
 * with its text after the edit, from the text the project saw (BOM removed).
 */
export async function serverWorkspaceFix(c: Case): Promise<Map<string, string>> {
  const workspace = new MemoryWorkspace({
    folder: FOLDER,
    files: filesOf(c),
    settings: editorSection(c.settings ?? {}),
    trusted: c.trusted,
  });
  for (const rel of c.open ?? []) workspace.openDocumentWith(rel);
  const { project } = await startServerProject(workspace);
  const fix = await project.fixWorkspace();
  project.dispose();
  const out = new Map<string, string>();
  for (const change of (fix?.edit.documentChanges ?? []) as TextDocumentEdit[]) {
    const uri = change.textDocument.uri;
    const before = workspace.openDocument(uri)?.text ?? withoutBom(workspace.fileText(uri) ?? '');
    out.set(relative(uri), applyTextEdits(before, change.edits as TextEdit[]));
  }
  return out;
}

/** The files `resource-lint --fix` rewrote (root-relative), with their new text (BOM removed). */
export async function cliFixedFiles(c: Case): Promise<Map<string, string>> {
  const { workspace } = await cliFindings(c, [], { fix: true });
  const out = new Map<string, string>();
  for (const [rel, text] of Object.entries(filesOf(c))) {
    const now = workspace.fileText(rel);
    if (now !== undefined && now !== text) out.set(rel, withoutBom(now));
  }
  return out;
}

/**
 * The CLI's way, as cli/main.ts runs `resource-lint` with no paths: settings parsed from the folder's
 * `.vscode/settings.json`, the project of createLintProject, `load()`, then `lintFiles` on every
 * resource and report file (and the reports named with --report).
 */
export async function cliFindings(
  c: Case,
  reports: readonly string[] = [],
  options: { fix?: boolean } = {},
): Promise<{ found: Map<string, Seen[]>; problems: string[]; workspace: MemoryWorkspace }> {
  const files = filesOf(c);
  const text = files['.vscode/settings.json'];
  const parsed = text === undefined ? { section: {}, problems: [] } : parseSettingsJson(text, '.vscode/settings.json');
  if (parsed.problems.length > 0) throw new Error(parsed.problems.join('\n'));
  const workspace = new MemoryWorkspace({ folder: FOLDER, files, settings: parsed.section, trusted: c.trusted });
  const project = createLintProject(workspace, { reports: reports.map(uriOf) });
  const outcome = await project.load();
  const { targets } = await resolveTargets({
    patterns: [],
    root: ROOT,
    cwd: ROOT,
    isResource: (rel) => project.configuration.isResource(rel),
    isReportFile: (abs) => project.roleOf(URI.file(abs).toString()) === 'report',
    rootFiles: (accept) => workspace.findFiles(accept),
  });
  const checked = [...new Set([...targets, ...project.reports.reports.map((r) => URI.parse(r.uri).fsPath)])].sort();
  const warnings: string[] = [];
  const run = await lintFiles(project, checked, { root: ROOT, fix: options.fix, warn: (m) => warnings.push(m) });
  const found = new Map<string, Seen[]>();
  for (const r of run.results) {
    found.set(
      r.file,
      r.diagnostics.map((d) => {
        const seen: Seen = { code: d.code, severity: d.severity, message: d.message, range: d.range };
        if (d.related) seen.related = d.related;
        return seen;
      }),
    );
  }
  // What would make resource-lint exit 2 (or warn) instead of reporting.
  const problems = [
    ...outcome.settingsProblems.map((p) => p.message),
    ...outcome.configurationProblems,
    ...outcome.reportProblems,
    ...warnings,
    ...run.unreadable.map((u) => `unreadable ${u}`),
  ];
  return { found, problems, workspace };
}
