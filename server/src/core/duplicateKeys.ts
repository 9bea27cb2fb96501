import { isScalar, visit, YAMLParseError, type Document } from 'yaml';

/**
 * The `DUPLICATE_KEY` errors `yaml` reports with `uniqueKeys: true`, found in one pass per map: the
 * library compares each key with every earlier one, which made a frontmatter of tens of thousands of
 * keys take seconds. Equality is the library's own: the same scalar value (`===`).
 */
export function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range) continue;
        if (seen.has(key.value)) {
          errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        } else {
          seen.add(key.value);
        }
      }
    },
  });
  return errors;
}
