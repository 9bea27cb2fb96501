import type { ParsedResource } from '../document';
import type { Finding } from '../findings';

/**
 * A text that is not UTF-8 as it reached us: NUL characters (binary data, or UTF-16 read as UTF-8) or
 * many replacement characters (bytes that do not decode). Only the start is sampled: a resource's
 * frontmatter is there, and a huge binary file must not cost a full scan.
 */
function notText(text: string): string | null {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) {
    return sample.charCodeAt(1) === 0 || (sample.charCodeAt(0) === 0xfffd && sample.charCodeAt(1) === 0xfffd)
      ? 'This file looks like UTF-16 text; resource files must be saved as UTF-8 (in VS Code: "Save with Encoding" › UTF-8).'
      : 'This file is binary data, not text, so it cannot be a resource: move it out of the resource folders or exclude it in resourceAuthoring.resourceGlobs.';
  }
  let replaced = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) replaced++;
  return replaced > 8 && replaced * 20 > sample.length
    ? 'This file is not valid UTF-8 text (it may use another encoding, such as Latin-1, or be binary); save it as UTF-8.'
    : null;
}

/** Problems with the frontmatter block itself: absent, unclosed, or YAML that does not parse. */
export function checkBlock(parsed: ParsedResource): Finding[] {
  const { block, text } = parsed;
  if (!block) {
    const odd = notText(text);
    if (odd) return [{ code: 'frontmatter-missing', message: odd, start: 0, end: Math.min(1, text.length) }];
    const lineEnd = text.search(/\r|\n/);
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return [
      {
        code: 'frontmatter-missing',
        message:
          'This resource has no frontmatter. Start the file with a line "---", the fields (title, focus, source, readability, type, link, …), and a closing "---".',
        start,
        end: Math.max(start, lineEnd < 0 ? text.length : lineEnd),
      },
    ];
  }
  if (!block.close) {
    return [
      {
        code: 'frontmatter-unclosed',
        message: 'The frontmatter block opened here is never closed: add a line "---" after the last field.',
        start: block.open.start,
        end: block.open.end,
      },
    ];
  }
  return parsed.syntaxErrors.map((e) => {
    const finding: Finding = { code: 'yaml-syntax', message: e.message, start: e.start, end: e.end };
    // The parser's own wording stays with the diagnostic for the log and for bug reports.
    if (e.yamlCode) finding.data = { yamlCode: e.yamlCode, parserMessage: e.parserMessage };
    return finding;
  });
}
