import * as path from 'path';
import { URI } from 'vscode-uri';
import { buildReportIndex } from '../core';
import { DiskWorkspace } from '../node/diskWorkspace';
import { SECTIONS_SYNOPSIS } from './args';

export interface CommandIO {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

const USAGE = `Usage: ${SECTIONS_SYNOPSIS}\n\nPrints the section index of a report: text (default) or json.\n`;

/** One entry of `resource-lint sections --format json` (the shape the README's "Command line" section gives). */
export interface SectionEntry {
  number: string;
  title: string | null;
  label: string | null;
  line: number;
  parent: string | null;
}

function parseArgs(args: string[]): { report?: string; format: 'json' | 'text'; error?: string; help?: boolean } {
  let report: string | undefined;
  let format: 'json' | 'text' = 'text';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--report') {
      const v = value();
      if (!v) return { format, error: '--report needs a file.' };
      if (report) return { format, error: 'sections takes one --report.' };
      report = v;
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'text' && v !== 'stylish')
        return { format, error: `Unknown --format '${v ?? ''}' for sections: use json or text.` };
      format = v === 'json' ? 'json' : 'text';
    } else if (flag === '--help' || flag === '-h') {
      return { format, help: true };
    } else {
      return { format, error: `Unknown argument '${a}'.` };
    }
  }
  if (!report) return { format, error: 'sections needs --report FILE.' };
  return { report, format };
}

/** The text table: number, title, label, line (1-based, as people read it). */
function table(entries: SectionEntry[]): string {
  const rows = entries.map((e) => [
    '  '.repeat(e.number.split('.').length - 1) + e.number,
    e.title ?? '—',
    e.label ?? '—',
    String(e.line + 1),
  ]);
  const head = ['section', 'title', 'label', 'line'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}

/** `resource-lint sections --report FILE [--format json]`: prints the report's section index. */
export async function sectionsCommand(args: string[], io: CommandIO): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  // The same shape as the lint command's errors: prefixed, then the usage.
  if (parsed.error || !parsed.report) {
    io.stderr(`resource-lint: ${parsed.error ?? 'sections needs --report FILE.'}\n\n${USAGE}`);
    return 2;
  }
  const disk = new DiskWorkspace({ root: io.cwd, settings: async () => ({}) });
  const uri = URI.file(path.resolve(io.cwd, parsed.report)).toString();
  const text = await disk.readText(uri);
  if (text === undefined) {
    const relative = path.relative(io.cwd, URI.parse(uri).fsPath).split(path.sep).join('/');
    io.stderr(`resource-lint: Cannot read the report ${relative} (${disk.unreadableReason(uri) ?? 'unreadable'}).\n`);
    return 2;
  }
  const index = buildReportIndex(text, uri);
  const entries: SectionEntry[] = index.sections.map((s) => ({
    number: s.number,
    title: s.title,
    label: s.label,
    line: s.line,
    parent: s.parent,
  }));
  io.stdout(parsed.format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : table(entries));
  return 0;
}
