import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { CATEGORIES_FILE, VOCABULARY_FILES, VOCABULARY_NAMES } from '../../server/src/core/vocabulary';
import {
  CATEGORIES_FILE_NAME,
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
    jsonValidation: Array<{ fileMatch: string[] }>;
  };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
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
    const validated = manifest.contributes.jsonValidation.flatMap((v) => v.fileMatch);
    assert.deepStrictEqual(
      validated,
      Object.values(VOCABULARY_FILE_NAMES).map((name) => `**/${name}`),
    );
  });

  it('the request methods keep the names the extension has always sent', () => {
    assert.strictEqual(RenderCardRequest.method, 'resourceAuthoring/renderCard');
    assert.strictEqual(RenderCardRequest.type.method, RenderCardRequest.method);
    assert.strictEqual(FileStatusRequest.method, 'resourceAuthoring/fileStatus');
    assert.strictEqual(FileStatusRequest.type.method, FileStatusRequest.method);
  });
});
