import { strict as assert } from 'assert';
import { parseCmsConfig, pickCmsConfig } from '../../../server/src/core/cms/config';

const CONFIG = `media_folder: src/uploads
public_folder: /uploads
i18n:
  structure: multiple_files
  locales: [en-CA, fr-CA]
  default_locale: en-CA
  omit_default_locale_from_file_path: true
common: &title
  label: Title
  name: title
  hint: Shown on the card.
collections:
  - name: pages
    folder: /src/collections/pages/
    nested: { depth: 2 }
    fields:
      - *title
      - { label: Order, name: menu_order, widget: number, required: false, value_type: int, min: 0 }
      - <<: *title
        name: subtitle
        required: "{{locale}}"
      - label: Level
        name: level
        widget: select
        multiple: true
        options: [Beginner, { label: Expert level, value: expert }]
      - { name: code, pattern: ['^[a-z]+$', 'Lower case only'] }
  - name: meta
    files:
      - name: tags
        file: src/_data/tags.json
        fields:
          - name: tags
            widget: list
            fields: [{ name: value }, { name: label }]
          - name: focus
            widget: relation
            collection: meta
            file: focuses
            value_field: focuses.*.value
            display_fields: [focuses.*.label]
`;

describe('CMS configuration model', () => {
  const config = parseCmsConfig(CONFIG, 'file:///site/admin/config.yml');

  it('reads folder and files collections with their defaults', () => {
    assert.deepEqual(config.syntaxErrors, []);
    assert.equal(config.mediaFolder, 'src/uploads');
    assert.equal(config.publicFolder, '/uploads');
    assert.deepEqual(config.i18n, {
      structure: 'multiple_files',
      locales: ['en-CA', 'fr-CA'],
      defaultLocale: 'en-CA',
      omitDefaultLocaleFromFilePath: true,
    });
    const pages = config.collection('pages')!;
    assert.equal(pages.kind, 'folder');
    assert.equal(pages.folder, 'src/collections/pages');
    assert.equal(pages.extension, 'md');
    assert.deepEqual(pages.nested, { depth: 2 });
    const meta = config.collection('meta')!;
    assert.equal(meta.kind, 'files');
    assert.equal(meta.files[0].file, 'src/_data/tags.json');
    assert.deepEqual(
      meta.files[0].fields[0].fields!.map((f) => f.name),
      ['value', 'label'],
    );
  });

  it('resolves aliases and merge keys, with required true unless false', () => {
    const [title, order, subtitle, level, code] = config.collection('pages')!.fields;
    assert.equal(title.name, 'title');
    assert.equal(title.hint, 'Shown on the card.');
    assert.equal(title.widget, 'string');
    assert.equal(title.required, true);
    assert.equal(order.required, false);
    assert.equal(order.valueType, 'int');
    assert.equal(order.min, 0);
    assert.equal(subtitle.label, 'Title');
    assert.equal(subtitle.name, 'subtitle');
    assert.equal(subtitle.required, true);
    assert.equal(subtitle.requiredRaw, '{{locale}}');
    assert.deepEqual(level.options, [
      { label: 'Beginner', value: 'Beginner' },
      { label: 'Expert level', value: 'expert' },
    ]);
    assert.equal(level.multiple, true);
    assert.deepEqual(code.pattern, { source: '^[a-z]+$', message: 'Lower case only' });
    const focus = config.collection('meta')!.files[0].fields[1];
    assert.equal(focus.valueField, 'focuses.*.value');
    assert.deepEqual(focus.displayFields, ['focuses.*.label']);
  });

  it('keeps the exact span of each key value', () => {
    const order = config.collection('pages')!.fields[1];
    const s = order.spans.get('widget')!;
    assert.equal(CONFIG.slice(s.start, s.end), 'number');
    const sub = config.collection('pages')!.fields[2].spans.get('required')!;
    assert.equal(CONFIG.slice(sub.start, sub.end), '"{{locale}}"');
  });

  it('reports broken YAML with a position and reads no collections', () => {
    const broken = parseCmsConfig('collections:\n  - name: [a\n', 'file:///c.yml');
    assert.equal(broken.collections.length, 0);
    assert.ok(broken.syntaxErrors.length > 0);
    assert.match(broken.syntaxErrors[0].message, /^The CMS configuration is not valid YAML here/);
  });

  it('survives an alias bomb and odd shapes', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    bomb.push('collections: [ { name: x, fields: [ { name: y, default: *m } ] }, 3, null, [1] ]');
    const c = parseCmsConfig(bomb.join('\n'), 'file:///c.yml');
    assert.equal(c.collections.length, 1);
    assert.equal(parseCmsConfig('', 'file:///c.yml').collections.length, 0);
    assert.equal(parseCmsConfig('- 1\n- 2\n', 'file:///c.yml').collections.length, 0);
  });

  it('picks the shallowest configuration outside node_modules', () => {
    assert.equal(
      pickCmsConfig(['node_modules/x/admin/config.yml', 'site/src/admin/config.yml', 'src/admin/config.yaml', 'src/admin/other.yml']),
      'src/admin/config.yaml',
    );
    assert.equal(pickCmsConfig(['README.md']), undefined);
  });
});
