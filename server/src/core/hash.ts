/**
 * A 64-bit FNV-1a-style hash of a string's UTF-16 code units as 16 hex digits: two 32-bit lanes with
 * different offsets and multipliers. Pure and fast; for telling whether a text or a configuration
 * changed, not for security.
 */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  b ^= b >>> 15;
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
