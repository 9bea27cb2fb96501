import type { State } from 'js-yaml';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * The `yaml` Document of a frontmatter, built from the events js-yaml reports while the fast path
 * parses it, so a file with findings needs no second, full parse for its positions. Each node gets
 * the range the full parse gives it (`[start, valueEnd, valueEnd]`: the checks and fixes read the
 * first two), its scalar style, its value and, for lists and maps, its flow style.
 *
 * Only for texts where the two parsers are known to agree (the fast path's guards) and where
 * nothing needs more than these: `null` for a comment, a tag, an empty value, a key that is not a
 * plain string, or any event sequence of a shape it does not expect. The caller then parses fully.
 */

interface Frame {
  open: number;
  children: Built[];
}

interface Built {
  node: Node;
  kind: string;
  result: unknown;
}

/**
 * Records js-yaml's events as they come (a few numbers each: most texts are clean and never need
 * the nodes); `document()` replays them into nodes when a text has findings.
 */
export class EventRecorder {
  /** Per event: the position, and for a close its kind, result and tag (`undefined` for an open). */
  private readonly positions: number[] = [];
  private readonly closes: ({ kind: string | null; result: unknown; tag: string | null } | undefined)[] = [];

  constructor(private readonly source: string) {}

  readonly listener = (type: 'open' | 'close', state: State): void => {
    this.positions.push(state.position);
    this.closes.push(
      type === 'close'
        ? { kind: state.kind as string | null, result: state.result, tag: (state as State & { tag?: string | null }).tag ?? null }
        : undefined,
    );
  };

  /** The document, when every event made sense; `null` otherwise. */
  document(): Document.Parsed | null {
    const stack: Frame[] = [];
    let root: Built | null = null;
    for (let i = 0; i < this.positions.length; i++) {
      const closed = this.closes[i];
      if (!closed) {
        stack.push({ open: this.positions[i], children: [] });
        continue;
      }
      const frame = stack.pop();
      const built = frame && this.close(frame, closed.kind, closed.result, closed.tag, this.positions[i]);
      if (!built) return null;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(built);
      else if (root) return null;
      else root = built;
    }
    if (!root || stack.length > 0 || !(root.node instanceof YAMLMap)) return null;
    const doc = new Document() as unknown as Document.Parsed;
    doc.contents = root.node as never;
    doc.range = [0, this.source.length, this.source.length];
    doc.errors = [];
    doc.warnings = [];
    return doc;
  }

  /** The first character of the node's own text: js-yaml opens a node before the separating space. */
  private startAfter(pos: number): number {
    const s = this.source;
    let i = pos;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
    return i;
  }

  private close(frame: Frame, kind: string | null, result: unknown, tag: string | null, end: number): Built | null {
    // js-yaml opens a block-list entry twice (the entry and its content): the same node.
    if (frame.children.length === 1) {
      const only = frame.children[0];
      if (only.kind === kind && only.result === result) return only;
    }
    if (tag !== null && tag !== '?' && tag !== '!' && !IMPLICIT_TAGS.has(tag)) return null;
    const start = this.startAfter(frame.open);
    if (start >= end) return null; // an empty value: the full parse gives it a node of its own shape
    const first = this.source.charCodeAt(start);
    if (kind === 'scalar') {
      if (frame.children.length > 0) return null;
      if (result !== null && typeof result !== 'string' && typeof result !== 'boolean' && typeof result !== 'number') return null;
      const node = new Scalar(result);
      const type = SCALAR_TYPES.get(first) ?? Scalar.PLAIN;
      let valueEnd = end;
      if (type === Scalar.PLAIN) {
        // A plain scalar never ends in white space; js-yaml's position is past what it skipped.
        while (valueEnd > start && isBlank(this.source.charCodeAt(valueEnd - 1))) valueEnd--;
      }
      // Blank lines after a block scalar: where its range ends depends on its chomping, left to the full parse.
      if ((type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) && TRAILING_BLANK_LINE.test(this.source.slice(start, end)))
        return null;
      // An integer only as plain decimal digits: the two parsers' core schemas differ at the edges.
      if (typeof result === 'number' && !(type === Scalar.PLAIN && DECIMAL.test(this.source.slice(start, valueEnd)))) return null;
      node.type = type;
      // As the full parse: a string's decoded value, the text of anything else.
      node.source = typeof result === 'string' ? result : this.source.slice(start, valueEnd);
      node.range = [start, valueEnd, valueEnd];
      return { node, kind, result };
    }
    if (kind === 'sequence') {
      if (!Array.isArray(result) || result.length !== frame.children.length) return null;
      const seq = new YAMLSeq();
      seq.items = frame.children.map((c) => c.node);
      if (first === 91 /* [ */) seq.flow = true;
      seq.range = [start, end, end];
      return { node: seq, kind, result };
    }
    if (kind === 'mapping') {
      const children = frame.children;
      if (children.length % 2 !== 0 || !result || typeof result !== 'object') return null;
      const map = new YAMLMap();
      for (let i = 0; i < children.length; i += 2) {
        const key = children[i].node;
        if (!(key instanceof Scalar) || typeof key.value !== 'string' || (key.type !== Scalar.PLAIN && !QUOTED.has(key.type))) return null;
        map.items.push(new Pair(key, children[i + 1].node));
      }
      if (first === 123 /* { */) map.flow = true;
      map.range = [start, end, end];
      return { node: map, kind, result };
    }
    return null;
  }
}

const TRAILING_BLANK_LINE = /\n[ \t]*\r?\n$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;
const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

const SCALAR_TYPES = new Map<number, Scalar.Type>([
  [34, Scalar.QUOTE_DOUBLE],
  [39, Scalar.QUOTE_SINGLE],
  [124, Scalar.BLOCK_LITERAL],
  [62, Scalar.BLOCK_FOLDED],
]);
const QUOTED: ReadonlySet<string | undefined> = new Set([Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE]);

const IMPLICIT_TAGS: ReadonlySet<string> = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:seq',
  'tag:yaml.org,2002:map',
]);
