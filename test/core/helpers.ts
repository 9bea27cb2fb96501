import { createConfiguration, type Configuration, type ConfigurationInput } from '../../server/src/core/configuration';
import { analyzeText } from '../../server/src/core/service';
import { Random } from '../../scripts/bench/random';

export interface Seen {
  code: string;
  /** The exact source text the finding's span covers. */
  text: string;
  message: string;
}

/** A resource text from frontmatter lines (joined with `eol`) and an optional body. */
export function resource(lines: string[], body = 'Body text.\n', eol = '\n'): string {
  return ['---', ...lines, '---', ''].join(eol) + body;
}

/** The valid fields of a minimal resource, to which a test adds or replaces one. */
export const VALID: Record<string, string> = {
  title: 'title: "A resource"',
  focus: 'focus: "Bias"',
  source: 'source: CRFM',
  readability: 'readability: ["Expert"]',
  type: 'type: PDF Article',
  link: 'link: https://example.org/a',
};

/** The minimal valid resource with some fields replaced (a null value removes the field). */
export function withFields(overrides: Record<string, string | null>, extra: string[] = [], eol = '\n'): string {
  const lines: string[] = [];
  for (const v of Object.values({ ...VALID, ...overrides })) if (v !== null) lines.push(...v.split('\n'));
  return resource([...lines, ...extra], 'Body text.\n', eol);
}

export function config(input: ConfigurationInput = {}): Configuration {
  return createConfiguration(input);
}

export function check(text: string, cfg: Configuration = config()): Seen[] {
  return analyzeText(text, cfg).findings.map((f) => ({ code: f.code, text: text.slice(f.start, f.end), message: f.message }));
}

/** A seeded generator of floats in [0, 1) (the bench corpus's mulberry32), so a failing case is reproduced from its seed. */
export type Rand = () => number;
export function seeded(seed: number): Rand {
  const random = new Random(seed);
  return () => random.next();
}
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
