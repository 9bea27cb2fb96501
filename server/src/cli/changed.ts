import * as path from 'path';
import { URI } from 'vscode-uri';
import { isConfigFile, isDataFile, type Project } from '../core';
import { changedSince, GitError } from '../node/git';
import { realPath as real } from '../node/textFile';
import { ConfigurationError } from './io';

/**
 * `--changed-since REF`: of the files a whole run would check, those git lists as changed, plus the
 * resources sharing a link with them (so duplicate-resource says what a whole run says). When a file
 * the configuration comes from changed (settings, a vocabulary, the schema, a report), every file's
 * verdict may have changed: then all of them are checked, and `note` says why.
 */
export async function changedFiles(opts: {
  root: string;
  ref: string;
  files: readonly string[];
  project: Project;
}): Promise<{ files: string[]; note?: string }> {
  let changed: string[];
  try {
    changed = await changedSince(opts.root, opts.ref);
  } catch (e) {
    if (e instanceof GitError) throw new ConfigurationError(`--changed-since: ${e.message}`);
    throw e;
  }
  // git names files under its real path; --root may come through a symbolic link.
  const realRoot = real(opts.root);
  const keys = new Set(changed.map((c) => path.relative(realRoot, c)));
  // Asked of every file: on POSIX the same absolute path is the same file (Windows compares without case).
  const absolute = new Set([...keys].map((k) => path.join(opts.root, k)));
  const isChanged =
    path.sep === '/' ? (file: string) => absolute.has(path.normalize(file)) : (file: string) => keys.has(path.relative(opts.root, file));
  // A configuration file or data file deleted (or added) is no longer (or not yet) among those loaded: known by its name.
  const named = [...keys]
    .map((k) => k.split(path.sep).join('/'))
    .filter((rel) => !rel.startsWith('../') && (isConfigFile(rel) || (isDataFile(rel) && !rel.split('/').includes('node_modules'))));
  const configuration = [
    path.join(opts.root, '.vscode', 'settings.json'),
    ...named.map((rel) => path.join(opts.root, rel)),
    ...opts.project.loadedFiles.map((u) => URI.parse(u).fsPath),
    ...opts.project.reports.reports.map((r) => URI.parse(r.uri).fsPath),
  ];
  const because = configuration.find(isChanged);
  if (because) {
    return {
      files: [...opts.files],
      note: `${path.relative(opts.root, because).split(path.sep).join('/')} changed since ${opts.ref}: checking every file.`,
    };
  }
  const selected = opts.files.filter(isChanged);
  const partners = await opts.project.duplicatePartners(selected.map((f) => URI.file(f).toString()));
  return { files: [...new Set([...selected, ...partners.map((u) => URI.parse(u).fsPath)])].sort() };
}
