import * as assert from 'assert';
import { FileRoles } from '../../client/src/fileRoles';
import { ResourceEditors } from '../../client/src/preview/resourceEditors';
import type { FileRole } from '../../protocol/src/requests';

/** A URI as the client modules see one: a scheme and a string form. */
class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}
const file = (path: string) => new Uri('file', path);

/**
 * A stand-in for the server: records each question and answers only when the test says so, as the
 * real request does some milliseconds later. `undefined` is "no server answered".
 */
class FakeServer {
  readonly asked: string[] = [];
  private readonly waiting: Array<{ uri: string; answer: (role: FileRole | undefined) => void }> = [];
  readonly roles = new Map<string, FileRole>();
  running = true;

  readonly ask = (uri: Uri): Promise<FileRole | undefined> => {
    this.asked.push(uri.toString());
    return new Promise((resolve) => this.waiting.push({ uri: uri.toString(), answer: resolve }));
  };

  /** Answers every question on its way (from `roles`; null for a file it was not told about). */
  async answerAll(): Promise<void> {
    for (const w of this.waiting.splice(0)) w.answer(this.running ? (this.roles.get(w.uri) ?? null) : undefined);
    await new Promise((r) => setImmediate(r));
  }
}

describe('client: what the server says each file is', () => {
  it('asks about a file once, however often and however soon it is asked again', async () => {
    const server = new FakeServer();
    server.roles.set('file://w/resources/a.md', 'resource');
    const roles = new FileRoles(server.ask);
    const a = file('w/resources/a.md');
    assert.strictEqual(roles.peek(a), undefined);
    const first = roles.role(a);
    const second = roles.role(file('w/resources/a.md'));
    await server.answerAll();
    assert.deepStrictEqual([await first, await second], ['resource', 'resource']);
    assert.strictEqual(roles.peek(a), 'resource');
    assert.strictEqual(await roles.role(a), 'resource');
    assert.deepStrictEqual(server.asked, ['file://w/resources/a.md']);
  });

  it('keeps "neither" as an answer, but not "no server answered", nor a failed request', async () => {
    const server = new FakeServer();
    const roles = new FileRoles(server.ask);
    const notes = file('w/notes.md');
    const p = roles.role(notes);
    await server.answerAll();
    assert.strictEqual(await p, null);
    assert.strictEqual(roles.peek(notes), null);

    server.running = false;
    const elsewhere = file('w/resources/b.md');
    const q = roles.role(elsewhere);
    await server.answerAll();
    assert.strictEqual(await q, undefined);
    assert.strictEqual(roles.peek(elsewhere), undefined);

    const failing = new FileRoles<Uri>(() => Promise.reject(new Error('Client is not running')));
    assert.strictEqual(await failing.role(elsewhere), undefined);
    assert.strictEqual(failing.peek(elsewhere), undefined);
  });

  it('forgets one file, or all of them, and then asks again', async () => {
    const server = new FakeServer();
    const roles = new FileRoles(server.ask);
    const a = file('w/resources/a.md');
    const b = file('w/resources/b.md');
    void roles.role(a);
    void roles.role(b);
    await server.answerAll();
    roles.forget(a);
    assert.strictEqual(roles.peek(a), undefined);
    assert.strictEqual(roles.peek(b), null);
    let told = 0;
    const listening = roles.onDidForget(() => told++);
    roles.forgetAll();
    assert.strictEqual(roles.peek(b), undefined);
    assert.strictEqual(told, 1);
    listening.dispose();
    roles.forgetAll();
    assert.strictEqual(told, 1);
    void roles.role(b);
    assert.deepStrictEqual(server.asked, ['file://w/resources/a.md', 'file://w/resources/b.md', 'file://w/resources/b.md']);
  });

  it('drops an answer to a question asked before the settings changed, and asks again', async () => {
    const server = new FakeServer();
    const roles = new FileRoles(server.ask);
    const a = file('w/content/a.md');
    const before = roles.role(a);
    // resourceGlobs now include content/: the question on its way was answered with the old globs.
    roles.forgetAll();
    server.roles.set('file://w/content/a.md', 'resource');
    const after = roles.role(a);
    await server.answerAll();
    assert.strictEqual(await before, undefined);
    assert.strictEqual(await after, 'resource');
    assert.strictEqual(roles.peek(a), 'resource');
    assert.strictEqual(server.asked.length, 2);
  });
});

describe('client: which editors the card preview follows, and which documents the menus offer it for', () => {
  /** The preview manager's side: the open documents, and what it was told. */
  function setup(open: Uri[]) {
    const server = new FakeServer();
    const roles = new FileRoles(server.ask);
    const activated: string[] = [];
    const reported: string[][] = [];
    const documents = [...open];
    const editors = new ResourceEditors(roles, {
      documents: () => documents,
      resourcesChanged: (uris) => reported.push(uris.map(String)),
      resourceActivated: (uri) => activated.push(uri.toString()),
    });
    return { server, roles, editors, activated, reported, documents };
  }
  const a = file('w/resources/a.md');
  const b = file('w/resources/b.md');
  const notes = file('w/notes.md');

  it('an editor not known yet is decided when the server answers; a known one at once, with no request', async () => {
    const t = setup([a, notes]);
    t.server.roles.set(a.toString(), 'resource');
    t.editors.activeChanged(a);
    assert.deepStrictEqual(t.activated, [], 'nothing is decided before the answer');
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, [a.toString()]);

    const asked = t.server.asked.length;
    t.editors.activeChanged(notes);
    t.editors.activeChanged(a);
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, [a.toString(), a.toString()], 'followed again at once when it becomes active again');
    assert.strictEqual(t.server.asked.length, asked + 1, 'only notes.md was asked about');
  });

  it('does not follow a file that is not a resource, nor one whose editor is no longer active when the answer comes', async () => {
    const t = setup([a, b, notes]);
    t.server.roles.set(a.toString(), 'resource');
    t.server.roles.set(b.toString(), 'resource');
    t.editors.activeChanged(notes);
    await t.server.answerAll();
    t.editors.activeChanged(a);
    t.editors.activeChanged(b);
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, [b.toString()]);
  });

  it('asks only about files and untitled documents, never about other schemes (git, output)', async () => {
    const untitled = new Uri('untitled', 'Untitled-1');
    const t = setup([a, new Uri('git', 'w/resources/a.md'), new Uri('output', 'log'), untitled]);
    t.editors.documentsChanged();
    t.editors.activeChanged(new Uri('git', 'w/resources/a.md'));
    await t.server.answerAll();
    assert.deepStrictEqual(t.server.asked, [a.toString(), untitled.toString()]);
    assert.deepStrictEqual(t.activated, []);
  });

  it('reports the open resources as the answers come, once per change, and forgets a closed document', async () => {
    const t = setup([a, notes]);
    t.server.roles.set(a.toString(), 'resource');
    t.server.roles.set(b.toString(), 'resource');
    t.editors.documentsChanged();
    assert.deepStrictEqual(t.reported, [[]], 'nothing known yet');
    await t.server.answerAll();
    assert.deepStrictEqual(t.reported, [[], [a.toString()]]);

    t.documents.push(b);
    t.editors.documentsChanged();
    t.editors.documentsChanged();
    await t.server.answerAll();
    assert.deepStrictEqual(t.reported, [[], [a.toString()], [a.toString(), b.toString()]]);
    assert.deepStrictEqual(t.server.asked, [a.toString(), notes.toString(), b.toString()], 'each document asked about once');

    t.documents.splice(t.documents.indexOf(a), 1);
    t.editors.documentsChanged(a);
    assert.deepStrictEqual(t.reported.at(-1), [b.toString()]);
    assert.strictEqual(t.roles.peek(a), undefined, "the closed document's answer is dropped");
  });

  it('with no server yet, decides the active editor and the menus once one starts', async () => {
    const t = setup([a]);
    t.server.roles.set(a.toString(), 'resource');
    t.server.running = false;
    t.editors.documentsChanged();
    t.editors.activeChanged(a);
    await t.server.answerAll();
    assert.deepStrictEqual([t.activated, t.reported], [[], [[]]]);

    t.server.running = true;
    t.roles.forgetAll();
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, [a.toString()]);
    assert.deepStrictEqual(t.reported, [[], [a.toString()]]);
  });

  it('after a settings change, keeps the menus as they were until the new answers replace them', async () => {
    const t = setup([a, b]);
    t.server.roles.set(a.toString(), 'resource');
    t.editors.documentsChanged();
    await t.server.answerAll();
    assert.deepStrictEqual(t.reported, [[], [a.toString()]]);

    // resourceGlobs now name b.md and no longer a.md.
    t.server.roles.delete(a.toString());
    t.server.roles.set(b.toString(), 'resource');
    t.roles.forgetAll();
    assert.strictEqual(t.reported.length, 2, 'no empty list while the answers are on their way');
    await t.server.answerAll();
    assert.deepStrictEqual(t.reported.at(-1), [b.toString()]);
    assert.deepStrictEqual(t.activated, [], 'a settings change moves no preview by itself');
  });

  it('after a settings change, follows the active editor if it has just become a resource, and only then', async () => {
    const t = setup([a, notes]);
    t.server.roles.set(a.toString(), 'resource');
    t.editors.activeChanged(notes);
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, []);

    // resourceGlobs now name notes.md: its editor, still active, is followed.
    t.server.roles.set(notes.toString(), 'resource');
    t.roles.forgetAll();
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, [notes.toString()]);

    // Another change that leaves it a resource (or a server restart) does not follow it again,
    // so a preview the author closed is not opened again behind their back.
    t.roles.forgetAll();
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, [notes.toString()]);

    // Once it is no resource, and then one again: followed again.
    t.server.roles.delete(notes.toString());
    t.roles.forgetAll();
    await t.server.answerAll();
    t.server.roles.set(notes.toString(), 'resource');
    t.roles.forgetAll();
    await t.server.answerAll();
    assert.deepStrictEqual(t.activated, [notes.toString(), notes.toString()]);
  });

  it('stops listening when disposed', async () => {
    const t = setup([a]);
    t.editors.dispose();
    t.roles.forgetAll();
    assert.deepStrictEqual(t.server.asked, []);
  });
});
