/**
 * The floor: the least any frontmatter checker must do. Lists the resource files, reads each,
 * splits off the frontmatter, parses it with js-yaml and validates it with one compiled ajv
 * validator of the equivalent schema. No positions, no messages, no workspace checks. The bench
 * bundles this file with esbuild (as our CLI is bundled) and runs it as a cold `node` process:
 *   node floor.js ROOT SCHEMA.json   ->   {"files":1500,"invalid":71,"errors":74}
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

const CLOSE = /^---[ \t]*\r?$/gm;

function frontmatterOf(text: string): string | undefined {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return undefined;
  start = text.indexOf('\n', start) + 1;
  CLOSE.lastIndex = start;
  const end = start > 0 ? CLOSE.exec(text) : null;
  return end ? text.slice(start, end.index) : undefined;
}

function main(): void {
  const [root, schemaFile] = process.argv.slice(2);
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  const dir = path.join(root, 'resources');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
  let invalid = 0;
  let errors = 0;
  for (const f of files) {
    const yaml = frontmatterOf(readFileSync(path.join(dir, f), 'utf8'));
    let data: unknown;
    try {
      data = yaml === undefined ? undefined : load(yaml);
    } catch {
      invalid++;
      errors++;
      continue;
    }
    if (!validate(data)) {
      invalid++;
      errors += validate.errors?.length ?? 1;
    }
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, invalid, errors })}\n`);
}

main();
