/** Lets pending I/O and requests run before continuing a long loop (one macrotask turn). */
export function yieldToEvents(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
