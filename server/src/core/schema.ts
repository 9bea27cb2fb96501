import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import bundledSchema from '../../../schemas/resource.schema.json';
import { schemaPatterns, unsafePatternReason } from './safePattern';
import type { Parsed, Vocabularies, VocabularyName } from './vocabulary';

/** What the schema says about one top-level field, in the author's terms. */
export interface FieldInfo {
  name: string;
  required: boolean;
  description: string;
  markdownDescription: string;
  /** The value's shape, for messages, completion snippets and fixes. */
  shape: 'text' | 'list' | 'boolean' | 'url' | 'other';
  /** The vocabulary its value (or each list item) comes from. */
  vocabulary?: VocabularyName;
  /** Fixed allowed values (or allowed list items) written in the schema itself, e.g. readability levels. */
  allowed?: string[];
  /** The property's subschema (with vocabularies injected). */
  schema: Record<string, unknown>;
}

export interface CompiledSchema {
  validate: ValidateFunction;
  /** Top-level fields in the schema's order. */
  fields: FieldInfo[];
  field(name: string): FieldInfo | undefined;
  /** The values allowed for a field or its list items: vocabulary or schema enum. */
  allowedValues(name: string): string[] | undefined;
}

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** Deep copy with `x-vocabulary` annotations turned into `enum`s of the current vocabulary values. */
function injectVocabularies(node: unknown, vocabularies: Vocabularies): unknown {
  if (Array.isArray(node)) return node.map((n) => injectVocabularies(n, vocabularies));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) out[k] = injectVocabularies(v, vocabularies);
  const name = node['x-vocabulary'];
  if (name === 'learnTags' || name === 'focus' || name === 'type') {
    out.enum = vocabularies[name].terms.map((t) => t.value);
  }
  return out;
}

function typesOf(schema: JsonObject): string[] {
  const t = schema.type;
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
}

function describeField(name: string, raw: JsonObject, injected: JsonObject, required: boolean): FieldInfo {
  const types = typesOf(raw);
  const items = isObject(raw.items) ? raw.items : undefined;
  const vocabSource = items ?? raw;
  const vocab = vocabSource['x-vocabulary'];
  const staticEnum =
    Array.isArray(vocabSource.enum) && vocab === undefined ? vocabSource.enum.filter((v): v is string => typeof v === 'string') : undefined;
  const shape: FieldInfo['shape'] = types.includes('array')
    ? 'list'
    : types.includes('boolean')
      ? 'boolean'
      : raw.format === 'uri' || raw.format === 'url'
        ? 'url'
        : types.includes('string')
          ? 'text'
          : 'other';
  const description = typeof raw.description === 'string' ? raw.description : '';
  return {
    name,
    required,
    description,
    markdownDescription: typeof raw.markdownDescription === 'string' ? raw.markdownDescription : description,
    shape,
    vocabulary: vocab === 'learnTags' || vocab === 'focus' || vocab === 'type' ? vocab : undefined,
    allowed: staticEnum,
    schema: injected,
  };
}

/** The bundled resource schema, as shipped in `schemas/resource.schema.json`. */
export function bundledResourceSchema(): unknown {
  return bundledSchema;
}

/**
 * Compiles the resource schema once per vocabulary or schema change. A replacement schema that is
 * not a valid JSON Schema comes back as an error sentence.
 */
export function compileSchema(schemaJson: unknown, vocabularies: Vocabularies): Parsed<CompiledSchema> {
  if (!isObject(schemaJson)) return { ok: false, error: 'the schema is not a JSON object' };
  const injected = injectVocabularies(schemaJson, vocabularies) as JsonObject;
  delete injected.$schema;
  // Checking a schema against the JSON Schema meta-schema means compiling the meta-schema first
  // (about 20 ms, a tenth of a CLI run): done for replacement schemas; the bundled one is checked
  // by a unit test instead.
  const validateSchema = schemaJson !== bundledSchema;
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema });
  addFormats(ajv);
  // The bundled schema compiles (a unit test checks it): compiled when first needed, so a run whose
  // verdicts all come from the result cache does not pay for it. A replacement is compiled now, to
  // report its errors.
  let compiledValidate: ValidateFunction | undefined;
  if (validateSchema) {
    for (const { pattern, at } of schemaPatterns(schemaJson)) {
      const unsafe = unsafePatternReason(pattern);
      if (unsafe) {
        return {
          ok: false,
          error: `the pattern ${JSON.stringify(pattern)} at ${at || '/'} could take exponential time to match (${unsafe}); write it without a repeated group that repeats or alternates inside`,
        };
      }
    }
    try {
      compiledValidate = ajv.compile(injected);
    } catch (e) {
      // ajv follows a $ref that leads back to itself without end.
      if (e instanceof RangeError) return { ok: false, error: 'its $ref references lead back to themselves without end' };
      return { ok: false, error: (e as Error).message };
    }
  }
  const required = new Set(Array.isArray(schemaJson.required) ? schemaJson.required.filter((r): r is string => typeof r === 'string') : []);
  const rawProps = isObject(schemaJson.properties) ? schemaJson.properties : {};
  const injectedProps = isObject(injected.properties) ? injected.properties : {};
  const fields = Object.entries(rawProps)
    .filter(([, v]) => isObject(v))
    .map(([name, v]) => describeField(name, v as JsonObject, injectedProps[name] as JsonObject, required.has(name)));
  const byName = new Map(fields.map((f) => [f.name, f]));
  return {
    ok: true,
    value: {
      get validate() {
        return (compiledValidate ??= compileUnlessRefused(() => ajv.compile(injected)));
      },
      fields,
      field: (name) => byName.get(name),
      allowedValues(name) {
        const f = byName.get(name);
        if (!f) return undefined;
        if (f.vocabulary) return vocabularies[f.vocabulary].terms.map((t) => t.value);
        return f.allowed;
      },
    },
  };
}

/**
 * ajv compiles a schema to JavaScript with `new Function`. A host whose content-security policy
 * refuses generated code (no 'unsafe-eval') throws an EvalError there: the schema's checks are then
 * left out (every value passes them) rather than failing every file's check. The host says so
 * (browserServer.ts); VS Code for the Web's worker extension host allows generated code.
 */
function compileUnlessRefused(compile: () => ValidateFunction): ValidateFunction {
  try {
    return compile();
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    const passes = Object.assign(() => true, { errors: null });
    return passes as unknown as ValidateFunction;
  }
}
