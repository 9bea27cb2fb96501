import type { CliIO } from './io';

/**
 * Writes chunks in order, waiting while the stream's buffer is full: a pipe read slowly (a CI log,
 * another process) would otherwise hold the whole output in memory again, chunk by chunk.
 */
export async function writeChunks(out: CliIO['stdout'], chunks: Iterable<string>): Promise<void> {
  const stream = out as Partial<NodeJS.WritableStream>;
  for (const chunk of chunks) {
    if (out.write(chunk) === false && typeof stream.once === 'function')
      await new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
}
