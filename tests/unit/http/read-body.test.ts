import { describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/http/http-error';
import { readJson, readText } from '@/lib/http/route';

/** A request whose body arrives as a stream, so it declares no content-length (chunked). */
function streamed(chunks: string[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

const status = (promise: Promise<unknown>) => promise.then(() => 200, (e: unknown) => (e instanceof HttpError ? e.status : 500));

describe('reading request bodies', () => {
  it('reads a body within the limit, streamed or not', async () => {
    expect(await readText(streamed(['{"a":', '1}']), 16)).toBe('{"a":1}');
    expect(await readJson(new Request('http://localhost/x', { method: 'POST', body: '{"a":1}' }), 16)).toEqual({ a: 1 });
  });

  it('refuses a larger declared length unread, and a larger streamed body once it passes the limit (413)', async () => {
    const declared = new Request('http://localhost/x', { method: 'POST', body: 'x'.repeat(17) });
    expect(await status(readText(declared, 16))).toBe(413);
    expect(await status(readText(streamed(['x'.repeat(10), 'x'.repeat(10)]), 16))).toBe(413);
    expect(await status(readJson(streamed(['x'.repeat(10), 'x'.repeat(10)]), 16))).toBe(413);
  });

  it('an empty or non-JSON body is a 400', async () => {
    expect(await status(readJson(streamed([])))).toBe(400);
    expect(await status(readJson(streamed(['{nope'])))).toBe(400);
  });
});
