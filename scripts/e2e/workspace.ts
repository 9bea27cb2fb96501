// The example workspace (test/e2e/workspace) is committed test data: the e2e suite asserts on its
// exact content. Whatever opens it in an editor opens a fresh copy, since the web editor autosaves:
// an author trying the README's quick fix in `npm start` would otherwise edit the fixtures and break
// `npm run test:e2e`.
import * as fs from 'fs';
import * as path from 'path';

export const EXAMPLE_WORKSPACE = path.resolve(__dirname, '..', '..', 'test', 'e2e', 'workspace');

/** Copies `source` (the example workspace) to `root/name`, which must not exist yet, and returns that path. */
export function freshWorkspace(root: string, name = 'workspace', source = EXAMPLE_WORKSPACE): string {
  const dir = path.join(root, name);
  fs.cpSync(source, dir, { recursive: true, errorOnExist: true, force: false });
  return dir;
}
