import type { SeverityName } from '../../core';
import type { FileResult, Summary } from '../results';

/** GitHub's annotation levels: information and hints become notices. */
const COMMAND: Record<SeverityName, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** A workflow command's message: `%`, CR and LF are escaped (GitHub's toolkit `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which separate properties (`escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * `--format github`: one workflow-command annotation per finding, which GitHub Actions shows on the
 * pull request's diff without code scanning, then one summary line. `file(result)` names each file
 * relative to the repository root, as annotations need; lines and columns are 1-based.
 */
export function formatGithub(results: readonly FileResult[], summary: Summary, file: (result: FileResult) => string): string {
  let out = '';
  let problems = 0;
  for (const r of results) {
    const name = escapeProperty(file(r));
    for (const d of r.diagnostics) {
      problems++;
      const { start, end } = d.range;
      const props = [
        `file=${name}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(d.code)}`,
      ];
      out += `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`;
    }
  }
  const others = problems - summary.errors - summary.warnings;
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (others > 0) parts.push(plural(others, 'notice'));
  out +=
    problems === 0
      ? `resource-lint: ${plural(summary.files, 'file')} checked: no problems.\n`
      : `resource-lint: ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(summary.files, 'file')} checked.\n`;
  return out;
}
