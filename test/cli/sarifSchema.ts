import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** The SARIF 2.1.0 schema (vendored; draft-04 style `id` renamed for ajv's default draft). */
export function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/sarif-2.1.0.schema.json'), 'utf8'));
  delete schema.$schema;
  delete schema.id;
  // The schema's language-tag pattern is not valid with the u flag; JSON Schema regexes need not be.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const compiled = ajv.compile(schema);
  const validate = (data: unknown): boolean => compiled(data);
  return Object.assign(validate, {
    get errors() {
      return compiled.errors;
    },
  });
}
