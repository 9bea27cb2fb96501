import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { globMatcher } from '../core/globs';
import type { Settings } from '../core/settings';
import { listFiles, toRelative } from './files';

/** A report file read from disk. */
export interface LoadedReport {
  /** `file:` URI, as editors name the document. */
  uri: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the root, `/`-separated. */
  relativePath: string;
  text: string;
}

export interface LoadedReports {
  reports: LoadedReport[];
  /** Reports that were asked for (explicitly, or found by the globs) but could not be read, one sentence each. */
  problems: string[];
  /** True when an explicitly named report could not be read (a usage error for the CLI). */
  failed: boolean;
}

/** Removes a UTF-8 BOM: positions are computed on the text an editor shows, which has none. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads the reports: the `explicitFiles` (relative to `root`) when given, else every file under `root`
 * matching `settings.reports`. Sorted by path, so the first report is stable.
 */
export async function loadReports(root: string, settings: Settings, explicitFiles?: string[]): Promise<LoadedReports> {
  const explicit = explicitFiles !== undefined && explicitFiles.length > 0;
  let files: string[];
  if (explicit) {
    files = explicitFiles.map((f) => path.resolve(root, f));
  } else {
    const isReport = globMatcher(settings.reports);
    files = (await listFiles(root, isReport)).map((rel) => path.join(root, rel));
  }
  const problems: string[] = [];
  let failed = false;
  const reports: LoadedReport[] = [];
  await Promise.all([...new Set(files)].map(async (file) => {
    const relativePath = toRelative(root, file);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      const text = withoutBom(await fs.readFile(file, 'utf8'));
      reports.push({ uri: URI.file(file).toString(), file, relativePath, text });
    } catch (e) {
      if (explicit) failed = true;
      problems.push(`Cannot read the report ${relativePath} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
  }));
  reports.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { reports, problems, failed };
}
