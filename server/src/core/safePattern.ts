/**
 * Whether a regular expression from a workspace's schema can backtrack catastrophically. JavaScript's
 * engine backtracks, and no linear engine is installed, so a `pattern` is refused when a repeated
 * group itself repeats something or offers alternatives (`(a+)+`, `(a|aa)*`, `(\w+\s?)*`): the shapes
 * whose matching time grows exponentially with the input. A star height of one stays allowed.
 */
export function unsafePatternReason(pattern: string): string | undefined {
  interface Group {
    repeats: boolean;
    alternates: boolean;
  }
  const stack: Group[] = [{ repeats: false, alternates: false }];
  let lastClosed: Group | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const top = stack[stack.length - 1];
    if (c === '\\') {
      i++;
      lastClosed = undefined;
      continue;
    }
    if (c === '[') {
      // A character class: its content is one atom.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      lastClosed = undefined;
      continue;
    }
    if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      lastClosed = undefined;
      continue;
    }
    if (c === ')') {
      const closed = stack.length > 1 ? stack.pop()! : top;
      const parent = stack[stack.length - 1];
      // What a group holds counts for the groups around it.
      parent.repeats ||= closed.repeats;
      lastClosed = closed;
      continue;
    }
    if (c === '|') {
      top.alternates = true;
      lastClosed = undefined;
      continue;
    }
    const quantifier = c === '*' || c === '+' || (c === '{' && /^\{\d*,?\d*\}/.test(pattern.slice(i)));
    if (quantifier) {
      const unbounded = c !== '{' || /^\{\d*,\}/.test(pattern.slice(i)) || Number(/^\{\d*,?(\d*)\}/.exec(pattern.slice(i))?.[1] ?? 0) > 10;
      if (lastClosed && unbounded && (lastClosed.repeats || lastClosed.alternates)) {
        return lastClosed.repeats ? 'a repeated group repeats something itself' : 'a repeated group offers alternatives';
      }
      top.repeats = true;
      if (c === '{') i = pattern.indexOf('}', i);
      lastClosed = undefined;
      continue;
    }
    if (c !== '?') lastClosed = undefined;
  }
  return undefined;
}

/** Every `pattern` (and `patternProperties` key) of a schema, with where it is, for the check above. */
export function schemaPatterns(node: unknown, at = ''): { pattern: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => schemaPatterns(n, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const out: { pattern: string; at: string }[] = [];
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'pattern' && typeof v === 'string') out.push({ pattern: v, at: `${at}/pattern` });
    if (k === 'patternProperties' && v && typeof v === 'object') {
      for (const key of Object.keys(v)) out.push({ pattern: key, at: `${at}/patternProperties` });
    }
    out.push(...schemaPatterns(v, `${at}/${k}`));
  }
  return out;
}
