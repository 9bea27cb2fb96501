import * as assert from 'assert';
import { MemoryWorkspace } from '../../server/src/core';
import { createConfiguration } from '../../server/src/core/configuration';
import { noVotes } from '../../server/src/core/completionStyle';
import { fileStem, namesCarryType, resourcesCollection, slugify } from '../../server/src/core/project/newResource';
import { analyzeText, toDiagnostics } from '../../server/src/core/service';
import { resourceSkeleton } from '../../server/src/core/skeleton';
import { editorSection, FOLDER, resource, startServerProject, uriOf } from './project/helpers';

/** A snippet as Tab-through-and-accept leaves it: each placeholder's text, each choice's first value. */
function expand(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_m, text: string) => text.replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)*\|\}/g, (_m, first: string) => first.replace(/\\(.)/g, '$1'))
    .replace(/\$0/g, '');
}

const CMS = `backend:\n  name: git-gateway\ncollections:\n  - name: pages\n    folder: src/pages\n  - name: resources\n    label: Resources\n    folder: src/collections/resources\n    fields:\n      - {name: title}\n`;

describe('a new resource: the skeleton, its file name (New Resource, an empty file)', () => {
  it('slugs titles as the CMS does: lower case ASCII, accents dropped, hyphens', () => {
    assert.strictEqual(slugify('Équité & IA: a Primer (2nd ed.)'), 'equite-ia-a-primer-2nd-ed');
    assert.strictEqual(slugify('  ***  '), 'resource');
    assert.strictEqual(fileStem('Foundation Models', 'PDF Article'), 'foundation-models-pdf-article');
  });

  it('reads the resources collection of the CMS configuration and tells names that carry their type', () => {
    assert.deepStrictEqual(resourcesCollection(CMS), { folder: 'src/collections/resources', slug: undefined, extension: undefined });
    assert.strictEqual(resourcesCollection('collections: 3'), undefined);
    assert.ok(
      namesCarryType([
        { name: 'a-pdf-article.md', type: 'PDF Article' },
        { name: 'b-blog-1.md', type: 'Blog' },
        { name: 'c.md', type: 'Video' },
      ]),
    );
    assert.ok(
      !namesCarryType([
        { name: 'a.md', type: 'PDF Article' },
        { name: 'b-blog.md', type: 'Blog' },
      ]),
    );
  });

  it('fills every required field in the library style, choices for the closed sets; accepted as it is, no problems', () => {
    const config = createConfiguration();
    const snippet = resourceSkeleton(
      config,
      { ...noVotes(), double: 5, block: 3 },
      { title: 'A $5 "guide"', link: 'https://example.org/g' },
    );
    const lines = snippet.split('\n');
    assert.deepStrictEqual(lines.map((l) => /^(\w+):/.exec(l)?.[1]).filter(Boolean), [
      'title',
      'focus',
      'source',
      'readability',
      'type',
      'link',
    ]);
    // Snippet escapes over YAML's: the title reads `"A $5 \"guide\""` once inserted.
    assert.strictEqual(lines[1], 'title: "${1:A \\$5 \\\\"guide\\\\"}"');
    assert.match(snippet, /\nfocus: "\$\{2\|[^|]+,[^|]+\|\}"\n/);
    assert.match(snippet, /\nreadability:\n {2}- "\$\{4\|Beginner,Intermediate,Expert\|\}"\n/);
    assert.match(snippet, /\nlink: \$\{6:https:\/\/example.org\/g\}\n---\n\$0\n$/);
    const text = expand(snippet);
    const analysis = analyzeText(text, config);
    assert.deepStrictEqual(
      toDiagnostics(analysis, config).map((d) => d.message),
      [],
      text,
    );

    const flow = resourceSkeleton(config, { ...noVotes(), plain: 4, flow: 2 }, { type: 'Video' });
    assert.match(flow, /\nreadability: \[\$\{4\|Beginner,Intermediate,Expert\|\}\]\n/);
    assert.match(flow, /\ntype: \$\{5\|Video,/, 'the chosen type first');
  });

  it('New Resource: the CMS folder, the type suffix the library uses, a numeric suffix when taken', async () => {
    const typed = (link: string, type: string) => resource(link).replace('type: Blog', `type: "${type}"`);
    const ws = new MemoryWorkspace({
      folder: FOLDER,
      settings: editorSection({}),
      files: {
        'src/admin/config.yml': CMS,
        'src/collections/resources/one-pdf-article.md': typed('https://example.org/1', 'PDF Article'),
        'src/collections/resources/two-blog.md': typed('https://example.org/2', 'Blog'),
        'src/collections/resources/fairness-in-ml-blog.md': typed('https://example.org/3', 'Blog'),
      },
    });
    const { project } = await startServerProject(ws);
    try {
      const first = await project.newResource({ title: 'Fairness in ML' });
      assert.strictEqual(first.kind, 'needsType');
      assert.match(
        first.kind === 'needsType' ? first.rule : '',
        /the type's .*src\/collections\/resources \(the CMS configuration's resources folder\)/,
      );
      const ready = await project.newResource({ title: 'Fairness in ML', type: 'Blog', link: 'https://example.org/new' });
      assert.strictEqual(ready.kind, 'ready');
      if (ready.kind !== 'ready') return;
      assert.strictEqual(ready.uri, uriOf('src/collections/resources/fairness-in-ml-blog-1.md'));
      assert.match(ready.snippet, /^---\ntitle: "\$\{1:Fairness in ML\}"\n/);
      assert.match(ready.snippet, /\ntype: \$\{5\|Blog,/, 'plain scalars, as the library writes them');
    } finally {
      project.dispose();
    }
  });

  it('New Resource without a CMS configuration: where most resources are, the title alone when names do not carry the type', async () => {
    const ws = new MemoryWorkspace({
      folder: FOLDER,
      settings: editorSection({}),
      files: { 'resources/a.md': resource('https://example.org/1'), 'resources/b.md': resource('https://example.org/2') },
    });
    const { project } = await startServerProject(ws);
    try {
      const ready = await project.newResource({ title: 'A' });
      assert.strictEqual(ready.kind === 'ready' ? ready.uri : ready.kind, uriOf('resources/a-1.md'));
      assert.deepStrictEqual(await project.newResource({ title: '  ' }), { kind: 'unavailable', reason: 'A new resource needs a title.' });
    } finally {
      project.dispose();
    }
  });

  it('an empty resource file offers the skeleton as its first completion', async () => {
    const ws = new MemoryWorkspace({
      folder: FOLDER,
      settings: editorSection({}),
      files: { 'resources/a.md': resource('https://example.org/1') },
    });
    const { project } = await startServerProject(ws);
    try {
      ws.openDocumentWith('resources/new.md', '');
      const list = project.completion(uriOf('resources/new.md'), { line: 0, character: 0 });
      const first = list!.items[0];
      assert.strictEqual(first.label, 'New resource frontmatter');
      assert.strictEqual(first.insertTextFormat, 2);
      assert.match(first.insertText!, /^---\ntitle: "\$\{1:Title\}"\nfocus: /);
      ws.openDocumentWith('resources/b.md', '---\n');
      assert.ok(!project.completion(uriOf('resources/b.md'), { line: 1, character: 0 })!.items.some((i) => i.label === first.label));
    } finally {
      project.dispose();
    }
  });
});
