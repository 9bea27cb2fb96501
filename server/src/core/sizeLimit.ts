import type { Finding } from './findings';
import { findFrontmatter, type FrontmatterBlock } from './frontmatter';
import type { SizeLimits } from './settings';

/** Whether `text` is past the limits (the cheap test, for a host that would otherwise parse it). */
export function exceedsSizeLimits(text: string, limits: SizeLimits): boolean {
  return sizeLimitFinding(text, limits) !== undefined;
}

const count = (n: number) => n.toLocaleString('en');

/**
 * The one finding of a text past the size limits (`resourceAuthoring.limits.*`), or undefined when it
 * is within them and gets analysed. Measuring costs a scan for the closing `---` at most: nothing is
 * parsed, so a giant costs next to nothing however large it is.
 */
export function sizeLimitFinding(text: string, limits: SizeLimits, block?: FrontmatterBlock | null): Finding | undefined {
  // At the start of the file: the opening `---`, else the first characters of the first line.
  let end = 0;
  while (end < 3 && end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const at = { start: 0, end };
  if (text.length > limits.fileSize) {
    return {
      code: 'file-too-large',
      ...at,
      message: `This file is ${count(text.length)} characters long, more than resourceAuthoring.limits.fileSize (${count(limits.fileSize)}): it is not checked. Raise that setting to check it.`,
      data: { size: text.length, limit: limits.fileSize, setting: 'resourceAuthoring.limits.fileSize' },
    };
  }
  const frontmatter = block === undefined ? findFrontmatter(text) : block;
  if (!frontmatter?.close) return undefined;
  const size = frontmatter.content.end - frontmatter.content.start;
  if (size <= limits.frontmatterSize) return undefined;
  return {
    code: 'file-too-large',
    start: frontmatter.open.start,
    end: frontmatter.open.end,
    message: `The frontmatter is ${count(size)} characters long, more than resourceAuthoring.limits.frontmatterSize (${count(limits.frontmatterSize)}): this file is not checked. Raise that setting to check it.`,
    data: { size, limit: limits.frontmatterSize, setting: 'resourceAuthoring.limits.frontmatterSize' },
  };
}
