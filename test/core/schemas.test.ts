import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import vocabularySchema from '../../schemas/vocabulary.schema.json';

const dataDir = path.join(__dirname, '../../data/vocabularies');

describe('shipped JSON schemas', () => {
  const validate = new Ajv({ strict: false }).compile(vocabularySchema);
  for (const file of ['resourceTags.json', 'resourceFocuses.json', 'resourceTypes.json']) {
    it(`the bundled ${file} satisfies vocabulary.schema.json`, () => {
      assert.ok(validate(JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'))), JSON.stringify(validate.errors));
    });
  }
  it('a vocabulary entry without a value is rejected', () => {
    assert.ok(!validate({ resourceTags: [{ label: 'No value' }] }));
  });
});
