import { strict as assert } from 'assert';
import { parseCmsConfig } from '../../../server/src/core/cms/config';
import { fileRelationTerms, relationTarget, valuesAt } from '../../../server/src/core/cms/relations';

const CONFIG = `collections:
  - name: posts
    folder: posts
    fields:
      - { name: title }
      - { name: tags, widget: relation, collection: meta, file: tags, value_field: tags.*.value, display_fields: [tags.*.label], multiple: true }
      - { name: author, widget: relation, collection: people, value_field: "{{slug}}" }
      - { name: editor, widget: relation, collection: people, value_field: email }
      - { name: a, widget: relation, collection: nowhere, value_field: x }
      - { name: b, widget: relation, collection: meta, file: nofile, value_field: x }
      - { name: c, widget: relation, collection: meta, file: tags, value_field: tags.*.colour }
  - name: people
    folder: people
    fields: [{ name: title }, { name: email }]
  - name: meta
    files:
      - name: tags
        file: data/tags.json
        fields:
          - { name: tags, widget: list, fields: [{ name: value }, { name: label }] }
`;

describe('CMS relations', () => {
  const config = parseCmsConfig(CONFIG, 'file:///admin/config.yml');
  const field = (name: string) => config.collection('posts')!.fields.find((f) => f.name === name)!;

  it('resolves a files-collection target and pairs values with their labels', () => {
    const target = relationTarget(config, field('tags'));
    assert.equal(target.kind, 'file');
    if (target.kind !== 'file') return;
    assert.deepEqual(target.valuePath, ['tags', '*', 'value']);
    const data = {
      tags: [{ value: 'ai', label: 'Artificial intelligence' }, { value: 'web' }, { value: 'same', label: 'same' }, { label: 'no value' }],
    };
    assert.deepEqual(fileRelationTerms(target, data), [
      { value: 'ai', label: 'Artificial intelligence' },
      { value: 'web', label: undefined },
      { value: 'same', label: undefined },
    ]);
  });

  it('resolves folder targets by slug or field', () => {
    const bySlug = relationTarget(config, field('author'));
    assert.deepEqual(bySlug.kind === 'folder' && bySlug.valueField, 'slug');
    const byField = relationTarget(config, field('editor'));
    assert.deepEqual(byField.kind === 'folder' && byField.valueField, 'email');
  });

  it('says what a broken relation names', () => {
    const a = relationTarget(config, field('a'));
    assert.deepEqual(a.kind === 'none' && a.on, 'collection');
    const b = relationTarget(config, field('b'));
    assert.deepEqual(b.kind === 'none' && b.on, 'file');
    const c = relationTarget(config, field('c'));
    assert.equal(c.kind, 'none');
    assert.match(c.kind === 'none' ? c.problem : '', /value_field "tags\.\*\.colour"/);
  });

  it('walks data by a path with stars', () => {
    const data = { cats: [{ focuses: ['x', 'y'] }, { focuses: ['z'] }, {}] };
    assert.deepEqual(valuesAt(data, ['cats', '*', 'focuses', '*']), [
      { value: 'x', at: ['cats', 0, 'focuses', 0] },
      { value: 'y', at: ['cats', 0, 'focuses', 1] },
      { value: 'z', at: ['cats', 1, 'focuses', 0] },
    ]);
    assert.deepEqual(valuesAt({ __proto__: 1 }, ['__proto__']), []);
  });
});
