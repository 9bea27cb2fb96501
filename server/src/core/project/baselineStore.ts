import type { Diagnostic } from 'vscode-languageserver-types';
import {
  BASELINED_PREFIX,
  countFingerprints,
  entryTotal,
  matchBaseline,
  parseBaseline,
  serialiseBaseline,
  type Baseline,
  type BaselineDisplay,
} from '../baseline';
import type { Workspace } from '../host';
import { relativeTo, resolvePath } from '../paths';
import type { Settings } from '../settings';
import { LSP_SEVERITY } from '../severity';
import { UNTRUSTED_REASON } from './loadConfiguration';

/** A file's diagnostics with the fingerprint of each (parallel arrays), before the baseline is applied. */
export interface Fingerprinted {
  diagnostics: Diagnostic[];
  fixable?: boolean[];
  fingerprints?: string[];
}

export interface BaselineLoad {
  problems: string[];
  untrustedNotes: string[];
}

/**
 * The baseline the project applies: which file (the host's override, else `resourceAuthoring.baseline`
 * relative to the folder), what it holds, and how baselined findings are shown. Read through the
 * workspace, once per load and again when the file changes.
 */
export class BaselineStore {
  private file: string | undefined;
  private shown = '';
  private baseline: Baseline | undefined;
  private display: BaselineDisplay = 'hint';

  constructor(
    /** A URI that replaces the setting; null: no baseline, whatever the setting says. */
    private readonly override: string | null | undefined,
    private readonly displayOverride: BaselineDisplay | undefined,
  ) {}

  /** The baseline file's URI, when one is named (read or not). */
  get uri(): string | undefined {
    return this.file;
  }

  get active(): boolean {
    return this.baseline !== undefined;
  }

  /** Reads the baseline the settings (or the host) name; `stopsOnProblems`: messages say only what is wrong. */
  async load(workspace: Workspace, settings: Settings, stopsOnProblems?: boolean): Promise<BaselineLoad> {
    this.display = this.displayOverride ?? settings.baselineFindings;
    const root = workspace.folder;
    const fromSetting = this.override === undefined && settings.baseline !== '';
    this.file =
      this.override === null
        ? undefined
        : (this.override ?? (root && settings.baseline ? resolvePath(root, settings.baseline) : undefined));
    this.baseline = undefined;
    if (!this.file) return { problems: [], untrustedNotes: [] };
    this.shown = (root && relativeTo(root, this.file)) || this.file;
    if (fromSetting && !workspace.trusted) {
      return {
        problems: [],
        untrustedNotes: [`Not using the baseline ${this.shown} (resourceAuthoring.baseline), because ${UNTRUSTED_REASON}.`],
      };
    }
    const problem = await this.read(workspace);
    const meanwhile = stopsOnProblems ? '' : ' Every finding is shown meanwhile.';
    return { problems: problem ? [`${problem}${meanwhile}`] : [], untrustedNotes: [] };
  }

  /** Reads the file again (it changed on disk); returns what is wrong with it, if anything. */
  async read(workspace: Workspace): Promise<string | undefined> {
    this.baseline = undefined;
    if (!this.file) return undefined;
    const text = await workspace.readText(this.file);
    if (text === undefined) {
      const why = workspace.unreadableReason?.(this.file) ?? 'not found';
      return `Cannot read the baseline ${this.shown} (${why}); record one with resource-lint --baseline-write ${this.shown}.`;
    }
    const parsed = parseBaseline(text, this.shown);
    if (!parsed.ok) return parsed.error;
    this.baseline = parsed.baseline;
    return undefined;
  }

  /** A file's diagnostics with the baselined ones shown as hints, or left out. */
  apply(file: string, found: Fingerprinted): Fingerprinted {
    const recorded = this.baseline?.files.get(file);
    if (!recorded || !found.fingerprints) return found;
    const { baselined } = matchBaseline(found.fingerprints, recorded);
    if (this.display === 'hide') {
      const keep = found.diagnostics.map((_, i) => !baselined[i]);
      return {
        diagnostics: found.diagnostics.filter((_, i) => keep[i]),
        fixable: found.fixable?.filter((_, i) => keep[i]),
        fingerprints: found.fingerprints.filter((_, i) => keep[i]),
      };
    }
    return {
      diagnostics: found.diagnostics.map((d, i) =>
        baselined[i] ? { ...d, severity: LSP_SEVERITY.hint, message: baselinedMessage(d.message) } : d,
      ),
      fixable: found.fixable,
      fingerprints: found.fingerprints,
    };
  }

  /**
   * How many of the baseline's findings are gone: in `files` (root-relative, with their current
   * fingerprints), and with `everyFile`, all of those of the files not among them (deleted or no
   * longer checked). Undefined without a baseline.
   */
  gone(files: ReadonlyMap<string, readonly string[]>, everyFile: boolean): number | undefined {
    if (!this.baseline) return undefined;
    let gone = 0;
    for (const [file, fingerprints] of files) gone += matchBaseline(fingerprints, this.baseline.files.get(file)).gone;
    if (everyFile) for (const [file, recorded] of this.baseline.files) if (!files.has(file)) gone += entryTotal(recorded);
    return gone;
  }
}

/** The baseline file's text recording every finding of these files (root-relative, with their fingerprints). */
export function recordBaseline(files: ReadonlyMap<string, readonly string[]>): string {
  const baseline: Baseline = { files: new Map() };
  for (const [file, fingerprints] of files) if (fingerprints.length > 0) baseline.files.set(file, countFingerprints(fingerprints));
  return serialiseBaseline(baseline);
}

/** The message with the baseline's prefix, in whichever form the diagnostic carries it. */
function baselinedMessage(message: Diagnostic['message']): Diagnostic['message'] {
  return typeof message === 'string' ? `${BASELINED_PREFIX}${message}` : { ...message, value: `${BASELINED_PREFIX}${message.value}` };
}
