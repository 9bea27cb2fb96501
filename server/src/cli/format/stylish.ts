import * as path from 'path';
import type { SeverityName } from '../../core';
import type { FileResult, Summary } from '../results';

/** ANSI styles, or none: colour only when writing to a terminal. */
interface Paint {
  underline(s: string): string;
  dim(s: string): string;
  severity(level: SeverityName, s: string): string;
  bold(s: string): string;
}

const PLAIN: Paint = { underline: (s) => s, dim: (s) => s, severity: (_l, s) => s, bold: (s) => s };
const ANSI: Paint = {
  underline: (s) => `\x1b[4m${s}\x1b[24m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  severity: (l, s) => `\x1b[${l === 'error' ? 31 : l === 'warning' ? 33 : 36}m${s}\x1b[39m`,
};

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const SHOWN: Record<SeverityName, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/**
 * ESLint's "stylish" layout: a block per file with problems (path as seen from the working folder,
 * so terminals make it clickable), `line:col  severity  message  code` aligned in columns, then a
 * summary line.
 */
export function formatStylish(
  results: readonly FileResult[],
  summary: Summary,
  opts: {
    cwd: string;
    colour: boolean;
    /** Warnings --quiet left out: the summary says so rather than "no problems". */ hiddenWarnings?: number;
  },
): string {
  const p = opts.colour ? ANSI : PLAIN;
  let out = '';
  let fixable = 0;
  let problems = 0;
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    const rows = r.diagnostics.map((d) => {
      if (d.fixable) fixable++;
      problems++;
      return [
        `${d.range.start.line + 1}:${d.range.start.character + 1}`,
        SHOWN[d.severity],
        d.message.replace(/\s*\n\s*/g, ' '),
        d.code,
        d.severity,
      ] as const;
    });
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.max(...rows.map((r) => r[2].length));
    out += `\n${p.underline(path.relative(opts.cwd, r.path) || r.file)}\n`;
    for (const [pos, sev, message, code, level] of rows) {
      out += `  ${p.dim(pos.padEnd(w0))}  ${p.severity(level, sev.padEnd(w1))}  ${message.padEnd(w2)}  ${p.dim(code)}\n`;
    }
  }
  const others = problems - summary.errors - summary.warnings;
  const fixedLine = summary.fixed > 0 ? `Fixed ${plural(summary.fixed, 'problem')} in ${plural(summary.fixedFiles, 'file')}.\n` : '';
  const hidden = opts.hiddenWarnings ?? 0;
  const hiddenNote = hidden > 0 ? `${plural(hidden, 'warning')} not shown (--quiet)` : '';
  if (problems === 0) {
    if (hidden > 0) return `${fixedLine}${p.bold(`${plural(summary.files, 'file')} checked: no errors; ${hiddenNote}.`)}\n`;
    return `${fixedLine}${p.bold(`✔ ${plural(summary.files, 'file')} checked: no problems.`)}\n`;
  }
  const parts = [plural(summary.errors, 'error')];
  parts.push(hidden > 0 ? hiddenNote : plural(summary.warnings, 'warning'));
  if (others > 0) parts.push(`${others.toLocaleString('en')} info`);
  const level: SeverityName = summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'information';
  out += `\n${p.severity(level, p.bold(`✖ ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(summary.files, 'file')} checked`))}\n`;
  if (fixable > 0) out += `  ${plural(fixable, 'problem')} fixable with the --fix option.\n`;
  return out + fixedLine;
}
