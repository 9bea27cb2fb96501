/**
 * Whether a regular expression from a workspace's schema can backtrack catastrophically. JavaScript's
 * engine backtracks, and no linear engine is installed, so a `pattern` is refused when a group that
 * repeats without bound could match the same text in more than one way: its body can match nothing
 * (`(a*)*`, `(.*)*`), two of its alternatives can start with the same character (`(a|a)*`,
 * `(a|aa)+`), or a repetition inside it cannot tell from the next character whether to go on or stop
 * (`(a+)+`, `([a-z]+)*`, `(\w+\s?)*`, `(x+x+)+y`). Those are the shapes whose matching time grows
 * exponentially with the input. A body that reads one way only (`(-[a-z]+)*`: a repetition of
 * letters, then the next round starts with `-`, which no letter matches) stays allowed: deciding with
 * one character of look-ahead at every choice is what keeps the number of ways to match to one.
 */
export function unsafePatternReason(pattern: string): string | undefined {
  try {
    return unsafeIn(new Parser(pattern).parse());
  } catch {
    // Not something this reader understands (or nested too deep to walk): ajv reports an invalid
    // pattern itself, and one we cannot read we cannot call safe.
    return /[*+{]/.test(pattern) ? 'a repetition this check cannot read' : undefined;
  }
}

/** Sets of UTF-16 code units as sorted, disjoint, inclusive ranges. */
type CharSet = readonly (readonly [number, number])[];
const MAX = 0xffff;
const ALL: CharSet = [[0, MAX]];
const NONE: CharSet = [];

function union(a: CharSet, b: CharSet): CharSet {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (const [lo, hi] of a) for (const [lo2, hi2] of b) if (lo <= hi2 && lo2 <= hi) return true;
  return false;
}

function complement(a: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of a) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = union(
  [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
  ],
  [[0x61, 0x7a]],
);
const SPACE: CharSet = union(
  [
    [0x09, 0x0d],
    [0x20, 0x20],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
  ],
  [
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ],
);

type Node =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'empty' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number };

/** Repetitions bounded above this count are as dangerous as unbounded ones. */
const UNBOUNDED_ABOVE = 10;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.alternatives();
    if (this.i < this.s.length) throw new Error('unbalanced )');
    return node;
  }

  private alternatives(): Node {
    const options = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(this.s.slice(this.i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return atom;
    if (this.s[this.i] === '?') this.i++; // lazy: the same ways to match, tried in another order
    return this.quantified({ kind: 'repeat', body: atom, min, max });
  }

  private atom(): Node {
    const c = this.s[this.i++];
    if (c === '(') {
      let zeroWidth = false;
      if (this.s[this.i] === '?') {
        const m = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.s.slice(this.i));
        if (!m) throw new Error('unknown group');
        this.i += m[0].length;
        zeroWidth = m[1] === '=' || m[1] === '!' || m[1] === '<=' || m[1] === '<!';
      }
      const inner = this.alternatives();
      if (this.s[this.i++] !== ')') throw new Error('unclosed (');
      // A look-around consumes nothing; what it would match is not part of the ways to match.
      return zeroWidth ? { kind: 'empty' } : inner;
    }
    if (c === '[') return { kind: 'chars', set: this.charClass() };
    if (c === '\\') return this.escape(false);
    if (c === '.') return { kind: 'chars', set: ALL };
    if (c === '^' || c === '$') return { kind: 'empty' };
    if (c === '*' || c === '+' || c === '?') throw new Error('nothing to repeat');
    return { kind: 'chars', set: [[c.charCodeAt(0), c.charCodeAt(0)]] };
  }

  private escape(inClass: boolean): Node {
    const c = this.s[this.i++];
    if (c === undefined) throw new Error('trailing \\');
    const set = (x: CharSet): Node => ({ kind: 'chars', set: x });
    switch (c) {
      case 'd':
        return set(DIGIT);
      case 'D':
        return set(complement(DIGIT));
      case 'w':
        return set(WORD);
      case 'W':
        return set(complement(WORD));
      case 's':
        return set(SPACE);
      case 'S':
        return set(complement(SPACE));
      case 'b':
      case 'B':
        return inClass ? set([[8, 8]]) : { kind: 'empty' };
      case 'n':
        return set([[10, 10]]);
      case 'r':
        return set([[13, 13]]);
      case 't':
        return set([[9, 9]]);
      case 'f':
        return set([[12, 12]]);
      case 'v':
        return set([[11, 11]]);
      case '0':
        return set([[0, 0]]);
      case 'x':
      case 'u': {
        const m =
          c === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.s.slice(this.i)) : /^([0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/.exec(this.s.slice(this.i));
        if (!m) return set([[c.charCodeAt(0), c.charCodeAt(0)]]);
        this.i += m[0].length;
        const code = Math.min(parseInt(m[0].replace(/[{}]/g, ''), 16), MAX);
        return set([[code, code]]);
      }
      case 'p':
      case 'P':
      case 'k':
        // A Unicode property or a named back-reference: anything, to be safe.
        if (this.s[this.i] === '{' || this.s[this.i] === '<')
          this.i = this.s.indexOf(this.s[this.i] === '{' ? '}' : '>', this.i) + 1 || this.s.length;
        return c === 'k' ? { kind: 'repeat', body: set(ALL), min: 0, max: Infinity } : set(ALL);
      default:
        // A back-reference matches text of any length, including none.
        if (/[1-9]/.test(c) && !inClass) {
          while (/\d/.test(this.s[this.i] ?? '')) this.i++;
          return { kind: 'repeat', body: set(ALL), min: 0, max: Infinity };
        }
        return set([[c.charCodeAt(0), c.charCodeAt(0)]]);
    }
  }

  /** After `[`, up to and including `]`. */
  private charClass(): CharSet {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    let out: CharSet = NONE;
    const one = (): CharSet => {
      const c = this.s[this.i++];
      if (c === undefined) throw new Error('unclosed [');
      if (c !== '\\') return [[c.charCodeAt(0), c.charCodeAt(0)]];
      const node = this.escape(true);
      return node.kind === 'chars' ? node.set : ALL;
    };
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new Error('unclosed [');
      const lo = one();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length && lo.length === 1 && lo[0][0] === lo[0][1]) {
        this.i++;
        const hi = one();
        if (hi.length === 1 && hi[0][0] === hi[0][1] && hi[0][0] >= lo[0][0]) out = union(out, [[lo[0][0], hi[0][0]]]);
        else out = union(union(out, lo), union(hi, [[45, 45]]));
      } else out = union(out, lo);
    }
    this.i++;
    return negated ? complement(out) : out;
  }
}

const nullables = new WeakMap<Node, boolean>();
const firsts = new WeakMap<Node, CharSet>();

function nullable(n: Node): boolean {
  let known = nullables.get(n);
  if (known === undefined) nullables.set(n, (known = nullableOf(n)));
  return known;
}

function first(n: Node): CharSet {
  let known = firsts.get(n);
  if (known === undefined) firsts.set(n, (known = firstOf(n)));
  return known;
}

function nullableOf(n: Node): boolean {
  switch (n.kind) {
    case 'chars':
      return false;
    case 'empty':
      return true;
    case 'seq':
      return n.items.every(nullable);
    case 'alt':
      return n.options.some(nullable);
    case 'repeat':
      return n.min === 0 || nullable(n.body);
  }
}

/** The characters a match of `n` can start with. */
function firstOf(n: Node): CharSet {
  switch (n.kind) {
    case 'chars':
      return n.set;
    case 'empty':
      return NONE;
    case 'seq': {
      let out: CharSet = NONE;
      for (const item of n.items) {
        out = union(out, first(item));
        if (!nullable(item)) break;
      }
      return out;
    }
    case 'alt':
      return n.options.reduce((acc, o) => union(acc, first(o)), NONE);
    case 'repeat':
      return n.max === 0 ? NONE : first(n.body);
  }
}

/**
 * Why `n`, followed by something that can start with `follow` (or end), could match one text in
 * more than one way; undefined when every choice it makes is decided by the next character.
 */
function ambiguity(n: Node, follow: CharSet): string | undefined {
  switch (n.kind) {
    case 'chars':
    case 'empty':
      return undefined;
    case 'seq':
      for (let k = 0; k < n.items.length; k++) {
        let after: CharSet = NONE;
        let restNullable = true;
        for (let j = k + 1; j < n.items.length && restNullable; j++) {
          after = union(after, first(n.items[j]));
          restNullable = nullable(n.items[j]);
        }
        const why = ambiguity(n.items[k], restNullable ? union(after, follow) : after);
        if (why) return why;
      }
      return undefined;
    case 'alt': {
      const starts = n.options.map(first);
      for (let a = 0; a < n.options.length; a++)
        for (let b = a + 1; b < n.options.length; b++)
          if (overlaps(starts[a], starts[b]) || (nullable(n.options[a]) && nullable(n.options[b])))
            return 'a repeated group offers alternatives that can match the same text';
      for (let a = 0; a < n.options.length; a++) {
        if (nullable(n.options[a]) && overlaps(starts.reduce(union, NONE), follow))
          return 'a repeated group offers alternatives that can match the same text';
        const why = ambiguity(n.options[a], follow);
        if (why) return why;
      }
      return undefined;
    }
    case 'repeat': {
      if (n.max <= 1 && n.min === n.max) return ambiguity(n.body, follow);
      if (n.max > 1 && nullable(n.body)) return 'a repeated group can match nothing';
      if (n.min < n.max && overlaps(first(n.body), follow)) return 'a repeated group repeats something itself';
      return ambiguity(n.body, n.max > 1 ? union(first(n.body), follow) : follow);
    }
  }
}

/** The first repetition without (practical) bound over a group that could match one text in many ways. */
function unsafeIn(n: Node): string | undefined {
  switch (n.kind) {
    case 'chars':
    case 'empty':
      return undefined;
    case 'seq':
      for (const item of n.items) {
        const why = unsafeIn(item);
        if (why) return why;
      }
      return undefined;
    case 'alt':
      for (const option of n.options) {
        const why = unsafeIn(option);
        if (why) return why;
      }
      return undefined;
    case 'repeat': {
      if (n.max > UNBOUNDED_ABOVE && n.body.kind !== 'chars') {
        if (nullable(n.body)) return 'a repeated group can match nothing';
        const why = ambiguity(n.body, first(n.body));
        if (why) return why;
      }
      return unsafeIn(n.body);
    }
  }
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
