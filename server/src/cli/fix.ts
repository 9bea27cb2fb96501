import { promises as fs } from 'fs';
import type { Configuration } from '../core/configuration';
import { findingOfDiagnostic } from '../core/findingLink';
import { fixUntilStable, hasPreferredFix, type Analyze } from '../core/fixes';
import { writeFileAtomic } from './io';
import type { FixSupport } from './lint';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * `--fix` with the editor's own "fix all" (server/src/core/fixes, `fixUntilStable`): the preferred,
 * never-deleting fix of every problem, pass after pass until nothing fixable is left. Here the file
 * is only written.
 */
export function createFixSupport(config: Configuration, analyze: Analyze, warn: (message: string) => void): FixSupport {
  return {
    fixable(diagnostic, analysis) {
      const finding = findingOfDiagnostic(analysis, diagnostic);
      return finding !== undefined && hasPreferredFix(finding, analysis, config);
    },

    async fix({ path, text, analysis }) {
      const { analysis: current, resolved: fixes } = fixUntilStable(analysis, config, analyze);
      if (current.parsed.text === text) return { analysis: current, fixes: 0, written: false };
      try {
        if (!(await writeFixed(path, text, current.parsed.text))) {
          warn(`${path}: not fixed, the file changed on disk or is not valid UTF-8 where the fixes go.`);
          return { analysis, fixes: 0, written: false };
        }
      } catch (e) {
        warn(`${path}: could not write the fixes (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
        return { analysis, fixes: 0, written: false };
      }
      return { analysis: current, fixes, written: true };
    },
  };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Writes `fixed` over the file whose (BOM-less) text was `original`, changing only the bytes that
 * differ: the unchanged tail is copied from the file's own bytes, so a body that is not valid UTF-8
 * survives untouched. False (nothing written) when the file's bytes before that tail are not
 * `original` any more.
 */
async function writeFixed(file: string, original: string, fixed: string): Promise<boolean> {
  const bytes = await fs.readFile(file);
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  let same = 0;
  const most = Math.min(original.length, fixed.length);
  while (same < most && original.charCodeAt(original.length - 1 - same) === fixed.charCodeAt(fixed.length - 1 - same)) same++;
  if (same > 0 && same < original.length && isLowSurrogate(original.charCodeAt(original.length - same))) same--;
  const oldHead = Buffer.from(original.slice(0, original.length - same), 'utf8');
  if (!body.subarray(0, oldHead.length).equals(oldHead)) return false;
  const newHead = Buffer.from(fixed.slice(0, fixed.length - same), 'utf8');
  await writeFileAtomic(file, Buffer.concat([bom ? UTF8_BOM : Buffer.alloc(0), newHead, body.subarray(oldHead.length)]));
  return true;
}
