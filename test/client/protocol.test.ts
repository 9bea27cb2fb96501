import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, SETTINGS_KEYS } from '../../server/src/core/settings';
import { CATEGORIES_FILE, VOCABULARY_FILES, VOCABULARY_NAMES } from '../../server/src/core/vocabulary';
import {
  CATEGORIES_FILE_NAME,
  CONFIG_FILE_NAME,
  DATA_FILE_NAMES,
  DEFAULT_REPORT_GLOBS,
  DEFAULT_RESOURCE_GLOBS,
  SETTINGS_SECTION,
  VOCABULARY_FILE_NAMES,
  settingId,
} from '../../protocol/src/names';
import { FileStatusRequest, RenderCardRequest } from '../../protocol/src/requests';

interface Manifest {
  contributes: {
    configuration: { properties: Record<string, { default?: unknown }> };
    jsonValidation: Array<{ fileMatch: string[]; url: string }>;
  };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

interface FileSchema {
  additionalProperties: boolean;
  properties: Record<string, { properties?: Record<string, unknown> }>;
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('the protocol module: names the extension manifest, the client and the server share', () => {
  it('package.json contributes the settings under the section, with the defaults the server and the CLI use', () => {
    assert.deepStrictEqual(properties[settingId('resourceGlobs')].default, [...DEFAULT_RESOURCE_GLOBS]);
    assert.deepStrictEqual(properties[settingId('reports')].default, [...DEFAULT_REPORT_GLOBS]);
    assert.deepStrictEqual(DEFAULT_SETTINGS.resourceGlobs, [...DEFAULT_RESOURCE_GLOBS]);
    assert.deepStrictEqual(DEFAULT_SETTINGS.reports, [...DEFAULT_REPORT_GLOBS]);
    for (const key of Object.keys(properties)) assert.ok(key.startsWith(`${SETTINGS_SECTION}.`), key);
    for (const key of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) assert.ok(key in properties, key);
  });

  it("the data-file names: the core's, the bundled defaults' and the files the manifest validates", () => {
    assert.deepStrictEqual(
      VOCABULARY_NAMES.map((n) => VOCABULARY_FILES[n].file),
      Object.values(VOCABULARY_FILE_NAMES),
    );
    assert.strictEqual(CATEGORIES_FILE, CATEGORIES_FILE_NAME);
    assert.deepStrictEqual([...DATA_FILE_NAMES].sort(), fs.readdirSync(path.resolve(__dirname, '../../data/vocabularies')).sort());
    const validated = manifest.contributes.jsonValidation
      .filter((v) => v.url.endsWith('/vocabulary.schema.json'))
      .flatMap((v) => v.fileMatch);
    assert.deepStrictEqual(
      validated,
      Object.values(VOCABULARY_FILE_NAMES).map((name) => `**/${name}`),
    );
  });

  it('.resource-lint.json: the manifest validates it with a schema whose keys are the settings the server reads, defined as in the settings', () => {
    const validation = manifest.contributes.jsonValidation.find((v) => v.fileMatch.includes(CONFIG_FILE_NAME));
    assert.ok(validation, 'no jsonValidation for .resource-lint.json');
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', validation.url), 'utf8')) as FileSchema;
    const inFile: [string, unknown][] = Object.entries(schema.properties).flatMap(([key, value]): [string, unknown][] =>
      key === 'vocabularies' || key === 'card' || key === 'limits'
        ? Object.entries(value.properties ?? {}).map(([k, v]): [string, unknown] => [`${key}.${k}`, v])
        : [[key, value]],
    );
    const keys = inFile.map(([key]) => key).filter((k) => k !== '$schema');
    assert.deepStrictEqual([...keys].sort(), [...SETTINGS_KEYS].sort());
    // The editor's settings the server reads are the file's keys; preview.* is the extension's own.
    const serverSettings = Object.keys(properties)
      .map((k) => k.slice(SETTINGS_SECTION.length + 1))
      .filter((k) => !k.startsWith('preview.'));
    assert.deepStrictEqual([...serverSettings].sort(), [...SETTINGS_KEYS].sort());
    for (const [key, definition] of inFile) if (key !== '$schema') assert.deepStrictEqual(definition, properties[settingId(key)], key);
    assert.strictEqual(schema.additionalProperties, false);
  });

  it('the request methods keep the names the extension has always sent', () => {
    assert.strictEqual(RenderCardRequest.method, 'resourceAuthoring/renderCard');
    assert.strictEqual(RenderCardRequest.type.method, RenderCardRequest.method);
    assert.strictEqual(FileStatusRequest.method, 'resourceAuthoring/fileStatus');
    assert.strictEqual(FileStatusRequest.type.method, FileStatusRequest.method);
  });
});
