/**
 * Strings kept for a whole library (the CLI keeps every finding until it prints them): a slice of a
 * file's text keeps the whole text alive, a string built by concatenation keeps its parts, and the
 * same message is built afresh in every file of a batch that shares a problem. These keep one flat
 * copy of each.
 */

/** A copy of `s` that refers to nothing else: no slice of a larger string, no tree of concatenated parts. */
export function flatString(s: string): string {
  return s.length === 0 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** One flat copy per distinct string, up to `limit` distinct strings (beyond it, flat copies only). */
export class Interner {
  private readonly known = new Map<string, string>();

  constructor(private readonly limit = 20_000) {}

  intern(s: string): string {
    const hit = this.known.get(s);
    if (hit !== undefined) return hit;
    const flat = flatString(s);
    if (this.known.size < this.limit) this.known.set(flat, flat);
    return flat;
  }
}
