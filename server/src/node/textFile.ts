import { createHash } from 'crypto';
import { realpathSync } from 'fs';

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
