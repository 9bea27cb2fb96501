import { createHash } from 'crypto';
import { readFileSync, realpathSync } from 'fs';
import { withoutBom } from '../core';

/** A file's text as an editor shows it (no BOM), read at once; undefined when it cannot be read. */
export function readTextNow(file: string): string | undefined {
  try {
    return withoutBom(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The path with symbolic links resolved; the path itself when it cannot be resolved. */
export function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/** A short content hash (SHA-256, 32 hex digits), for fingerprints that must match across runs. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
