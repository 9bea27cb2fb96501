/** Where the CLI writes and where it runs; the tests hand in their own. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** A usage or configuration problem: the message is printed and the CLI exits with status 2. */
export class ConfigurationError extends Error {}
