// `npm run example-workspace`: a fresh copy of the example workspace in .scratch/example-workspace
// (ignored by git), for desktop VS Code's F5 launch, which must not open the committed fixtures.
import * as fs from 'fs';
import * as path from 'path';
import { freshWorkspace } from './workspace';

const root = path.resolve(__dirname, '..', '..', '.scratch');
fs.mkdirSync(root, { recursive: true });
fs.rmSync(path.join(root, 'example-workspace'), { recursive: true, force: true });
console.log(`The example workspace is a fresh copy in ${freshWorkspace(root, 'example-workspace')}`);
