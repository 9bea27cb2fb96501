import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/** What `guarded` returns: wraps one request handler, named for the log. */
export type Guard = <P, R>(method: string, handler: Handler<P, R>) => Handler<P, R>;

/** The document a request is about, for the log: most requests name one. */
function uriOf(params: unknown): string | undefined {
  const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | null | undefined;
  const uri = p?.textDocument?.uri ?? p?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * Wraps a request handler so that an exception in it is logged once, with the document's URI, and
 * answered as an LSP error for that request alone: the server and every other request carry on.
 */
export function guarded(log: (message: string) => void): Guard {
  return <P, R>(method: string, handler: Handler<P, R>): Handler<P, R> =>
    async (params, token) => {
      try {
        return await handler(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        const uri = uriOf(params);
        const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
        log(`${method} failed${uri ? ` for ${uri}` : ''}: ${detail}`);
        throw new ResponseError(ErrorCodes.InternalError, `${method} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
}
