import { sectionsCommand } from './cli/sections';

/**
 * `resource-lint` entry point. Minimal dispatcher: `sections` prints a report's section index; the
 * linting commands arrive with the CLI issue.
 */
async function main(argv: string[]): Promise<number> {
  const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s), cwd: process.cwd() };
  if (argv[0] === 'sections') return sectionsCommand(argv.slice(1), io);
  io.stderr('Usage: resource-lint sections --report FILE [--format json]\n');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`resource-lint: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
