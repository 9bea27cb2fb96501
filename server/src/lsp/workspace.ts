import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Configuration } from '../core/configuration';
import { createConfiguration } from '../core/configuration';
import { normaliseSettings, type Settings } from '../core/settings';
import { listFiles, toRelative } from '../node/files';
import { DATA_FILE_NAMES, loadConfiguration, type ConfigurationSources } from '../node/loadConfiguration';
import { CoalescedRun } from './coalescedRun';

const DATA_NAMES = new Set(DATA_FILE_NAMES);

/**
 * What the server knows about the workspace folder: its root, the data files found in it, and the
 * configuration compiled from settings + those files. Reloads are serialised and coalesced.
 */
export class WorkspaceState {
  root: string | undefined;
  configuration: Configuration = createConfiguration();
  /** Where the current configuration's vocabularies and schema came from (undefined without a folder: all bundled). */
  sources: ConfigurationSources | undefined;
  private discovered = new Set<string>();
  private loadedFiles = new Set<string>();
  private readonly reloads = new CoalescedRun(() => this.load());

  constructor(
    private readonly fetchSettings: () => Promise<unknown>,
    private readonly onConfiguration: (config: Configuration) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** False in an untrusted workspace: only bundled vocabularies and schema are used then. */
  trusted = true;

  setRoot(root: string | undefined): void {
    this.root = root;
  }

  /** Finds the workspace's own data files once; watched-file events keep the set current after that. */
  async discover(): Promise<void> {
    if (!this.root) return;
    const found = await listFiles(this.root, (rel) => DATA_NAMES.has(rel.slice(rel.lastIndexOf('/') + 1)));
    this.discovered = new Set(found);
  }

  /** Re-reads settings and data files; concurrent calls collapse into one more run. */
  reload(): Promise<void> {
    return this.reloads.run();
  }

  private async load(): Promise<void> {
    let settings: Settings;
    try {
      settings = normaliseSettings(await this.fetchSettings());
    } catch (e) {
      this.log(`Could not read settings (${(e as Error).message}); using defaults.`);
      settings = normaliseSettings({});
    }
    if (!this.root) {
      this.configuration = createConfiguration({ settings });
      this.sources = undefined;
    } else {
      const loaded = await loadConfiguration({ root: this.root, settings, discovered: [...this.discovered], trusted: this.trusted });
      this.configuration = loaded.configuration;
      this.sources = loaded.sources;
      this.loadedFiles = new Set(loaded.files.map((f) => path.resolve(f)));
      for (const note of loaded.untrustedNotes) this.log(note);
    }
    for (const p of this.configuration.problems) this.log(p);
    this.onConfiguration(this.configuration);
  }

  /**
   * Takes a watched-file change; returns true when it touches the configuration (a data file
   * appeared, vanished or changed), so the caller reloads.
   */
  noteFileChange(uri: string, kind: 'created' | 'changed' | 'deleted'): boolean {
    if (!this.root) return false;
    const file = URI.parse(uri).fsPath;
    const name = path.basename(file);
    const rel = toRelative(this.root, file);
    let relevant = this.loadedFiles.has(path.resolve(file));
    if (DATA_NAMES.has(name) && !rel.startsWith('..') && !rel.split('/').includes('node_modules')) {
      if (kind === 'deleted') this.discovered.delete(rel);
      else this.discovered.add(rel);
      relevant = true;
    }
    if (rel === '.vscode/settings.json') relevant = false; // settings arrive through workspace/configuration
    return relevant;
  }

  /** The files the current configuration was read from (vocabularies, categories, a schema). */
  loadedPaths(): string[] {
    return [...this.loadedFiles];
  }

  /** True for a data file the client watches itself: a usual data-file name inside the folder. */
  watchedByClient(file: string): boolean {
    // Without a folder the client watches nothing.
    return this.root !== undefined && DATA_NAMES.has(path.basename(file)) && this.relativePath(URI.file(file).toString()) !== undefined;
  }

  /** The root-relative path of a document, or undefined when it lies outside the workspace folder. */
  relativePath(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    if (!this.root) return parsed.scheme === 'file' || parsed.scheme === 'untitled' ? parsed.path.replace(/^\//, '') : undefined;
    if (parsed.scheme !== 'file') return undefined;
    const rel = toRelative(this.root, parsed.fsPath);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
  }

  isResource(uri: string): boolean {
    const rel = this.relativePath(uri);
    return rel !== undefined && this.configuration.isResource(rel);
  }
}
