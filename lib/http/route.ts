/**
 * The one wrapper for route handlers: it runs the handler and maps every error to JSON in one
 * place. `HttpError` and zod errors become 4xx with a message; anything else becomes a 500 that
 * never leaks internals (the detail goes to the log with a correlation id).
 *
 * Text PostgreSQL cannot store (NUL, lone surrogates; lib/schema/safe-string.ts) is refused here
 * for every route at once: in query parameters and path parameters before the handler runs, and
 * anywhere in a JSON body (values and keys) in `readJson`. The answer is the zod-shaped 400 naming
 * the field, so no handler can pass such text on to a query.
 */
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../schema/json-depth';
import { findUnsafeText, unsafeTextReason } from '../schema/safe-string';
import { HttpError } from './http-error';
import { log } from '../log';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      await refuseUnsafeParameters(request, context);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A 400 in the zod shape (`issues: [{ path, message }]`) for one refused field. */
function invalidField(path: (string | number)[], message: string): ZodError {
  return new ZodError([{ code: 'custom', path, message, input: undefined }]);
}

async function refuseUnsafeParameters(request: Request, context: unknown): Promise<void> {
  for (const [name, value] of new URL(request.url).searchParams) {
    const reason = unsafeTextReason(name) ?? unsafeTextReason(value);
    if (reason) throw invalidField([name], `(query parameter) ${reason}`);
  }
  const params = context !== null && typeof context === 'object' && 'params' in context ? await (context as { params: unknown }).params : undefined;
  const found = params && typeof params === 'object' ? findUnsafeText(params) : undefined;
  if (found) throw invalidField(found.path, `(path parameter) ${found.reason}`);
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return Response.json({ error: error.message, details: error.details }, { status: error.status });
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return Response.json({ error: 'Invalid request', issues }, { status: 400 });
  }
  const correlationId = randomUUID();
  log.error('unhandled error in route', { correlationId, error: String((error as Error)?.stack ?? error) });
  return Response.json({ error: 'Internal error', correlationId }, { status: 500 });
}

/** Bodies larger than this are refused (413) unless a route allows more or less. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a body as text, at most `maxBytes` of it: a larger declared length is refused unread,
 * and the bytes actually read are counted too (a chunked request declares no length).
 */
export async function readText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new HttpError(413, `Request body is larger than ${maxBytes} bytes`);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and parses a JSON body (see readText for the size limit); a body that is not JSON is a 400, not a 500. */
export async function readJson(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const text = await readText(request, maxBytes);
  if (text.trim() === '') throw new HttpError(400, 'Request body is empty; expected JSON');
  return parseJsonBody(text);
}

/**
 * JSON text from a request, checked as every boundary needs it: valid JSON (else 400), nested at
 * most MAX_JSON_DEPTH levels (recursive validators would overflow the stack on deeper input),
 * and holding no text PostgreSQL cannot store (a 400 naming the field).
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
  if (nestsDeeperThan(value)) throw new HttpError(400, `Request body nests more than ${MAX_JSON_DEPTH} levels deep`);
  const unsafe = findUnsafeText(value);
  if (unsafe) throw invalidField(unsafe.path, unsafe.reason);
  return value;
}
