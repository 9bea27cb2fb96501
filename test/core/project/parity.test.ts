import * as assert from 'assert';
import { BASELINED_PREFIX, MemoryWorkspace } from '../../../server/src/core';
import {
  cliFindings,
  cliFixedFiles,
  editorSection,
  FOLDER,
  REPORT,
  resource,
  serverFindings,
  serverWorkspaceFix,
  startServerProject,
  uriOf,
  type Case,
  type Seen,
} from './helpers';

/** A text report as PDF extraction leaves it: chapter 7, numbered headings without `#`. */
const TEXT_REPORT = [
  '7 METHODS',
  '§7.1: Data.',
  '7.1 Data',
  'The hub must protect the privacy of data subjects (§7.1: data).',
  '7.2 Security and privacy',
  'Risk text cites §7.2: security.',
  '',
].join('\n');

const tags = (...values: string[]) =>
  JSON.stringify({ resourceTags: values.map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) })) });

const SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['title', 'link', 'audience'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1 },
    link: { type: 'string', minLength: 1 },
    audience: { type: 'string', enum: ['Public', 'Staff'] },
  },
});

/** A resource of the legacy batch: no readability, an undeclared jurisdiction. */
const legacy = (link: string) =>
  ['---', 'title: "Legacy"', 'focus: Bias', 'source: CRFM', 'type: Blog', `link: ${link}`, 'jurisdiction: EU', '---', 'Body.', ''].join(
    '\n',
  );

const custom = (...lines: string[]) => ['---', ...lines, '---', 'Body.', ''].join('\n');

/** Each workspace, and the codes every file the hosts check must show (a clean file: none). */
const CASES: { name: string; workspace: Case; codes: Record<string, string[]> }[] = [
  {
    name: 'the reproduction: a reports setting that matches nothing means no report, not the default globs',
    workspace: {
      settings: { 'resourceAuthoring.reports': ['docs/*.md'] },
      files: {
        'reports/r.md': '# 9 Elsewhere\n## 9.1 First\nText.\n',
        'resources/cites.md': resource('https://example.org/cites', 'See §9.9 for more.'),
      },
      open: ['resources/cites.md'],
    },
    codes: { 'resources/cites.md': ['no-report'] },
  },
  {
    name: 'reports by setting (with a severity setting); a report the default globs would find is not one',
    workspace: {
      settings: { 'resourceAuthoring.reports': ['docs/**/*.md'], 'resourceAuthoring.severity': { 'section-label-mismatch': 'error' } },
      files: {
        'docs/report.md': REPORT,
        'reports/old.md': '# 4 Old\n## 4.9 Would resolve\nText.\n',
        'resources/a.md': resource('https://example.org/a', 'See §4.3: adaptation, §4.9: robustness and §4.7: robustness.'),
        'resources/b.md': resource('https://example.org/b', 'See §4.8.'),
      },
      open: ['docs/report.md'],
    },
    codes: { 'docs/report.md': [], 'resources/a.md': ['unknown-section', 'section-label-mismatch'], 'resources/b.md': [] },
  },
  {
    name: 'reports by the default globs, Markdown and text',
    workspace: {
      files: {
        'reports/report.md': REPORT,
        'reports/extracted.txt': TEXT_REPORT,
        'resources/a.md': resource('https://example.org/a', 'See §4.3: adaptation and §4.4.'),
        'resources/b.md': resource('https://example.org/b', 'See §7.1: data and §7.2: adaptation.'),
        'notes/c.md': resource('https://example.org/c', 'Not a resource: §4.4 is never checked.'),
      },
      open: ['resources/b.md'],
    },
    codes: {
      'reports/extracted.txt': [],
      'reports/report.md': [],
      'resources/a.md': ['unknown-section'],
      'resources/b.md': ['section-label-mismatch'],
    },
  },
  {
    name: 'a custom schema named by the schema setting',
    workspace: {
      settings: { 'resourceAuthoring.schema': 'config/resource.schema.json' },
      files: {
        'config/resource.schema.json': SCHEMA,
        'resources/a.md': custom('title: A', 'link: https://example.org/a', 'audience: Everyone', 'focus: Bias'),
        'resources/b.md': custom('title: B', 'link: https://example.org/b'),
        'resources/ok.md': custom('title: OK', 'link: https://example.org/ok', 'audience: Staff'),
      },
      open: ['resources/b.md'],
    },
    codes: { 'resources/a.md': ['invalid-value', 'unknown-field'], 'resources/b.md': ['required'], 'resources/ok.md': [] },
  },
  {
    name: 'data files found in the folder (src/_data)',
    workspace: {
      files: {
        'src/_data/resourceTags.json': tags('robots', 'drones'),
        'resources/a.md': resource('https://example.org/a', 'Body.', 'learnTags: [robots, bias]'),
        'resources/b.md': resource('https://example.org/b', 'Body.', 'learnTags: [drones]'),
      },
      open: ['resources/a.md'],
    },
    codes: { 'resources/a.md': ['invalid-value'], 'resources/b.md': [] },
  },
  {
    name: 'a data file named by a setting wins over the one found in the folder',
    workspace: {
      settings: { 'resourceAuthoring.vocabularies.learnTags': 'config/tags.json' },
      files: {
        'config/tags.json': tags('robots'),
        'src/_data/resourceTags.json': tags('drones'),
        'resources/a.md': resource('https://example.org/a', 'Body.', 'learnTags: [robots, drones]'),
        'resources/b.md': resource('https://example.org/b', 'Body.', 'learnTags: [robots]'),
      },
      open: ['resources/b.md'],
    },
    codes: { 'resources/a.md': ['invalid-value'], 'resources/b.md': [] },
  },
  {
    name: 'untrusted: the data files and the schema of the folder are ignored, the bundled ones used',
    workspace: {
      trusted: false,
      settings: { 'resourceAuthoring.schema': 'config/resource.schema.json' },
      files: {
        'config/resource.schema.json': SCHEMA,
        'src/_data/resourceTags.json': tags('robots'),
        'resources/a.md': resource('https://example.org/a', 'Body.', 'learnTags: [robots]'),
        'resources/b.md': resource('https://example.org/b', 'Body.', 'learnTags: [bias]'),
      },
      open: ['resources/a.md'],
    },
    codes: { 'resources/a.md': ['invalid-value'], 'resources/b.md': [] },
  },
  {
    name: 'duplicates across files: each one warned, with related information naming the others',
    workspace: {
      files: {
        'resources/one.md': resource('https://Example.org/same/'),
        'resources/two.md': resource('https://example.org/same'),
        'resources/deep/four.md': resource('https://example.org/same', 'Body.', 'learnTags: [bias, bias]'),
        'resources/three.md': resource('https://example.org/other'),
      },
      open: ['resources/two.md'],
    },
    codes: {
      'resources/deep/four.md': ['duplicate-resource', 'duplicate-value'],
      'resources/one.md': ['duplicate-resource'],
      'resources/three.md': [],
      'resources/two.md': ['duplicate-resource'],
    },
  },
  {
    name: 'a report citing itself: its own references are checked against its own sections',
    workspace: {
      files: {
        'reports/report.md': `${REPORT}Wrong: §4.9: robustness. Mislabelled: §4.7: adaptation.\n`,
        'resources/a.md': resource('https://example.org/a', 'See §4.7: security.'),
      },
      open: ['reports/report.md'],
    },
    codes: { 'reports/report.md': ['unknown-section', 'section-label-mismatch'], 'resources/a.md': [] },
  },
  {
    name: 'suppression comments: silenced findings and duplicates, unused and invalid directives',
    workspace: {
      files: {
        'resources/a.md': resource(
          'https://example.org/dup',
          'Body.',
          '# resource-lint-disable-file duplicate-resource -- the archive copy',
          '# resource-lint-disable-next-line unknown-field',
          'jurisdiction: EU',
        ),
        'resources/b.md': resource('https://example.org/dup'),
        'resources/c.md': [
          '---',
          'title: "C"',
          'focus: Bias',
          'source: CRFM',
          'readability: [Expert]',
          'type: Blog',
          '# resource-lint-disable-next-line duplicate-resource',
          'link: https://example.org/unique',
          '---',
          'Body.',
          '',
        ].join('\r\n'),
        'resources/d.md': resource(
          'https://example.org/d',
          'Body.',
          'keywords: [a] # resource-lint-disable-line unknown-field',
          '# resource-lint-disable',
        ),
        'resources/e.md': `\ufeff${resource('https://example.org/e', 'Body.', '# resource-lint-disable unknown-field', 'old: 1', '# resource-lint-enable', 'new: 2')}`,
      },
      open: ['resources/a.md', 'resources/c.md'],
    },
    codes: {
      'resources/a.md': [],
      'resources/b.md': ['duplicate-resource'],
      'resources/c.md': ['unused-suppression'],
      'resources/d.md': ['unused-suppression', 'invalid-suppression'],
      'resources/e.md': ['unknown-field'],
    },
  },
  {
    name: 'overrides by path from the settings: later entries win, allowFields accepts a field, duplicate-resource follows the file',
    workspace: {
      settings: {
        'resourceAuthoring.severity': { 'unknown-field': 'error' },
        'resourceAuthoring.overrides': [
          { files: ['resources/eds-*.md'], severity: { required: 'warning' }, allowFields: ['jurisdiction'] },
          { files: ['resources/eds-2.md'], severity: { required: 'off' } },
          { files: ['resources/legacy/**'], severity: { 'duplicate-resource': 'off' } },
        ],
      },
      files: {
        'resources/eds-1.md': legacy('https://example.org/eds-1'),
        'resources/eds-2.md': legacy('https://example.org/eds-2'),
        'resources/other.md': resource('https://example.org/dup', 'Body.', 'jurisdiction: EU'),
        'resources/legacy/copy.md': resource('https://example.org/dup'),
      },
      open: ['resources/eds-1.md'],
    },
    codes: {
      'resources/eds-1.md': ['required'],
      'resources/eds-2.md': [],
      'resources/other.md': ['duplicate-resource', 'unknown-field'],
      'resources/legacy/copy.md': [],
    },
  },
  {
    name: 'a checked-in .resource-lint.json (JSONC), with the settings winning key by key',
    workspace: {
      settings: { 'resourceAuthoring.severity': { 'unknown-field': 'error' } },
      files: {
        '.resource-lint.json': [
          '{',
          '  // The legacy batch: no readability, an undeclared jurisdiction.',
          '  "severity": { "unknown-field": "off", "required": "hint" },',
          '  "overrides": [',
          '    { "files": ["resources/eds-*.md"], "allowFields": ["jurisdiction"], "severity": { "required": "information" } },',
          '  ],',
          '}',
          '',
        ].join('\n'),
        'resources/eds-1.md': legacy('https://example.org/eds-1'),
        'resources/other.md': resource('https://example.org/other', 'Body.', 'jurisdiction: EU'),
      },
      open: ['resources/other.md'],
    },
    codes: { 'resources/eds-1.md': ['required'], 'resources/other.md': ['unknown-field'] },
  },
  {
    name: "package.json's resourceAuthoring key, when there is no .resource-lint.json",
    workspace: {
      files: {
        'package.json': JSON.stringify({ name: 'site', resourceAuthoring: { resourceGlobs: ['content/**/*.md'] } }, null, 2),
        'content/a.md': resource('https://example.org/a', 'Body.', 'jurisdiction: EU'),
        'resources/b.md': resource('https://example.org/b', 'Body.', 'jurisdiction: EU'),
      },
    },
    codes: { 'content/a.md': ['unknown-field'] },
  },
];

/** A library with fixable problems in open and closed files, CRLF and BOM, and a report's mislabelled citation. */
const FIXABLE: (typeof CASES)[number] = {
  name: 'a library with fixable problems',
  workspace: {
    files: {
      'reports/report.md': REPORT.replace('§4.8: robustness', '§4.8: adaptation'),
      'resources/crlf.md': `\ufeff${resource('https://example.org/c', 'Body.', 'learnTags: [Robots]').replace(/\n/g, '\r\n')}`.replace(
        '[Expert]',
        '[E]',
      ),
      'resources/open.md': resource('https://example.org/o', 'See §4.3: adaptation.').replace('type: Blog', 'type: blog'),
    },
    open: ['resources/open.md'],
  },
  codes: { 'reports/report.md': [], 'resources/crlf.md': [], 'resources/open.md': [] },
};

const codesOf = (found: Map<string, Seen[]>) => Object.fromEntries([...found].map(([file, seen]) => [file, seen.map((s) => s.code)]));

describe('parity: the server and the CLI find the same problems in every file (in-memory workspace)', () => {
  for (const { name, workspace, codes } of CASES) {
    it(name, async () => {
      const cli = await cliFindings(workspace);
      const server = await serverFindings(workspace);
      assert.deepStrictEqual(cli.problems, [], 'the CLI would stop before checking');
      assert.deepStrictEqual(codesOf(cli.found), codes, 'the CLI checks these files and finds these codes');
      assert.deepStrictEqual(Object.fromEntries(server), Object.fromEntries(cli.found));
    });
  }

  it('overrides and the configuration file set the severities, alike in both', async () => {
    const severities = async (c: Case) => {
      const found = await serverFindings(c);
      assert.deepStrictEqual(Object.fromEntries(found), Object.fromEntries((await cliFindings(c)).found));
      return Object.fromEntries([...found].map(([file, seen]) => [file, seen.map((x) => `${x.code}:${x.severity}`)]));
    };
    const [bySettings, byFile] = CASES.filter((c) => /overrides by path|resource-lint\.json/.test(c.name));
    assert.deepStrictEqual(await severities(bySettings.workspace), {
      'resources/eds-1.md': ['required:warning'],
      'resources/eds-2.md': [],
      'resources/legacy/copy.md': [],
      'resources/other.md': ['duplicate-resource:warning', 'unknown-field:error'],
    });
    assert.deepStrictEqual(await severities(byFile.workspace), {
      'resources/eds-1.md': ['required:information'],
      'resources/other.md': ['unknown-field:error'],
    });
  });

  for (const { name, workspace } of [...CASES, FIXABLE]) {
    it(`fix all in the workspace changes what resource-lint --fix changes: ${name}`, async () => {
      assert.deepStrictEqual(Object.fromEntries(await serverWorkspaceFix(workspace)), Object.fromEntries(await cliFixedFiles(workspace)));
    });
  }

  it('fix all in the workspace has something to change in the fixable library', async () => {
    assert.deepStrictEqual([...(await serverWorkspaceFix(FIXABLE.workspace)).keys()].sort(), Object.keys(FIXABLE.codes).sort());
  });

  it('the reproduction says no-report as information in both, and duplicates name each other', async () => {
    const [repro, , , , , , , duplicates] = CASES;
    for (const found of [(await cliFindings(repro.workspace)).found, await serverFindings(repro.workspace)]) {
      const [seen] = found.get('resources/cites.md')!;
      assert.strictEqual(seen.severity, 'information');
    }
    const [dup] = (await serverFindings(duplicates.workspace)).get('resources/one.md')!;
    assert.deepStrictEqual(
      dup.related?.map((r) => r.file),
      ['resources/deep/four.md', 'resources/two.md'],
    );
  });
});

describe('parity with a baseline: both hosts hold back the same findings', () => {
  const BASELINE = '.resource-lint-baseline.json';
  /** The library when the baseline was recorded: legacy mistakes in two files, one clean file. */
  const THEN: Record<string, string> = {
    'resources/legacy.md': resource('https://example.org/legacy', 'Body.', 'learnTags: [robots]', 'jurisdiction: EU'),
    'resources/dup-a.md': resource('https://example.org/same'),
    'resources/dup-b.md': resource('https://example.org/same', 'Body.', 'learnTags: [bias, bias]'),
    'resources/clean.md': resource('https://example.org/clean'),
  };
  /** Today: lines inserted above the legacy mistakes, CRLF in one file, one mistake fixed, two new ones. */
  const NOW: Record<string, string> = {
    'resources/legacy.md': resource('https://example.org/legacy', 'Body.', 'keywords: [a, b]', 'learnTags: [robots]', 'jurisdiction: EU')
      .replace('title: "A resource"', 'title: "A resource"\nsummary: Added above.')
      .replace(/\n/g, '\r\n'),
    'resources/dup-a.md': resource('https://example.org/same'),
    'resources/dup-b.md': resource('https://example.org/same'),
    'resources/clean.md': resource('https://example.org/clean', 'Body.', 'learnTags: [robots]', 'region: EU'),
  };

  /** The baseline file the CLI would write for THEN. */
  async function recorded(): Promise<string> {
    const workspace = new MemoryWorkspace({ folder: FOLDER, files: THEN, settings: editorSection({}) });
    const { project } = await startServerProject(workspace, { baseline: null });
    const text = project.recordBaseline(Object.keys(THEN).map(uriOf));
    project.dispose();
    return text;
  }

  const caseWith = async (display: string): Promise<Case> => ({
    files: { ...NOW, [BASELINE]: await recorded() },
    settings: { 'resourceAuthoring.baseline': BASELINE, 'resourceAuthoring.baselineFindings': display },
    open: ['resources/legacy.md'],
  });

  const NEW_CODES = {
    'resources/clean.md': ['invalid-value', 'unknown-field'],
    'resources/dup-a.md': [],
    'resources/dup-b.md': [],
    'resources/legacy.md': [],
  };

  it('"hide": the same new findings in both, the baselined ones in neither', async () => {
    const workspace = await caseWith('hide');
    const cli = await cliFindings(workspace);
    const server = await serverFindings(workspace);
    assert.deepStrictEqual(cli.problems, []);
    assert.deepStrictEqual(codesOf(cli.found), NEW_CODES);
    assert.deepStrictEqual(Object.fromEntries(server), Object.fromEntries(cli.found));
  });

  it('"hint": the editor shows the baselined ones as hints besides exactly what the CLI reports', async () => {
    const workspace = await caseWith('hint');
    const cli = await cliFindings(workspace);
    const server = await serverFindings(workspace);
    assert.deepStrictEqual(codesOf(cli.found), NEW_CODES, 'the CLI hides them whatever the setting');
    const baselined = (seen: Seen) => seen.message.startsWith(BASELINED_PREFIX);
    const fresh = new Map([...server].map(([file, seen]) => [file, seen.filter((s) => !baselined(s))]));
    assert.deepStrictEqual(Object.fromEntries(fresh), Object.fromEntries(cli.found));
    const hints = [...server].flatMap(([file, seen]) => seen.filter(baselined).map((s) => `${file} ${s.severity} ${s.code}`));
    assert.deepStrictEqual(hints, [
      'resources/dup-a.md hint duplicate-resource',
      'resources/dup-b.md hint duplicate-resource',
      'resources/legacy.md hint invalid-value',
      'resources/legacy.md hint unknown-field',
    ]);
  });
});
