import { isScalar, type Node, type Pair, type YAMLMap } from 'yaml';

/**
 * The pairs of one YAML map by key (the first occurrence), built once per map: checks and fixes look
 * a key up per finding, and a linear search per finding made thousands of findings quadratic.
 * Parsed documents are never mutated (fixes are edits to the text), so the index never goes stale.
 */
const indexes = new WeakMap<YAMLMap, { pairs: Map<string, Pair<Node, Node | null>>; keys: ReadonlySet<string> }>();

function indexOf(map: YAMLMap) {
  let index = indexes.get(map);
  if (!index) {
    const pairs = new Map<string, Pair<Node, Node | null>>();
    for (const item of map.items as Pair<Node, Node | null>[]) {
      if (!isScalar(item.key)) continue;
      const key = String(item.key.value);
      if (!pairs.has(key)) pairs.set(key, item);
    }
    index = { pairs, keys: new Set(pairs.keys()) };
    indexes.set(map, index);
  }
  return index;
}

export function pairsByKey(map: YAMLMap): ReadonlyMap<string, Pair<Node, Node | null>> {
  return indexOf(map).pairs;
}

/** The scalar keys of a map, as one shared set. */
export function keysOf(map: YAMLMap): ReadonlySet<string> {
  return indexOf(map).keys;
}
