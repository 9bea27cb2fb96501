import { parse } from 'yaml';
import type { Configuration } from '../configuration';
import { parseResource } from '../document';
import type { Workspace } from '../host';
import { baseName, uriOf } from '../paths';
import { resourceSkeleton } from '../skeleton';
import type { StyleVotes } from '../completionStyle';
import type { NewResourceParams, NewResourceResult } from '../../../../protocol/src/requests';

/** The CMS's configuration, where Decap and Sveltia read it (`admin/config.yml`, in the site's source folder). */
const CMS_CONFIG = /(?:^|\/)admin\/config\.ya?ml$/;
/** Files looked at to learn how the library names them: enough for a majority, quick for one command. */
const SAMPLE = 200;

/**
 * The CMS's slug rule for a title (Decap's default `slug` settings, `clean_accents` on, as the reference
 * site's names are): accents dropped, lower case, every run of other characters one hyphen.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'resource';
}

interface Collection {
  folder?: string;
  slug?: string;
  extension?: string;
}

/** The `resources` collection of a CMS configuration text; undefined when it has none. */
export function resourcesCollection(text: string): Collection | undefined {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const collections = doc && typeof doc === 'object' ? (doc as { collections?: unknown }).collections : undefined;
  if (!Array.isArray(collections)) return undefined;
  const found = collections.find(
    (c): c is Record<string, unknown> => !!c && typeof c === 'object' && (c as { name?: unknown }).name === 'resources',
  );
  if (!found) return undefined;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return { folder: str(found.folder)?.replace(/^\/+|\/+$/g, ''), slug: str(found.slug), extension: str(found.extension) };
}

/** The file-name stem of a title and a type: the slug, then the type's slug when the library's names carry it. */
export function fileStem(title: string, type: string | undefined): string {
  return type ? `${slugify(title)}-${slugify(type)}` : slugify(title);
}

/** True when most resources that say their type end their file name with it (`…-pdf-article.md`). */
export function namesCarryType(files: readonly { name: string; type?: string }[]): boolean {
  const typed = files.filter((f) => f.type);
  if (typed.length === 0) return false;
  const carrying = typed.filter((f) => {
    const stem = f.name.replace(/\.[^.]+$/, '').replace(/-\d+$/, '');
    return stem.endsWith(`-${slugify(f.type!)}`);
  });
  return carrying.length * 2 > typed.length;
}

export interface NewResourceContext {
  workspace: Workspace;
  config: Configuration;
  library: StyleVotes;
  /** The resource files the project knows (URIs). */
  resources: readonly string[];
  relativePath(uri: string): string | undefined;
}

/** Where "Resources: New Resource" puts the file and what it starts with (see `NewResourceRequest`). */
export async function planNewResource(ctx: NewResourceContext, params: NewResourceParams): Promise<NewResourceResult> {
  const folder = ctx.workspace.folder;
  const title = params.title.trim();
  if (!folder) return { kind: 'unavailable', reason: 'New Resource needs a workspace folder.' };
  if (!title) return { kind: 'unavailable', reason: 'A new resource needs a title.' };

  const known = ctx.resources.map((uri) => ({ uri, rel: ctx.relativePath(uri) })).filter((f): f is { uri: string; rel: string } => !!f.rel);
  const collection = await cmsCollection(ctx.workspace);
  const target = resourcesFolder(collection, known, ctx.config);
  const extension = collection?.extension ?? 'md';

  const sample = await Promise.all(
    known.slice(0, SAMPLE).map(async (f) => {
      const text = await ctx.workspace.readText(f.uri);
      const data = text !== undefined ? parseResource(text).data : undefined;
      const type = data && typeof data === 'object' && !Array.isArray(data) ? (data as { type?: unknown }).type : undefined;
      return { name: baseName(f.rel), type: typeof type === 'string' && type.trim() !== '' ? type : undefined };
    }),
  );
  const withType = namesCarryType(sample);
  const slugFrom = collection?.slug ? `the CMS configuration's slug "${collection.slug}"` : "the CMS's default slug (the title)";
  const rule = withType
    ? `The file name is ${slugFrom}, lower case ASCII with hyphens, then the type's (most of the library's file names end with their type), in ${target.from}; -1, -2, … when taken.`
    : `The file name is ${slugFrom}, lower case ASCII with hyphens, in ${target.from}; -1, -2, … when taken.`;
  const types = ctx.config.vocabularies.type.terms;
  if (withType && !params.type) return { kind: 'needsType', types: types.map((t) => ({ ...t })), rule };

  const taken = new Set(await ctx.workspace.findFiles((rel) => rel.startsWith(target.path ? `${target.path}/` : '')));
  const stem = fileStem(title, withType ? params.type : undefined);
  const at = (name: string) => (target.path ? `${target.path}/${name}` : name);
  let name = `${stem}.${extension}`;
  for (let n = 1; taken.has(at(name)) || ctx.workspace.openDocument(uriOf(folder, at(name))); n++) name = `${stem}-${n}.${extension}`;
  const snippet = resourceSkeleton(ctx.config, ctx.library, { title, link: params.link, type: params.type });
  return { kind: 'ready', uri: uriOf(folder, at(name)), snippet, rule };
}

async function cmsCollection(workspace: Workspace): Promise<Collection | undefined> {
  const folder = workspace.folder!;
  for (const rel of await workspace.findFiles((r) => CMS_CONFIG.test(r))) {
    const text = await workspace.readText(uriOf(folder, rel));
    const found = text !== undefined ? resourcesCollection(text) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The collection's folder from the CMS configuration when resources there are checked as resources;
 * else the folder most resource files are in; else the resource globs' own folder (`resources`).
 */
function resourcesFolder(
  collection: Collection | undefined,
  known: readonly { rel: string }[],
  config: Configuration,
): { path: string; from: string } {
  const dirOf = (rel: string) => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
  if (collection?.folder && config.isResource(`${collection.folder}/new.md`))
    return { path: collection.folder, from: `${collection.folder} (the CMS configuration's resources folder)` };
  const counts = new Map<string, number>();
  for (const f of known) counts.set(dirOf(f.rel), (counts.get(dirOf(f.rel)) ?? 0) + 1);
  const most = [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0];
  if (most) return { path: most[0], from: `${most[0] || 'the folder'} (where most resources are)` };
  return { path: 'resources', from: 'resources' };
}
