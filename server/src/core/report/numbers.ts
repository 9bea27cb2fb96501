/** Section numbers ("4.3.1") as the report writes them: dotted positive integers. */

export function parts(number: string): number[] {
  return number.split('.').map((p) => Number(p));
}

/** Negative when `a` comes before `b` in the report's numbering (4.2 < 4.2.1 < 4.3 < 4.10). */
export function compareNumbers(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

export function parentOf(number: string): string | null {
  const i = number.lastIndexOf('.');
  return i < 0 ? null : number.slice(0, i);
}

export function isDescendant(number: string, ancestor: string): boolean {
  return number.startsWith(ancestor + '.');
}

/** Strips a written number to its canonical form: "4. 1.4" → "4.1.4", "04.3" → "4.3". */
export function canonicalNumber(written: string): string {
  return written
    .replace(/\s+/g, '')
    .split('.')
    .map((p) => String(Number(p)))
    .join('.');
}
