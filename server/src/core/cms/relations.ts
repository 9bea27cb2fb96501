import type { CmsCollection, CmsConfig, CmsField, CmsFile } from './config';

/**
 * Where a relation field's values come from. The CMS names the target by collection (and, for a
 * files collection, by file) and the value by a dotted path, `*` standing for every item of a
 * list (`resourceFocuses.*.value`); a folder collection's entries give `{{slug}}` or a field.
 */
export type RelationTarget =
  | { kind: 'file'; collection: CmsCollection; file: CmsFile; valuePath: string[]; labelPath?: string[] }
  | { kind: 'folder'; collection: CmsCollection; valueField: string; labelField?: string }
  | { kind: 'none'; problem: string; on: 'collection' | 'file' | 'value_field' };

/** `a.*.b` as path segments; a leading `{{…}}` template (`{{slug}}`) is one segment. */
export function fieldPath(path: string): string[] {
  return path
    .split('.')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The names a path's first segment must match in a file's fields, for the value to exist at all. */
function pathExists(fields: readonly CmsField[], path: readonly string[]): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  const field = fields.find((f) => f.name === head);
  if (!field) return false;
  if (rest.length === 0) return true;
  if (rest[0] === '*') {
    const after = rest.slice(1);
    if (after.length === 0) return field.widget === 'list' || field.multiple;
    if (field.fields) return pathExists(field.fields, after);
    if (field.field) return pathExists([field.field], after);
    return false;
  }
  return field.fields ? pathExists(field.fields, rest) : false;
}

const TEMPLATE = /^\{\{\s*([^}]+?)\s*\}\}$/;

/** Resolves a relation field's target in the configuration, or says what in it names nothing. */
export function relationTarget(config: CmsConfig, field: CmsField): RelationTarget {
  const collection = field.collection === undefined ? undefined : config.collection(field.collection);
  if (!collection) {
    const named =
      field.collection === undefined ? 'no collection' : `the collection "${field.collection}", which the configuration does not have`;
    return { kind: 'none', problem: `The relation field "${field.name}" names ${named}.`, on: 'collection' };
  }
  const valueField = field.valueField ?? '';
  const display = field.displayFields?.[0];
  if (collection.kind === 'files') {
    const file = collection.files.find((f) => f.name === field.file);
    if (!file) {
      const named =
        field.file === undefined ? 'no file' : `the file "${field.file}", which the collection "${collection.name}" does not have`;
      return { kind: 'none', problem: `The relation field "${field.name}" names ${named}.`, on: 'file' };
    }
    const valuePath = fieldPath(valueField);
    if (valuePath.length === 0 || !pathExists(file.fields, valuePath)) {
      return {
        kind: 'none',
        problem: `The value_field "${valueField}" of the relation field "${field.name}" matches no field of the file "${file.name}".`,
        on: 'value_field',
      };
    }
    const labelPath = display !== undefined ? fieldPath(display) : undefined;
    return {
      kind: 'file',
      collection,
      file,
      valuePath,
      labelPath: labelPath && pathExists(file.fields, labelPath) ? labelPath : undefined,
    };
  }
  const template = TEMPLATE.exec(valueField)?.[1];
  const name = template ?? valueField;
  const known = name === 'slug' || name === 'filename' || collection.fields.some((f) => f.name === fieldPath(name)[0]);
  if (!known) {
    return {
      kind: 'none',
      problem: `The value_field "${valueField}" of the relation field "${field.name}" matches no field of the collection "${collection.name}".`,
      on: 'value_field',
    };
  }
  const labelField = display === undefined ? undefined : (TEMPLATE.exec(display)?.[1] ?? display);
  return { kind: 'folder', collection, valueField: name, labelField };
}

/** One value found at a path, with the path of data keys that reached it (for positions). */
export interface FoundValue {
  value: unknown;
  at: (string | number)[];
}

/** Every value at `path` in `data`, `*` taking each item of a list, in document order. */
export function valuesAt(data: unknown, path: readonly string[]): FoundValue[] {
  const out: FoundValue[] = [];
  const walk = (node: unknown, i: number, at: (string | number)[]) => {
    if (i === path.length) {
      out.push({ value: node, at });
      return;
    }
    const seg = path[i];
    if (seg === '*') {
      if (Array.isArray(node)) node.forEach((item, k) => walk(item, i + 1, [...at, k]));
      return;
    }
    if (node && typeof node === 'object' && !Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, seg)) {
      walk((node as Record<string, unknown>)[seg], i + 1, [...at, seg]);
    }
  };
  walk(data, 0, []);
  return out;
}

/** A relation's allowed values and their labels, from the target file's data (`display_fields`' first). */
export function fileRelationTerms(target: Extract<RelationTarget, { kind: 'file' }>, data: unknown): { value: string; label?: string }[] {
  const values = valuesAt(data, target.valuePath);
  const labels = target.labelPath ? valuesAt(data, target.labelPath) : [];
  // Value and label of one item share the path up to the last `*`: pair them by it.
  const star = target.valuePath.lastIndexOf('*');
  const itemKey = (at: (string | number)[]) => JSON.stringify(at.slice(0, star + 1));
  const labelOf = new Map(labels.map((l) => [itemKey(l.at), l.value]));
  return values
    .filter((v) => typeof v.value === 'string' || typeof v.value === 'number')
    .map((v) => {
      const label = labelOf.get(itemKey(v.at));
      return { value: String(v.value), label: typeof label === 'string' && label !== String(v.value) ? label : undefined };
    });
}
