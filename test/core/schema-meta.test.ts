import * as assert from 'assert';
import Ajv from 'ajv';
import { bundledResourceSchema } from '../../server/src/core/schema';

describe('bundled resource schema', () => {
  // compileSchema skips the meta-schema check for the bundled schema (it costs a tenth of a CLI run): this test keeps it honest.
  it('is a valid JSON Schema (draft-07)', () => {
    const ajv = new Ajv({ strict: false });
    const schema = { ...(bundledResourceSchema() as Record<string, unknown>) };
    delete schema.$schema;
    assert.strictEqual(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  });
});
