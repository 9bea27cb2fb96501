import type { ErrorObject } from 'ajv';
import { isBlank, nodeAtPath, presentFields, spanOf, type ParsedResource, type Span } from '../document';
import type { Finding, FindingData } from '../findings';
import * as msg from '../messages';
import type { CompiledSchema } from '../schema';
import type { Vocabularies } from '../vocabulary';

export interface SchemaContext {
  schema: CompiledSchema;
  vocabularies: Vocabularies;
}

type Path = (string | number)[];

function parsePointer(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

function scalar(v: unknown): FindingData['value'] {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/**
 * Runs the compiled schema over the frontmatter data and turns ajv's errors into one finding per
 * problem, each on the narrowest span of the source.
 */
export function checkSchema(parsed: ParsedResource, ctx: SchemaContext): Finding[] {
  // Data is there when the YAML could be read, also beside a repeated key (a syntax error that
  // leaves every field readable): its other problems are reported too.
  if (!parsed.block?.close || parsed.data === undefined) return [];
  const data = parsed.data === null ? {} : parsed.data;
  if (ctx.schema.validate(data)) return [];
  return findingsFromErrors(parsed, data, ctx.schema.validate.errors ?? [], ctx);
}

export function findingsFromErrors(parsed: ParsedResource, data: unknown, errors: readonly ErrorObject[], ctx: SchemaContext): Finding[] {
  const { schema, vocabularies } = ctx;
  const openLine: Span = parsed.block ? parsed.block.open : { start: 0, end: 0 };
  const findings: Finding[] = [];

  const spanFor = (path: Path): Span => {
    if (path.length === 0) return openLine;
    const { node, key } = nodeAtPath(parsed, path);
    if (!isBlank(node)) return spanOf(parsed, node) ?? spanOf(parsed, key) ?? openLine;
    return spanOf(parsed, key) ?? openLine;
  };
  const keySpan = (path: Path): Span => {
    const { key } = nodeAtPath(parsed, path);
    return spanOf(parsed, key) ?? openLine;
  };

  const present = presentFields(parsed);
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (e.keyword === 'required') {
      const name = String((e.params as { missingProperty?: unknown }).missingProperty);
      if (e.instancePath !== '') continue; // nested objects are not part of a resource
      findings.push({
        code: 'required',
        message: msg.requiredMessage(schema.field(name), name),
        ...openLine,
        data: { field: name, path: [name] },
      });
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const name = String((e.params as { additionalProperty?: unknown }).additionalProperty);
      const path = [...parsePointer(e.instancePath), name];
      findings.push({
        code: 'unknown-field',
        message: msg.unknownFieldMessage(
          name,
          schema.fields.map((f) => f.name),
          present,
        ),
        ...keySpan(path),
        data: { field: name, path },
      });
      continue;
    }
    const list = byPath.get(e.instancePath);
    if (list) list.push(e);
    else byPath.set(e.instancePath, [e]);
  }

  for (const [pointer, errs] of byPath) {
    const path = parsePointer(pointer);
    const field = typeof path[0] === 'string' ? schema.field(path[0]) : undefined;
    const name = field?.name ?? (typeof path[0] === 'string' ? path[0] : 'frontmatter');
    const value = valueAt(data, path);
    const has = (k: string) => errs.find((e) => e.keyword === k);
    const base: FindingData = { field: field?.name, path, value: scalar(value) };
    const span = spanFor(path);

    if (path.length === 1 && isEmptyValue(value)) {
      if (field?.required) {
        findings.push({
          code: 'empty-value',
          message: msg.emptyMessage(field, name, schema.allowedValues(name)),
          ...span,
          data: { ...base, expected: schema.allowedValues(name) },
        });
      }
      // An optional field left empty is as good as absent.
      if (value === null || field?.required) continue;
    }
    const type = has('type');
    if (type) {
      const t = (type.params as { type?: unknown }).type;
      const expected = Array.isArray(t) ? t.map(String) : String(t).split(',');
      const shownName = path.length === 0 ? 'frontmatter' : path.length === 1 ? name : `${name} item`;
      findings.push({
        code: 'invalid-type',
        message: msg.invalidTypeMessage(shownName, expected, value),
        ...span,
        data: { ...base, expected },
      });
      continue;
    }
    const enumErr = has('enum');
    if (enumErr) {
      const allowed = ((enumErr.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
      findings.push({
        code: 'invalid-value',
        message: msg.invalidValueMessage(field, value, allowed, vocabularies),
        ...span,
        data: { ...base, expected: allowed, vocabulary: field?.vocabulary },
      });
      continue;
    }
    if (has('format') || has('pattern')) {
      const urlish = field?.shape === 'url';
      findings.push(
        urlish
          ? { code: 'invalid-url', message: msg.invalidUrlMessage(name, value), ...span, data: base }
          : { code: 'invalid-value', message: `${msg.quote(value)} does not have the form '${name}' requires.`, ...span, data: base },
      );
      continue;
    }
    if (has('minLength') || has('minItems')) {
      findings.push({ code: 'empty-value', message: msg.emptyMessage(field, name, undefined), ...span, data: base });
      continue;
    }
    if (has('uniqueItems') && Array.isArray(value)) {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const k = JSON.stringify(item);
        if (seen.has(k)) {
          const itemPath = [...path, i];
          findings.push({
            code: 'duplicate-value',
            message: msg.duplicateMessage(name, item),
            ...spanFor(itemPath),
            data: { field: field?.name, path: itemPath, value: scalar(item) },
          });
        }
        seen.add(k);
      });
      continue;
    }
    // Combinators (anyOf, oneOf, const, …) of a replacement schema: one message for the node,
    // and only when no more specific error already speaks for it or a node inside it.
    const deeper = [...byPath.keys()].some((p) => p !== pointer && p.startsWith(pointer + '/'));
    if (!deeper) {
      const description = field?.description ? ` ${field.description}` : '';
      findings.push({
        code: 'invalid-value',
        message: `${msg.quote(value)} is not allowed in ${name}.${description}`,
        ...span,
        data: base,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
