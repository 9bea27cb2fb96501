import * as assert from 'assert';
import { DIAGNOSTIC_CODES, MemoryWorkspace, type Project } from '../../../server/src/core';
import { editorSection, FOLDER, resource, seenIn, startServerProject, until } from './helpers';

const UNKNOWN = resource('https://example.org/a', 'Body.', 'jurisdiction: EU');
/** A resource of the legacy batch: no readability, an undeclared jurisdiction. */
const legacy = (link: string) =>
  ['---', 'title: "Legacy"', 'focus: Bias', 'source: CRFM', 'type: Blog', `link: ${link}`, 'jurisdiction: EU', '---', ''].join('\n');

/** Each file's problems as `code:severity`. */
const shown = (project: Project, rel: string) => seenIn(project, rel)?.map((s) => `${s.code}:${s.severity}`);

describe('the configuration file (.resource-lint.json, package.json) and overrides, on the in-memory workspace', () => {
  let project: Project | undefined;
  afterEach(() => project?.dispose());

  const start = async (files: Record<string, string>, settings: Record<string, unknown> = {}, trusted = true) => {
    const ws = new MemoryWorkspace({ folder: FOLDER, files, settings: editorSection(settings), trusted });
    const started = await startServerProject(ws);
    project = started.project;
    return { ws, project: started.project, logger: started.logger };
  };

  it('overrides: a later entry wins over an earlier one, each over the folder-wide severity', async () => {
    const { project } = await start(
      {
        'resources/legacy/a.md': legacy('https://example.org/a'),
        'resources/legacy/keep/b.md': legacy('https://example.org/b'),
        'resources/c.md': legacy('https://example.org/c'),
      },
      {
        'resourceAuthoring.severity': { required: 'hint' },
        'resourceAuthoring.overrides': [
          { files: ['resources/legacy/**'], severity: { required: 'warning', 'unknown-field': 'off' } },
          { files: ['resources/legacy/keep/*.md'], severity: { required: 'error' } },
        ],
      },
    );
    assert.deepStrictEqual(shown(project, 'resources/legacy/a.md'), ['required:warning']);
    assert.deepStrictEqual(
      shown(project, 'resources/legacy/keep/b.md'),
      ['required:error'],
      'the first entry still turns unknown-field off',
    );
    assert.deepStrictEqual(shown(project, 'resources/c.md'), ['required:hint', 'unknown-field:warning']);
  });

  it('allowFields: no unknown-field for the field, none in the card, no fix renaming it; other unknown fields still reported', async () => {
    const text = resource('https://example.org/a', 'Body.', 'jurisdiction: EU', 'regoin: EU');
    const { ws, project } = await start(
      { 'resources/eds-1.md': text },
      { 'resourceAuthoring.overrides': [{ files: ['resources/eds-*.md'], allowFields: ['jurisdiction'] }] },
    );
    const [only] = seenIn(project, 'resources/eds-1.md')!;
    assert.strictEqual(only.code, 'unknown-field');
    assert.match(only.message, /regoin/);
    ws.openDocumentWith('resources/eds-1.md');
    const uri = ws.uri('resources/eds-1.md');
    assert.deepStrictEqual(
      (await project.renderCard(uri))?.problems.map((p) => p.message),
      [only.message],
      "the card's problem strip",
    );
    const edits = JSON.stringify(project.codeActions(uri, only.range, project.diagnostics(uri)!.diagnostics));
    assert.ok(!edits.includes('jurisdiction'), 'no fix touches the allowed field');
  });

  it('the file is read when the project loads; the settings win key by key, the file fills in the rest', async () => {
    const { project, logger } = await start(
      {
        '.resource-lint.json': '{ "severity": { "unknown-field": "error" }, "resourceGlobs": ["content/**/*.md"], }\n',
        'content/a.md': UNKNOWN,
      },
      { 'resourceAuthoring.severity': { 'unknown-field': 'information' } },
    );
    assert.deepStrictEqual(shown(project, 'content/a.md'), ['unknown-field:information']);
    assert.deepStrictEqual(project.configuration.settings.resourceGlobs, ['content/**/*.md']);
    assert.deepStrictEqual(project.lastLoad?.settingsProblems, []);
    assert.deepStrictEqual(
      logger.lines.filter((l) => l.startsWith('warn')),
      [],
    );
  });

  it(".resource-lint.json wins over package.json's key, which is read only without it", async () => {
    const pkg = JSON.stringify({ name: 'site', resourceAuthoring: { severity: { 'unknown-field': 'error' } } });
    const both = await start({
      '.resource-lint.json': '{ "severity": { "unknown-field": "hint" } }',
      'package.json': pkg,
      'resources/a.md': UNKNOWN,
    });
    assert.deepStrictEqual(shown(both.project, 'resources/a.md'), ['unknown-field:hint']);
    both.project.dispose();
    const onlyPackage = await start({ 'package.json': pkg, 'resources/a.md': UNKNOWN });
    assert.deepStrictEqual(shown(onlyPackage.project, 'resources/a.md'), ['unknown-field:error']);
  });

  it('a change of the file (written, created, deleted) reloads and checks again', async () => {
    const { ws, project } = await start({ 'resources/a.md': UNKNOWN });
    const rel = 'resources/a.md';
    assert.deepStrictEqual(shown(project, rel), ['unknown-field:warning']);
    const look = (want: string[]) =>
      until(
        project,
        () => JSON.stringify(shown(project, rel)) === JSON.stringify(want),
        want.join(),
        () => shown(project, rel),
      );
    let next = look(['unknown-field:error']);
    ws.writeFile('.resource-lint.json', '{ "severity": { "unknown-field": "error" } }');
    await next;
    next = look([]);
    ws.writeFile('.resource-lint.json', '{ "overrides": [{ "files": ["resources/*.md"], "allowFields": ["jurisdiction"] }] }');
    await next;
    next = look(['unknown-field:warning']);
    ws.deleteFile('.resource-lint.json');
    await next;
    next = look(['unknown-field:hint']);
    ws.writeFile('package.json', JSON.stringify({ resourceAuthoring: { severity: { 'unknown-field': 'hint' } } }));
    await next;
  });

  it('a bad file is a settings problem naming the file and the line; its valid keys still apply', async () => {
    const text = [
      '{',
      '  // comments are allowed',
      '  "severity": { "unknown-field": "error", "no-such-code": "off" },',
      '  "overides": [],',
      '  "overrides": [',
      '    { "files": "resources/*.md", "severity": { "required": "loud" } },',
      '  ],',
      '  "vocabularies": { "focus": 3, "colour": "x.json" },',
      '}',
    ].join('\n');
    const { project } = await start({ '.resource-lint.json': text, 'resources/a.md': UNKNOWN });
    assert.deepStrictEqual(
      project.lastLoad?.settingsProblems.map((p) => p.message),
      [
        ".resource-lint.json line 4: overides: 'overides' is not a setting (the keys: resourceGlobs, reports, vocabularies.learnTags, vocabularies.focus, vocabularies.type, schema, severity, workspaceDiagnostics, overrides, baseline, baselineFindings, card.template, card.stylesheets, card.fields, limits.fileSize, limits.frontmatterSize, vocabularies, card, limits, $schema).",
        ".resource-lint.json line 8: vocabularies.colour: 'colour' is not a vocabulary (use learnTags, focus, type).",
        '.resource-lint.json line 8: vocabularies.focus: should be a path (a string), not 3.',
        `.resource-lint.json line 3: severity.no-such-code: 'no-such-code' is not a diagnostic code (the codes: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}).`,
        '.resource-lint.json line 6: overrides[0].files: should be a non-empty list of glob patterns (strings), not "resources/*.md".',
        '.resource-lint.json line 6: overrides[0].severity.required: "loud" is not a severity (use error, warning, information, hint or off).',
      ],
    );
    assert.deepStrictEqual(shown(project, 'resources/a.md'), ['unknown-field:error']);
  });

  it('invalid JSONC, and a package.json key that is not an object, say where', async () => {
    const broken = await start({ '.resource-lint.json': '{\n  "severity": {\n    "required": "hint"\n  \n', 'resources/a.md': UNKNOWN });
    assert.deepStrictEqual(
      broken.project.lastLoad?.settingsProblems.map((p) => p.message),
      ['.resource-lint.json line 5: is not valid JSON (CloseBraceExpected).'],
    );
    broken.project.dispose();
    const pkg = await start({ 'package.json': '{\n  "name": "site",\n  "resourceAuthoring": ["x"]\n}\n', 'resources/a.md': UNKNOWN });
    assert.deepStrictEqual(
      pkg.project.lastLoad?.settingsProblems.map((p) => p.message),
      ['package.json line 3: resourceAuthoring should be an object of settings, such as {"severity": {"unknown-field": "off"}}.'],
    );
  });

  it('in Restricted Mode the file is not read, and the log says so', async () => {
    const { project, logger } = await start(
      { '.resource-lint.json': '{ "severity": { "unknown-field": "error" } }', 'resources/a.md': UNKNOWN },
      {},
      false,
    );
    assert.deepStrictEqual(shown(project, 'resources/a.md'), ['unknown-field:warning']);
    assert.ok(
      logger.lines.includes('warn: Not reading .resource-lint.json because the workspace is not trusted (Restricted Mode).'),
      logger.lines.join('\n'),
    );
    assert.ok(project.lastLoad?.untrustedNotes.some((n) => n.includes('.resource-lint.json')));
  });
});
