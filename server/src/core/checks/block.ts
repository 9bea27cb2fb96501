import type { ParsedResource } from '../document';
import type { Finding } from '../findings';

/** Problems with the frontmatter block itself: absent, unclosed, or YAML that does not parse. */
export function checkBlock(parsed: ParsedResource): Finding[] {
  const { block, text } = parsed;
  if (!block) {
    const lineEnd = text.search(/\r|\n/);
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return [{
      code: 'frontmatter-missing',
      message: 'This resource has no frontmatter. Start the file with a line "---", the fields (title, focus, source, readability, type, link, …), and a closing "---".',
      start,
      end: Math.max(start, lineEnd < 0 ? text.length : lineEnd),
    }];
  }
  if (!block.close) {
    return [{
      code: 'frontmatter-unclosed',
      message: 'The frontmatter block opened here is never closed: add a line "---" after the last field.',
      start: block.open.start,
      end: block.open.end,
    }];
  }
  return parsed.syntaxErrors.map((e) => ({ code: 'yaml-syntax', message: e.message, start: e.start, end: e.end }));
}
